package org.banyan.account;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.banyan.problem.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where every signed-in user changes their own password, and must after a reset. */
@Controller
class PasswordPage {

  private final Accounts accounts;
  private final SessionGuard sessions;

  PasswordPage(Accounts accounts, SessionGuard sessions) {
    this.accounts = accounts;
    this.sessions = sessions;
  }

  @GetMapping(SessionGuard.PASSWORD_PAGE)
  String form(Principal principal, Model model) {
    return page(principal, model, null);
  }

  @PostMapping(SessionGuard.PASSWORD_PAGE)
  String change(
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String confirmPassword,
      Principal principal,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    try {
      if (!newPassword.equals(confirmPassword)) {
        throw InvalidInput.of("confirmPassword", "invalid.password.mismatch");
      }
      accounts.changePassword(principal.getName(), currentPassword, newPassword);
    } catch (InvalidInput e) {
      return page(principal, model, e);
    }
    sessions.passwordChanged(request, principal.getName());
    redirect.addFlashAttribute("passwordChanged", true);
    return "redirect:" + SessionGuard.PASSWORD_PAGE;
  }

  private String page(Principal principal, Model model, InvalidInput problems) {
    model.addAttribute("due", sessions.passwordChangeDue(principal.getName()));
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "account/password";
  }
}
