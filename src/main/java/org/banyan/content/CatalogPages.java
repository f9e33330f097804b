package org.banyan.content;

import java.util.ArrayList;
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

  /** A topic to browse by: its label, how many lessons have it, and the link that chooses it. */
  public record TopicLink(String id, String label, long count, boolean selected, String url) {}

  /**
   * The lessons by grade band, an item once and in the reader's language first, with links to
   * browse one topic (and to one language, as before).
   */
  @GetMapping("/lessons")
  String lessons(
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String topic,
      Model model,
      Locale locale) {
    String wanted = Languages.supported(lang) ? lang : null;
    Taxonomy taxonomy = catalog.taxonomy();
    String chosen = topic != null && taxonomy.topic(topic).isPresent() ? topic : null;
    // Every language is read, so that a lesson shown in the language chosen still links the others.
    List<Shelves.Entry> entries =
        Shelves.entries(
            catalog.all(ContentType.LESSON, null), wanted == null ? Languages.of(locale) : wanted);
    if (wanted != null) {
      entries = entries.stream().filter(e -> e.item().lang().equals(wanted)).toList();
    }
    Map<String, Long> counts = new java.util.HashMap<>();
    for (Shelves.Entry entry : entries) {
      for (String id : lessonOf(entry.item()).topics()) {
        counts.merge(id, 1L, Long::sum);
      }
    }
    List<TopicLink> topics = new ArrayList<>();
    for (Taxonomy.Term term : taxonomy.topics()) {
      if (counts.containsKey(term.id())) {
        topics.add(
            new TopicLink(
                term.id(),
                term.label(locale),
                counts.get(term.id()),
                term.id().equals(chosen),
                lessonsUrl(wanted, term.id())));
      }
    }
    List<Shelves.Entry> shown =
        chosen == null
            ? entries
            : entries.stream().filter(e -> lessonOf(e.item()).topics().contains(chosen)).toList();
    model.addAttribute("bands", Shelves.bands(shown, item -> lessonOf(item).grades()));
    model.addAttribute("count", shown.size());
    model.addAttribute("topics", topics);
    model.addAttribute("topic", chosen == null ? "" : chosen);
    model.addAttribute("allTopicsUrl", lessonsUrl(wanted, null));
    model.addAttribute("lang", wanted == null ? "" : wanted);
    model.addAttribute(
        "langUrls",
        Map.of(
            "",
            lessonsUrl(null, chosen),
            Languages.CHINESE,
            lessonsUrl(Languages.CHINESE, chosen),
            Languages.ENGLISH,
            lessonsUrl(Languages.ENGLISH, chosen)));
    return "content/lessons";
  }

  private static LessonContent lessonOf(PublishedItem item) {
    return (LessonContent) item.content();
  }

  private static String lessonsUrl(String lang, String topic) {
    StringBuilder url = new StringBuilder("/lessons");
    if (lang != null) {
      url.append("?lang=").append(lang);
    }
    if (topic != null) {
      url.append(lang == null ? '?' : '&')
          .append("topic=")
          .append(java.net.URLEncoder.encode(topic, java.nio.charset.StandardCharsets.UTF_8));
    }
    return url.toString();
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
    model.addAttribute("kits", views.kits(item, lessons, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    return "content/course-print";
  }
}
