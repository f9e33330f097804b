package org.banyan.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The reader's pages: lesson and course lists, a lesson, its print kit, a course. */
@Controller
class CatalogPages {

  /** A piece of a lesson page: rendered HTML, and whether the referral contacts follow it. */
  public record SectionView(String html, boolean safeguarding, boolean takeHome) {}

  public record AttachmentView(
      String name, String url, String contentType, long size, boolean image) {}

  public record LessonPage(
      PublishedItem item,
      LessonContent lesson,
      List<String> competencies,
      List<String> topics,
      List<SectionView> sections,
      List<AttachmentView> attachments,
      List<PublishedItem> translations,
      boolean high) {

    public boolean hasSafeguarding() {
      return sections.stream().anyMatch(SectionView::safeguarding);
    }
  }

  public record CourseLesson(String slug, String title, Integer minutes, boolean published) {}

  public record CourseUnit(String title, Integer week, List<CourseLesson> lessons) {}

  public record CoursePage(
      PublishedItem item,
      CourseContent course,
      String html,
      List<CourseUnit> units,
      int totalMinutes,
      int lessonCount,
      List<PublishedItem> translations) {}

  private final Catalog catalog;
  private final Markdown markdown;
  private final MediaLibrary media;
  private final ContentSettings settings;
  private final org.springframework.beans.factory.ObjectProvider<RelatedLessons> related;

  CatalogPages(
      Catalog catalog,
      Markdown markdown,
      MediaLibrary media,
      ContentSettings settings,
      org.springframework.beans.factory.ObjectProvider<RelatedLessons> related) {
    this.catalog = catalog;
    this.markdown = markdown;
    this.media = media;
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
    model.addAttribute("page", lessonPage(lang, slug, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    RelatedLessons finder = related.getIfAvailable();
    model.addAttribute("related", finder == null ? List.of() : finder.related(lang, slug, 4));
    return "content/lesson";
  }

  @GetMapping("/lessons/{lang}/{slug}/print")
  String print(@PathVariable String lang, @PathVariable String slug, Model model, Locale locale) {
    model.addAttribute("page", lessonPage(lang, slug, locale));
    model.addAttribute("contacts", settings.referral().contacts());
    return "content/lesson-print";
  }

  @GetMapping("/courses/{lang}/{slug}")
  String course(@PathVariable String lang, @PathVariable String slug, Model model) {
    PublishedItem item = catalog.get(ContentType.COURSE, lang, slug);
    CourseContent course = (CourseContent) item.content();
    Map<String, PublishedItem> published =
        catalog.find(ContentType.LESSON, lang, course.lessonSlugs());
    List<CourseUnit> units = new ArrayList<>();
    int total = 0;
    for (CourseContent.Unit unit : course.units()) {
      List<CourseLesson> lessons = new ArrayList<>();
      for (String lessonSlug : unit.lessons()) {
        Optional<PublishedItem> lesson = Optional.ofNullable(published.get(lessonSlug));
        Integer minutes =
            lesson.map(l -> ((LessonContent) l.content()).durationMinutes()).orElse(null);
        total += minutes == null ? 0 : minutes;
        lessons.add(
            new CourseLesson(
                lessonSlug,
                lesson.map(l -> l.content().title()).orElse(lessonSlug),
                minutes,
                lesson.isPresent()));
      }
      units.add(new CourseUnit(unit.title(), unit.week(), lessons));
    }
    model.addAttribute(
        "page",
        new CoursePage(
            item,
            course,
            markdown.toHtml(course.markdown()),
            units,
            total,
            course.lessonSlugs().size(),
            catalog.translations(item)));
    return "content/course";
  }

  private LessonPage lessonPage(String lang, String slug, Locale locale) {
    PublishedItem item = catalog.get(ContentType.LESSON, lang, slug);
    LessonContent lesson = (LessonContent) item.content();
    Taxonomy taxonomy = catalog.taxonomy();
    List<SectionView> sections =
        LessonSections.split(lesson.markdown()).stream()
            .map(
                s ->
                    new SectionView(
                        markdown.toHtml(s.markdown()),
                        s.kind() == LessonSections.Kind.SAFEGUARDING,
                        s.kind() == LessonSections.Kind.TAKE_HOME))
            .toList();
    List<AttachmentView> attachments = new ArrayList<>();
    for (LessonContent.Attachment attachment : lesson.attachments()) {
      media
          .find(attachment.mediaId())
          .ifPresent(m -> attachments.add(attachment(attachment.name(), m)));
    }
    return new LessonPage(
        item,
        lesson,
        lesson.competencies().stream()
            .map(id -> taxonomy.competency(id).map(t -> t.label(locale)).orElse(id))
            .toList(),
        lesson.topics().stream()
            .map(id -> taxonomy.topic(id).map(t -> t.label(locale)).orElse(id))
            .toList(),
        sections,
        attachments,
        catalog.translations(item),
        "high".equals(lesson.sensitivity()));
  }

  private static AttachmentView attachment(String name, Media media) {
    return new AttachmentView(
        name,
        media.url(),
        media.contentType(),
        media.size(),
        media.contentType().startsWith("image/"));
  }
}
