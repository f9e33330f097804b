package org.banyan.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.banyan.web.Themes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A draft as teachers will see it once it is published: the latest revision of a lesson on the
 * reader's page and in its print kit, a course's outline and whole print run, and a module in the
 * training player (made by training, through {@link ModulePreviews}), by the readers' own templates
 * and views, with a line saying it is a preview. For authors and reviewers, before anything goes
 * live.
 */
@Controller
@PreAuthorize("hasAnyRole('AUTHOR', 'REVIEWER')")
class DraftPreviews {

  private final Authoring authoring;
  private final ReaderViews views;
  private final ContentSettings settings;
  private final ObjectProvider<ModulePreviews> modules;
  private final Themes themes;

  DraftPreviews(
      Authoring authoring,
      ReaderViews views,
      ContentSettings settings,
      ObjectProvider<ModulePreviews> modules,
      Themes themes) {
    this.authoring = authoring;
    this.views = views;
    this.settings = settings;
    this.modules = modules;
    this.themes = themes;
  }

  /** A draft module in the training player, quiz included, as a teacher will meet it. */
  @GetMapping("/authoring/modules/{id}/preview")
  ModelAndView module(
      @PathVariable long id,
      @RequestParam(required = false) String theme,
      Model model,
      Locale locale) {
    ModulePreviews player = modules.getIfAvailable();
    if (player == null) {
      throw ContentNotFound.forId(ContentType.MODULE, id);
    }
    model.addAllAttributes(player.player(latest(ContentType.MODULE, id, theme, model)));
    return themes.page(theme, ModulePreviews.TEMPLATE, locale);
  }

  @GetMapping("/authoring/lessons/{id}/preview")
  ModelAndView lesson(
      @PathVariable long id,
      @RequestParam(required = false) String theme,
      Model model,
      Locale locale) {
    PublishedItem draft = latest(ContentType.LESSON, id, theme, model);
    model.addAttribute("page", views.lesson(draft, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    model.addAttribute("related", List.of());
    return themes.page(theme, "content/lesson", locale);
  }

  @GetMapping("/authoring/lessons/{id}/preview/print")
  ModelAndView lessonPrint(
      @PathVariable long id,
      @RequestParam(required = false) String theme,
      Model model,
      Locale locale) {
    PublishedItem draft = latest(ContentType.LESSON, id, theme, model);
    model.addAttribute("page", views.lesson(draft, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    return themes.page(theme, "content/lesson-print", locale);
  }

  @GetMapping("/authoring/courses/{id}/preview")
  ModelAndView course(
      @PathVariable long id,
      @RequestParam(required = false) String theme,
      Model model,
      Locale locale) {
    PublishedItem draft = latest(ContentType.COURSE, id, theme, model);
    model.addAttribute("page", views.course(draft, views.lessonsOf(draft)));
    return themes.page(theme, "content/course", locale);
  }

  @GetMapping("/authoring/courses/{id}/preview/print")
  ModelAndView coursePrint(
      @PathVariable long id,
      @RequestParam(required = false) String theme,
      Model model,
      Locale locale) {
    PublishedItem draft = latest(ContentType.COURSE, id, theme, model);
    Map<String, PublishedItem> lessons = views.lessonsOf(draft);
    model.addAttribute("page", views.course(draft, lessons));
    model.addAttribute("kits", views.kits(draft, lessons, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    return themes.page(theme, "content/course-print", locale);
  }

  /**
   * The latest revision of item {@code id} as if it were published now; the page says it is a
   * preview of that revision, in which theme, and links back to its editor and to the other themes.
   */
  private PublishedItem latest(ContentType type, long id, String theme, Model model) {
    Draft draft = authoring.draft(type, id);
    ItemSummary item = draft.item();
    model.addAttribute("previewOf", item);
    model.addAttribute("previewThemes", themes.all());
    model.addAttribute("previewTheme", themes.name(theme));
    return new PublishedItem(
        item.id(),
        type,
        item.lang(),
        item.slug(),
        item.translationGroup(),
        item.revision(),
        OffsetDateTime.now(),
        draft.content());
  }
}
