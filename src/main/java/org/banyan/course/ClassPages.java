package org.banyan.course;

import java.security.Principal;
import java.util.List;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.problem.InvalidInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My classes", a class's page with marking, and the progress report. */
@Controller
class ClassPages {

  private final Classes classes;
  private final Catalog catalog;

  ClassPages(Classes classes, Catalog catalog) {
    this.classes = classes;
    this.catalog = catalog;
  }

  @GetMapping("/classes")
  @PreAuthorize("hasRole('TEACHER')")
  String mine(Principal principal, Model model) {
    return list(principal, model, null, null);
  }

  @PostMapping("/classes")
  @PreAuthorize("hasRole('TEACHER')")
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) Integer grade,
      @RequestParam(required = false) Integer pupils,
      @RequestParam(defaultValue = "") String course,
      Principal principal,
      Model model) {
    String[] parts = course.split("/", 2);
    NewClass request =
        new NewClass(
            name,
            grade,
            pupils,
            parts.length == 2 ? parts[1] : null,
            parts.length == 2 ? parts[0] : null);
    try {
      long id = classes.create(principal.getName(), request);
      return "redirect:/classes/" + id;
    } catch (InvalidInput e) {
      return list(principal, model, request, e);
    }
  }

  @GetMapping("/classes/{id}")
  @PreAuthorize("hasRole('TEACHER')")
  String show(@PathVariable long id, Principal principal, Model model) {
    model.addAttribute("detail", classes.get(principal.getName(), id));
    model.addAttribute("today", classes.today().toString());
    return "course/class";
  }

  @PostMapping("/classes/{id}/deliveries")
  @PreAuthorize("hasRole('TEACHER')")
  String deliver(
      @PathVariable long id,
      @RequestParam String lessonSlug,
      @RequestParam(defaultValue = "") String deliveredOn,
      @RequestParam(required = false) Integer minutes,
      @RequestParam(required = false) Integer rating,
      @RequestParam(defaultValue = "") String notes,
      @RequestParam(defaultValue = "false") boolean confirmPersonalData,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    try {
      classes.deliver(
          principal.getName(),
          id,
          new Delivery(lessonSlug, deliveredOn, minutes, rating, notes, confirmPersonalData));
      redirect.addFlashAttribute("marked", lessonSlug);
      return "redirect:/classes/" + id;
    } catch (PersonalDataSuspected e) {
      model.addAttribute("warning", e.code());
      model.addAttribute(
          "pending", new Delivery(lessonSlug, deliveredOn, minutes, rating, notes, false));
    } catch (InvalidInput e) {
      model.addAttribute("violations", e.violations());
      model.addAttribute(
          "pending", new Delivery(lessonSlug, deliveredOn, minutes, rating, notes, false));
    } catch (AlreadyDelivered e) {
      return "redirect:/classes/" + id;
    }
    model.addAttribute("detail", classes.get(principal.getName(), id));
    model.addAttribute("today", classes.today().toString());
    return "course/class";
  }

  @PostMapping("/classes/{id}/deliveries/{lessonSlug}/undo")
  @PreAuthorize("hasRole('TEACHER')")
  String undo(@PathVariable long id, @PathVariable String lessonSlug, Principal principal) {
    try {
      classes.undo(principal.getName(), id, lessonSlug);
    } catch (DeliveryNotFound notMarked) {
      // Nothing to take back: the page shows the lesson as not taught either way.
    }
    return "redirect:/classes/" + id;
  }

  @PostMapping("/classes/{id}/switch-revision")
  @PreAuthorize("hasRole('TEACHER')")
  String switchRevision(@PathVariable long id, Principal principal) {
    classes.switchToLatest(principal.getName(), id);
    return "redirect:/classes/" + id;
  }

  @GetMapping("/classes/report")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  String report(Model model) {
    model.addAttribute("lines", classes.report());
    return "course/report";
  }

  private String list(Principal principal, Model model, NewClass form, InvalidInput problems) {
    model.addAttribute("classes", classes.mine(principal.getName()));
    model.addAttribute("courses", catalog.all(ContentType.COURSE, null));
    model.addAttribute("form", form == null ? new NewClass("", null, null, null, null) : form);
    model.addAttribute("violations", problems == null ? List.of() : problems.violations());
    return "course/classes";
  }
}
