package org.banyan.account;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.banyan.problem.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The account page's tokens: make one (its secret shown once), see them, revoke one. */
@Controller
class TokensPage {

  static final String PATH = "/account/tokens";

  private final ApiTokens tokens;
  private final Clock clock;

  TokensPage(ApiTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String list(Principal principal, Model model) {
    return page(principal, model, null, "", null);
  }

  @PostMapping(PATH)
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) String expiresInDays,
      Principal principal,
      Model model) {
    try {
      Integer days = null;
      if (expiresInDays != null && !expiresInDays.isBlank()) {
        try {
          days = Integer.valueOf(expiresInDays.strip());
        } catch (NumberFormatException e) {
          throw InvalidInput.of("expiresInDays", "invalid.token.days", ApiTokens.MAX_DAYS);
        }
      }
      ApiTokens.Created created = tokens.create(principal.getName(), name, days);
      // Shown on this answer only, never stored where it could be shown again.
      return page(principal, model, created, "", null);
    } catch (InvalidInput e) {
      return page(principal, model, null, name, e);
    }
  }

  @PostMapping(PATH + "/{id}/revoke")
  String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
    tokens.revoke(principal.getName(), id);
    redirect.addFlashAttribute("revoked", true);
    return "redirect:" + PATH;
  }

  private String page(
      Principal principal,
      Model model,
      ApiTokens.Created created,
      String name,
      InvalidInput problems) {
    model.addAttribute("tokens", tokens.list(principal.getName()));
    model.addAttribute("created", created);
    model.addAttribute("name", name);
    model.addAttribute("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "account/tokens";
  }
}
