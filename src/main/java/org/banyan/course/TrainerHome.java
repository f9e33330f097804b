package org.banyan.course;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The trainer's entry point; until the training dashboard exists it is the progress report. */
@Controller
class TrainerHome {

  @GetMapping("/trainer")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  String trainer() {
    return "redirect:/classes/report";
  }
}
