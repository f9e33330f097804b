package org.banyan.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.springframework.stereotype.Component;

/**
 * What a reader sees of a published lesson or course, made for a page, a print run or an offline
 * pack alike: the lesson's sections rendered, its files, its labels in the reader's language; a
 * course's units with their lessons, time and count.
 */
@Component
class ReaderViews {

  /** A piece of a lesson page: rendered HTML, and whether the referral contacts follow it. */
  public record SectionView(String html, boolean safeguarding, boolean takeHome) {}

  public record AttachmentView(
      String name, String url, String contentType, long size, boolean image, Media media) {}

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

    /** The take-home notes for guardians, as rendered HTML. */
    public List<SectionView> takeHome() {
      return sections.stream().filter(SectionView::takeHome).toList();
    }
  }

  /**
   * A lesson of a course's outline.
   *
   * @param published whether it is live; a course may name a lesson still in review
   */
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

  ReaderViews(Catalog catalog, Markdown markdown, MediaLibrary media) {
    this.catalog = catalog;
    this.markdown = markdown;
    this.media = media;
  }

  /**
   * The published lesson {@code lang/slug}, its labels in {@code locale}.
   *
   * @throws ContentNotFound when it is not live
   */
  LessonPage lesson(String lang, String slug, Locale locale) {
    return lesson(catalog.get(ContentType.LESSON, lang, slug), locale);
  }

  LessonPage lesson(PublishedItem item, Locale locale) {
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
        lesson.sensitivity() == Sensitivity.HIGH);
  }

  /**
   * The published course {@code lang/slug} with its outline.
   *
   * @throws ContentNotFound when it is not live
   */
  CoursePage course(String lang, String slug) {
    return course(catalog.get(ContentType.COURSE, lang, slug), published(lang, slug));
  }

  /**
   * The print kit of each live lesson of {@code course}, in the course's order, each once: what a
   * school photocopies once for the term.
   */
  List<LessonPage> kits(
      PublishedItem course, Map<String, PublishedItem> lessonsBySlug, Locale locale) {
    return ((CourseContent) course.content())
        .lessonSlugs().stream()
            .distinct()
            .filter(lessonsBySlug::containsKey)
            .map(lesson -> lesson(lessonsBySlug.get(lesson), locale))
            .toList();
  }

  /** The outline of {@code item}, given its lessons that are live, by slug. */
  CoursePage course(PublishedItem item, Map<String, PublishedItem> lessonsBySlug) {
    CourseContent course = (CourseContent) item.content();
    List<CourseUnit> units = new ArrayList<>();
    int total = 0;
    for (CourseContent.Unit unit : course.units()) {
      List<CourseLesson> lessons = new ArrayList<>();
      for (String lessonSlug : unit.lessons()) {
        PublishedItem lesson = lessonsBySlug.get(lessonSlug);
        Integer minutes =
            lesson == null ? null : ((LessonContent) lesson.content()).durationMinutes();
        total += minutes == null ? 0 : minutes;
        lessons.add(
            new CourseLesson(
                lessonSlug,
                lesson == null ? lessonSlug : lesson.content().title(),
                minutes,
                lesson != null));
      }
      lessons = List.copyOf(lessons);
      units.add(new CourseUnit(unit.title(), unit.week(), lessons));
    }
    return new CoursePage(
        item,
        course,
        markdown.toHtml(course.markdown()),
        units,
        total,
        course.lessonSlugs().size(),
        catalog.translations(item));
  }

  /** The live lessons of the course {@code lang/slug}, by slug, in one query. */
  Map<String, PublishedItem> lessonsOf(PublishedItem course) {
    return catalog.find(
        ContentType.LESSON, course.lang(), ((CourseContent) course.content()).lessonSlugs());
  }

  private Map<String, PublishedItem> published(String lang, String slug) {
    return lessonsOf(catalog.get(ContentType.COURSE, lang, slug));
  }

  private static AttachmentView attachment(String name, Media media) {
    return new AttachmentView(
        name,
        media.url(),
        media.contentType(),
        media.size(),
        media.contentType().startsWith("image/"),
        media);
  }
}
