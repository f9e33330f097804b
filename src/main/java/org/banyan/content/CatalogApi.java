package org.banyan.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.List;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The published catalog: lessons and courses for everyone, modules for signed-in users. */
@RestController
class CatalogApi {

  record AttachmentView(String name, String url, String contentType, long size) {}

  record Translation(String lang, String slug) {}

  /**
   * A published lesson: its item, then every field of the lesson as stored (a new field of {@link
   * LessonContent} is here by itself), its HTML, and its attachments as links.
   */
  record LessonView(
      long id,
      String slug,
      String lang,
      @JsonUnwrapped @JsonIgnoreProperties({"attachments", "reviewBy"}) LessonContent lesson,
      String html,
      List<AttachmentView> attachments,
      int revision,
      OffsetDateTime publishedAt,
      List<Translation> translations) {}

  record LessonLink(String slug, String lang, String title) {}

  record UnitView(String title, Integer week, List<LessonLink> lessons) {}

  record CourseView(
      long id,
      String slug,
      String lang,
      String title,
      String summary,
      List<Integer> grades,
      String markdown,
      String html,
      List<LessonLink> lessons,
      List<UnitView> units,
      int totalMinutes,
      int revision,
      OffsetDateTime publishedAt,
      List<Translation> translations) {}

  record QuestionView(String id, String text, List<String> choices, boolean multiple) {}

  record ModuleUnitView(
      String id,
      String type,
      String title,
      String html,
      String mediaUrl,
      String prompt,
      String lessonSlug,
      List<QuestionView> questions,
      Integer passMark) {}

  record ModuleView(
      long id,
      String slug,
      String lang,
      String title,
      String summary,
      Integer estimatedMinutes,
      String html,
      List<ModuleUnitView> units,
      int revision,
      OffsetDateTime publishedAt,
      List<Translation> translations) {}

  record Listed(String type, String slug, String lang, String title, String summary, String url) {}

  private final Catalog catalog;
  private final Markdown markdown;
  private final MediaLibrary media;

  CatalogApi(Catalog catalog, Markdown markdown, MediaLibrary media) {
    this.catalog = catalog;
    this.markdown = markdown;
    this.media = media;
  }

  @GetMapping("/api/v1/lessons")
  List<Listed> lessons(@RequestParam(required = false) String lang) {
    return listed(ContentType.LESSON, lang);
  }

  @GetMapping("/api/v1/courses")
  List<Listed> courses(@RequestParam(required = false) String lang) {
    return listed(ContentType.COURSE, lang);
  }

  @GetMapping("/api/v1/lessons/{lang}/{slug}")
  LessonView lesson(@PathVariable String lang, @PathVariable String slug) {
    PublishedItem item = catalog.get(ContentType.LESSON, lang, slug);
    LessonContent lesson = (LessonContent) item.content();
    List<AttachmentView> attachments =
        lesson.attachments().stream()
            .map(a -> media.find(a.mediaId()).map(m -> attachment(a.name(), m)).orElse(null))
            .filter(java.util.Objects::nonNull)
            .toList();
    return new LessonView(
        item.id(),
        item.slug(),
        item.lang(),
        lesson,
        markdown.toHtml(lesson.markdown()),
        attachments,
        item.revision(),
        item.publishedAt(),
        translations(item));
  }

  @GetMapping("/api/v1/courses/{lang}/{slug}")
  CourseView course(@PathVariable String lang, @PathVariable String slug) {
    PublishedItem item = catalog.get(ContentType.COURSE, lang, slug);
    CourseContent course = (CourseContent) item.content();
    java.util.Map<String, PublishedItem> lessons = new java.util.HashMap<>();
    course
        .lessonSlugs()
        .forEach(s -> catalog.find(ContentType.LESSON, lang, s).ifPresent(p -> lessons.put(s, p)));
    java.util.function.Function<String, LessonLink> link =
        s -> new LessonLink(s, lang, lessons.containsKey(s) ? lessons.get(s).content().title() : s);
    List<UnitView> units =
        course.units().stream()
            .map(u -> new UnitView(u.title(), u.week(), u.lessons().stream().map(link).toList()))
            .toList();
    int total =
        lessons.values().stream()
            .mapToInt(p -> ((LessonContent) p.content()).durationMinutes())
            .sum();
    return new CourseView(
        item.id(),
        item.slug(),
        item.lang(),
        course.title(),
        course.summary(),
        course.grades(),
        course.markdown(),
        markdown.toHtml(course.markdown()),
        course.lessonSlugs().stream().map(link).toList(),
        units,
        total,
        item.revision(),
        item.publishedAt(),
        translations(item));
  }

  @GetMapping("/api/v1/modules/{lang}/{slug}")
  ModuleView module(@PathVariable String lang, @PathVariable String slug) {
    PublishedItem item = catalog.get(ContentType.MODULE, lang, slug);
    ModuleContent module = (ModuleContent) item.content();
    List<ModuleUnitView> units =
        module.units().stream()
            .map(FlatUnit::of)
            .map(
                u ->
                    new ModuleUnitView(
                        u.id(),
                        u.type(),
                        u.title(),
                        markdown.toHtml(u.markdown()),
                        u.mediaId() == null
                            ? null
                            : media.find(u.mediaId()).map(Media::url).orElse(null),
                        u.prompt(),
                        u.lessonSlug(),
                        u.questions() == null
                            ? null
                            : u.questions().stream()
                                .map(
                                    q ->
                                        new QuestionView(
                                            q.id(), q.text(), q.choices(), q.correct().size() > 1))
                                .toList(),
                        u.passMark()))
            .toList();
    return new ModuleView(
        item.id(),
        item.slug(),
        item.lang(),
        module.title(),
        module.summary(),
        module.estimatedMinutes(),
        markdown.toHtml(module.markdown()),
        units,
        item.revision(),
        item.publishedAt(),
        translations(item));
  }

  private List<Listed> listed(ContentType type, String lang) {
    return catalog.all(type, lang).stream()
        .map(
            i ->
                new Listed(
                    type.key(),
                    i.slug(),
                    i.lang(),
                    i.content().title(),
                    i.content().summary(),
                    i.url()))
        .toList();
  }

  private List<Translation> translations(PublishedItem item) {
    return catalog.translations(item).stream()
        .map(t -> new Translation(t.lang(), t.slug()))
        .toList();
  }

  private static AttachmentView attachment(String name, Media media) {
    return new AttachmentView(name, media.url(), media.contentType(), media.size());
  }
}
