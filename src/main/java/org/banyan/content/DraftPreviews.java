package org.banyan.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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

  DraftPreviews(
      Authoring authoring,
      ReaderViews views,
      ContentSettings settings,
      ObjectProvider<ModulePreviews> modules) {
    this.authoring = authoring;
    this.views = views;
    this.settings = settings;
    this.modules = modules;
  }

  /** A draft module in the training player, quiz included, as a teacher will meet it. */
  @GetMapping("/authoring/modules/{id}/preview")
  String module(@PathVariable long id, Model model) {
    ModulePreviews player = modules.getIfAvailable();
    if (player == null) {
      throw ContentNotFound.forId(ContentType.MODULE, id);
    }
    model.addAllAttributes(player.player(latest(ContentType.MODULE, id, model)));
    return ModulePreviews.TEMPLATE;
  }

  @GetMapping("/authoring/lessons/{id}/preview")
  String lesson(@PathVariable long id, Model model, Locale locale) {
    PublishedItem draft = latest(ContentType.LESSON, id, model);
    model.addAttribute("page", views.lesson(draft, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    model.addAttribute("related", List.of());
    return "content/lesson";
  }

  @GetMapping("/authoring/lessons/{id}/preview/print")
  String lessonPrint(@PathVariable long id, Model model, Locale locale) {
    PublishedItem draft = latest(ContentType.LESSON, id, model);
    model.addAttribute("page", views.lesson(draft, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    return "content/lesson-print";
  }

  @GetMapping("/authoring/courses/{id}/preview")
  String course(@PathVariable long id, Model model) {
    PublishedItem draft = latest(ContentType.COURSE, id, model);
    model.addAttribute("page", views.course(draft, views.lessonsOf(draft)));
    return "content/course";
  }

  @GetMapping("/authoring/courses/{id}/preview/print")
  String coursePrint(@PathVariable long id, Model model, Locale locale) {
    PublishedItem draft = latest(ContentType.COURSE, id, model);
    Map<String, PublishedItem> lessons = views.lessonsOf(draft);
    model.addAttribute("page", views.course(draft, lessons));
    model.addAttribute("kits", views.kits(draft, lessons, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    return "content/course-print";
  }

  /**
   * The latest revision of item {@code id} as if it were published now; the page says it is a
   * preview of that revision and links back to its editor.
   */
  private PublishedItem latest(ContentType type, long id, Model model) {
    Draft draft = authoring.draft(type, id);
    ItemSummary item = draft.item();
    model.addAttribute("previewOf", item);
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
