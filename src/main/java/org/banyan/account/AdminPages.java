package org.banyan.account;

import java.security.Principal;
import java.util.List;
import org.banyan.problem.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages: users, schools and the audit log. */
@Controller
class AdminPages {

  public record UserForm(String username, String displayName, List<String> roles, String school) {}

  private final Accounts accounts;
  private final Schools schools;
  private final AuditLog audit;

  AdminPages(Accounts accounts, Schools schools, AuditLog audit) {
    this.accounts = accounts;
    this.schools = schools;
    this.audit = audit;
  }

  @GetMapping("/admin")
  String admin() {
    return "redirect:/admin/users";
  }

  @GetMapping("/admin/users")
  String users(Model model) {
    model.addAttribute("users", accounts.all());
    return "account/users";
  }

  @GetMapping("/admin/users/new")
  String newUser(Model model) {
    return newUserForm(model, new UserForm("", "", List.of(Role.TEACHER.name()), ""), null);
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(required = false) List<String> roles,
      @RequestParam(defaultValue = "") String school,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    UserForm form = new UserForm(username, displayName, roles == null ? List.of() : roles, school);
    try {
      User user =
          accounts.create(
              principal.getName(),
              new NewUser(username, displayName, password, form.roles(), school));
      redirect.addFlashAttribute("saved", user.username());
      return "redirect:/admin/users";
    } catch (InvalidInput e) {
      return newUserForm(model, form, e);
    } catch (UsernameTaken e) {
      return newUserForm(model, form, InvalidInput.of("username", "invalid.username.taken"));
    }
  }

  @GetMapping("/admin/users/{username}")
  String edit(@PathVariable String username, Model model) {
    User user = accounts.get(username);
    UserForm form =
        new UserForm(
            user.username(),
            user.displayName(),
            user.roles().stream().map(Role::name).toList(),
            user.school() == null ? "" : String.valueOf(user.school().id()));
    return editForm(model, user, form, null);
  }

  @PostMapping("/admin/users/{username}")
  String update(
      @PathVariable String username,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(required = false) List<String> roles,
      @RequestParam(defaultValue = "") String school,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    User user = accounts.get(username);
    UserForm form =
        new UserForm(user.username(), displayName, roles == null ? List.of() : roles, school);
    try {
      accounts.change(
          principal.getName(), username, new UserChange(displayName, form.roles(), school));
      redirect.addFlashAttribute("saved", user.username());
      return "redirect:/admin/users";
    } catch (InvalidInput e) {
      return editForm(model, user, form, e);
    }
  }

  @PostMapping("/admin/users/{username}/enabled")
  String enable(
      @PathVariable String username,
      @RequestParam boolean enabled,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    try {
      accounts.setEnabled(principal.getName(), username, enabled);
      redirect.addFlashAttribute("saved", username);
      return "redirect:/admin/users";
    } catch (InvalidInput e) {
      User user = accounts.get(username);
      UserForm form =
          new UserForm(
              user.username(),
              user.displayName(),
              user.roles().stream().map(Role::name).toList(),
              user.school() == null ? "" : String.valueOf(user.school().id()));
      return editForm(model, user, form, e);
    }
  }

  @PostMapping("/admin/users/{username}/password-reset")
  String resetPassword(
      @PathVariable String username, Principal principal, RedirectAttributes redirect) {
    String temporary = accounts.resetPassword(principal.getName(), username);
    redirect.addFlashAttribute("temporaryPassword", temporary);
    return "redirect:/admin/users/" + accounts.get(username).username();
  }

  @GetMapping("/admin/schools")
  String schools(Model model) {
    return schoolsPage(model, "", "", "", null);
  }

  @PostMapping("/admin/schools")
  String createSchool(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String county,
      @RequestParam(defaultValue = "") String province,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    try {
      School school = schools.create(principal.getName(), name, county, province);
      redirect.addFlashAttribute("saved", school.name());
      return "redirect:/admin/schools";
    } catch (InvalidInput e) {
      return schoolsPage(model, name, county, province, e);
    }
  }

  @GetMapping("/admin/audit")
  String audit(@RequestParam(required = false) String action, Model model) {
    model.addAttribute("entries", audit.recent(action, 500));
    model.addAttribute("action", action == null ? "" : action);
    return "account/audit";
  }

  private String newUserForm(Model model, UserForm form, InvalidInput problems) {
    model.addAttribute("form", form);
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("schools", schools.all());
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "account/user-new";
  }

  private String editForm(Model model, User user, UserForm form, InvalidInput problems) {
    model.addAttribute("user", user);
    model.addAttribute("form", form);
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("schools", schools.all());
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "account/user-edit";
  }

  private String schoolsPage(
      Model model, String name, String county, String province, InvalidInput problems) {
    model.addAttribute("schools", schools.all());
    model.addAttribute("form", new School(0, name, county, province));
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "account/schools";
  }
}
