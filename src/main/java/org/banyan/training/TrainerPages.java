package org.banyan.training;

import java.util.List;
import java.util.Locale;
import org.banyan.problem.InvalidInput;
import org.banyan.web.SupportedLocales;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trainer's pages: assignments, a dashboard for each, cohorts, and modules as handouts for
 * face-to-face sessions.
 */
@Controller
@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
class TrainerPages {

  private final Assignments assignments;
  private final Cohorts cohorts;
  private final Modules modules;
  private final TeacherReach reach;
  private final TrainingTime time;
  private final Handouts handouts;

  TrainerPages(
      Assignments assignments,
      Cohorts cohorts,
      Modules modules,
      TeacherReach reach,
      TrainingTime time,
      Handouts handouts) {
    this.assignments = assignments;
    this.cohorts = cohorts;
    this.modules = modules;
    this.reach = reach;
    this.time = time;
    this.handouts = handouts;
  }

  /** A module as a printed handout for a face-to-face session, without the right answers. */
  @GetMapping("/trainer/modules/{lang}/{slug}/handout")
  String handout(@PathVariable String lang, @PathVariable String slug, Model model) {
    model.addAttribute("handout", handouts.handout(lang, slug, false));
    return "training/handout";
  }

  /** The quiz answers of a module's handout, for the trainer alone. */
  @GetMapping("/trainer/modules/{lang}/{slug}/answer-key")
  String answerKey(@PathVariable String lang, @PathVariable String slug, Model model) {
    model.addAttribute("handout", handouts.handout(lang, slug, true));
    return "training/handout";
  }

  @GetMapping("/trainer")
  String home(Authentication user, Locale locale, Model model) {
    return home(user, locale, model, null, null);
  }

  @PostMapping("/trainer/assignments")
  @PreAuthorize("hasRole('TRAINER')")
  String assign(
      @RequestParam(defaultValue = "") String module,
      @RequestParam(required = false) List<String> assignees,
      @RequestParam(required = false) Long cohortId,
      @RequestParam(defaultValue = "") String dueOn,
      Authentication user,
      Locale locale,
      Model model) {
    String[] parts = module.split("/", 2);
    NewAssignment request =
        new NewAssignment(
            parts.length == 2 ? parts[1] : null,
            parts.length == 2 ? parts[0] : null,
            assignees == null ? List.of() : assignees,
            cohortId,
            dueOn);
    try {
      long id = assignments.create(user.getName(), TrainingApi.admin(user), request);
      return "redirect:/trainer/assignments/" + id;
    } catch (InvalidInput e) {
      return home(user, locale, model, request, e);
    }
  }

  @GetMapping("/trainer/assignments/{id}")
  String dashboard(
      @PathVariable long id,
      @RequestParam(required = false) String status,
      Authentication user,
      Model model) {
    TrainingStatus filter = TrainingStatus.forCode(status).orElse(null);
    model.addAttribute("assignment", assignments.get(user.getName(), TrainingApi.admin(user), id));
    model.addAttribute(
        "lines", assignments.progress(user.getName(), TrainingApi.admin(user), id, filter));
    model.addAttribute("filter", filter == null ? "" : filter.code());
    model.addAttribute("statuses", List.of(TrainingStatus.values()));
    model.addAttribute("today", time.today().toString());
    model.addAttribute("zone", time.zone().getId());
    model.addAttribute("times", new DisplayTimes(time.zone()));
    return "training/assignment";
  }

  @GetMapping("/trainer/assignments/{id}/progress.csv")
  ResponseEntity<byte[]> csv(
      @PathVariable long id, @RequestParam(required = false) String status, Authentication user) {
    TrainingStatus filter = TrainingStatus.forCode(status).orElse(null);
    return TrainingApi.csv(
        id,
        ProgressCsv.write(
            assignments.progress(user.getName(), TrainingApi.admin(user), id, filter),
            time.zone()));
  }

  @PostMapping("/trainer/assignments/{id}/due")
  String changeDue(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String dueOn,
      Authentication user,
      RedirectAttributes redirect) {
    try {
      assignments.changeDue(user.getName(), TrainingApi.admin(user), id, dueOn);
      redirect.addFlashAttribute("saved", dueOn);
    } catch (InvalidInput e) {
      redirect.addFlashAttribute("violations", e.violations());
    }
    return "redirect:/trainer/assignments/" + id;
  }

  @PostMapping("/trainer/assignments/{id}/withdraw")
  String withdraw(@PathVariable long id, Authentication user) {
    assignments.withdraw(user.getName(), TrainingApi.admin(user), id);
    return "redirect:/trainer/assignments/" + id;
  }

