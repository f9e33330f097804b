package org.banyan.training;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.banyan.problem.InvalidInput;
import org.banyan.web.SupportedLocales;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My training", the module player and the public certificate page. */
@Controller
class TrainingPages {

  /** A quiz answer's form field: {@code q.<question id>}, once per chosen choice. */
  static final String QUESTION_FIELD = "q.";

  private final Assignments assignments;
  private final Progress progress;
  private final Modules modules;
  private final Certificates certificates;
  private final Statements statements;
  private final TrainingTime time;

  TrainingPages(
      Assignments assignments,
      Progress progress,
      Modules modules,
      Certificates certificates,
      Statements statements,
      TrainingTime time) {
    this.assignments = assignments;
    this.progress = progress;
    this.modules = modules;
    this.certificates = certificates;
    this.statements = statements;
    this.time = time;
  }

  @GetMapping("/training")
  @PreAuthorize("hasRole('TEACHER')")
  String mine(Principal principal, Locale locale, Model model) {
    List<MyAssignment> assigned = assignments.mine(principal.getName());
    Set<String> listed = new HashSet<>();
    assigned.forEach(a -> listed.add(a.module().lang() + "/" + a.module().slug()));
    List<StartedModule> started = new ArrayList<>();
    for (StartedModule module : progress.started(principal.getName())) {
      if (listed.add(module.module().lang() + "/" + module.module().slug())) {
        started.add(module);
      }
    }
    String lang = SupportedLocales.closest(locale).toLanguageTag();
    model.addAttribute("assigned", assigned);
    model.addAttribute("started", started);
    model.addAttribute(
        "others",
        modules.published(lang).stream()
            .filter(m -> !listed.contains(m.lang() + "/" + m.slug()))
            .toList());
    return "training/mine";
  }

  /** The address search results and the catalog give a module. */
  @GetMapping("/modules/{lang}/{slug}")
  String moduleLink(@PathVariable String lang, @PathVariable String slug) {
    return "redirect:/training/modules/" + lang + "/" + slug;
  }

  @GetMapping("/training/modules/{lang}/{slug}")
  String module(
      @PathVariable String lang, @PathVariable String slug, Principal principal, Model model) {
    model.addAttribute("module", progress.module(principal.getName(), lang, slug));
    model.addAttribute("times", new DisplayTimes(time.zone()));
    return "training/module";
  }

  @PostMapping("/training/modules/{lang}/{slug}/units/{unitId}")
  @PreAuthorize("hasRole('TEACHER')")
  String complete(
      @PathVariable String lang,
      @PathVariable String slug,
      @PathVariable String unitId,
      @RequestParam MultiValueMap<String, String> form,
      Principal principal,
      RedirectAttributes redirect) {
    UnitAnswer answer = new UnitAnswer(answers(form), form.getFirst("text"));
    try {
      CompletionResult result = progress.complete(principal.getName(), lang, slug, unitId, answer);
      redirect.addFlashAttribute("result", result.unit());
    } catch (InvalidInput e) {
      redirect.addFlashAttribute("violations", e.violations());
    } catch (PracticeNotTaught e) {
      redirect.addFlashAttribute("notTaught", true);
    } catch (QuizAttemptRefused e) {
      redirect.addFlashAttribute("attemptRefused", true);
    }
    redirect.addFlashAttribute("unit", unitId);
    return "redirect:/training/modules/" + lang + "/" + slug + "#unit-" + unitId;
  }

  @GetMapping("/certificates/{code}")
  String certificate(
      @PathVariable String code, Model model, jakarta.servlet.http.HttpServletResponse response) {
    Certificate certificate = certificates.check(code);
    if (!certificate.valid()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
    }
    model.addAttribute("certificate", certificate);
    model.addAttribute("times", new DisplayTimes(time.zone()));
    model.addAttribute("verifyUrl", statements.base() + "/certificates/" + certificate.code());
    return "training/certificate";
  }

  /** Quiz answers from the form: no field for a question means no choice. */
  private static Map<String, List<Integer>> answers(MultiValueMap<String, String> form) {
    if (!"quiz".equals(form.getFirst("type"))) {
      return null;
    }
    Map<String, List<Integer>> answers = new LinkedHashMap<>();
    form.forEach(
        (name, values) -> {
          if (name.startsWith(QUESTION_FIELD)) {
            List<Integer> choices = new ArrayList<>();
            for (String value : values) {
              try {
                choices.add(Integer.valueOf(value));
              } catch (NumberFormatException e) {
                choices.add(-1);
              }
            }
            answers.put(name.substring(QUESTION_FIELD.length()), choices);
          }
        });
    return answers;
  }
}
