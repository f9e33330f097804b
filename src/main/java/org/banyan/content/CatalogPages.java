package org.banyan.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reader's pages: lesson and course lists, a lesson, its print kit, a course, a course's print
 * run.
 */
@Controller
class CatalogPages {

  private final Catalog catalog;
  private final ReaderViews views;
  private final ContentSettings settings;
  private final ObjectProvider<RelatedLessons> related;

  CatalogPages(
      Catalog catalog,
      ReaderViews views,
      ContentSettings settings,
      ObjectProvider<RelatedLessons> related) {
    this.catalog = catalog;
    this.views = views;
    this.settings = settings;
    this.related = related;
  }

  @GetMapping("/lessons")
  String lessons(@RequestParam(required = false) String lang, Model model) {
    String wanted = Languages.supported(lang) ? lang : null;
    model.addAttribute("items", catalog.all(ContentType.LESSON, wanted));
    model.addAttribute("lang", wanted == null ? "" : wanted);
    return "content/lessons";
  }

  @GetMapping("/courses")
  String courses(@RequestParam(required = false) String lang, Model model) {
    String wanted = Languages.supported(lang) ? lang : null;
    model.addAttribute("items", catalog.all(ContentType.COURSE, wanted));
    model.addAttribute("lang", wanted == null ? "" : wanted);
    return "content/courses";
  }

  @GetMapping("/lessons/{lang}/{slug}")
  String lesson(@PathVariable String lang, @PathVariable String slug, Model model, Locale locale) {
    model.addAttribute("page", views.lesson(lang, slug, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    RelatedLessons finder = related.getIfAvailable();
    model.addAttribute("related", finder == null ? List.of() : finder.related(lang, slug, 4));
    return "content/lesson";
  }

  @GetMapping("/lessons/{lang}/{slug}/print")
  String print(@PathVariable String lang, @PathVariable String slug, Model model, Locale locale) {
    model.addAttribute("page", views.lesson(lang, slug, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    return "content/lesson-print";
  }

  @GetMapping("/courses/{lang}/{slug}")
  String course(@PathVariable String lang, @PathVariable String slug, Model model) {
    model.addAttribute("page", views.course(lang, slug));
    return "content/course";
  }

  /**
   * Every live lesson of a course in order, each as its print kit with its take-home notes as
   * slips: what a school photocopies once for the term.
   */
  @GetMapping("/courses/{lang}/{slug}/print")
  String coursePrint(
      @PathVariable String lang, @PathVariable String slug, Model model, Locale locale) {
    PublishedItem item = catalog.get(ContentType.COURSE, lang, slug);
    Map<String, PublishedItem> lessons = views.lessonsOf(item);
    model.addAttribute("page", views.course(item, lessons));
    model.addAttribute(
        "kits",
        ((CourseContent) item.content())
            .lessonSlugs().stream()
                .distinct()
                .filter(lessons::containsKey)
                .map(lesson -> views.lesson(lessons.get(lesson), locale))
                .toList());
    model.addAttribute("contacts", settings.referral().contacts());
    return "content/course-print";
  }
}