  @GetMapping("/trainer/cohorts")
  String cohorts(Authentication user, Model model) {
    return cohorts(user, model, null, null);
  }

  @PostMapping("/trainer/cohorts")
  @PreAuthorize("hasRole('TRAINER')")
  String createCohort(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) List<String> members,
      @RequestParam(required = false) List<Long> schools,
      Authentication user,
      Model model,
      RedirectAttributes redirect) {
    NewCohort request =
        new NewCohort(
            name, members == null ? List.of() : members, schools == null ? List.of() : schools);
    try {
      cohorts.create(user.getName(), TrainingApi.admin(user), request);
      redirect.addFlashAttribute("saved", name.strip());
      return "redirect:/trainer/cohorts";
    } catch (InvalidInput e) {
      return cohorts(user, model, request, e);
    }
  }

  @GetMapping("/trainer/cohorts/{id}")
  String cohort(@PathVariable long id, Authentication user, Model model) {
    return cohort(id, user, model, null, null);
  }

  @PostMapping("/trainer/cohorts/{id}/name")
  String renameCohort(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String name,
      Authentication user,
      Model model,
      RedirectAttributes redirect) {
    try {
      cohorts.rename(user.getName(), TrainingApi.admin(user), id, name);
      redirect.addFlashAttribute("saved", name.strip());
      return "redirect:/trainer/cohorts/" + id;
    } catch (InvalidInput e) {
      return cohort(id, user, model, null, e);
    }
  }

  @PostMapping("/trainer/cohorts/{id}/members")
  String addMembers(
      @PathVariable long id,
      @RequestParam(required = false) List<String> members,
      @RequestParam(required = false) List<Long> schools,
      Authentication user,
      Model model,
      RedirectAttributes redirect) {
    NewCohort request =
        new NewCohort(
            null, members == null ? List.of() : members, schools == null ? List.of() : schools);
    try {
      Cohort cohort = cohorts.addMembers(user.getName(), TrainingApi.admin(user), id, request);
      redirect.addFlashAttribute("saved", cohort.name());
      return "redirect:/trainer/cohorts/" + id;
    } catch (InvalidInput e) {
      return cohort(id, user, model, request, e);
    }
  }

  @PostMapping("/trainer/cohorts/{id}/members/{username}/remove")
  String removeMember(
      @PathVariable long id,
      @PathVariable String username,
      Authentication user,
      RedirectAttributes redirect) {
    Cohort cohort = cohorts.removeMember(user.getName(), TrainingApi.admin(user), id, username);
    redirect.addFlashAttribute("saved", cohort.name());
    return "redirect:/trainer/cohorts/" + id;
  }

  private String cohort(
      long id, Authentication user, Model model, NewCohort form, InvalidInput problems) {
    Cohort cohort = cohorts.get(user.getName(), TrainingApi.admin(user), id);
    model.addAttribute("cohort", cohort);
    model.addAttribute(
        "teachers",
        cohorts.teachers(user.getName(), TrainingApi.admin(user)).stream()
            .filter(
                t -> cohort.members().stream().noneMatch(m -> m.username().equals(t.username())))
            .toList());
    model.addAttribute("schools", reach.schools(user.getName(), TrainingApi.admin(user)));
    model.addAttribute("form", form == null ? new NewCohort("", List.of(), List.of()) : form);
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "training/cohort";
  }

  private String home(
      Authentication user, Locale locale, Model model, NewAssignment form, InvalidInput problems) {
    String lang = SupportedLocales.closest(locale).toLanguageTag();
    model.addAttribute("assignments", assignments.visible(user.getName(), TrainingApi.admin(user)));
    model.addAttribute("modules", modules.published(lang));
    model.addAttribute("otherModules", modules.published(lang.equals("en") ? "zh-CN" : "en"));
    model.addAttribute("cohorts", cohorts.visible(user.getName(), false));
    model.addAttribute("teachers", cohorts.teachers(user.getName(), TrainingApi.admin(user)));
    model.addAttribute(
        "form",
        form == null
            ? new NewAssignment(null, null, List.of(), null, time.today().plusWeeks(4).toString())
            : form);
    model.addAttribute("today", time.today().toString());
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "training/trainer";
  }

  private String cohorts(Authentication user, Model model, NewCohort form, InvalidInput problems) {
    model.addAttribute("cohorts", cohorts.visible(user.getName(), TrainingApi.admin(user)));
    model.addAttribute("teachers", cohorts.teachers(user.getName(), TrainingApi.admin(user)));
    model.addAttribute("schools", reach.schools(user.getName(), TrainingApi.admin(user)));
    model.addAttribute("form", form == null ? new NewCohort("", List.of(), List.of()) : form);
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "training/cohorts";
  }
}
