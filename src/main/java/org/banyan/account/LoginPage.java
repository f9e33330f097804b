package org.banyan.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPage {

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String throttled,
      Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("throttled", throttled != null);
    return "account/login";
  }
}
