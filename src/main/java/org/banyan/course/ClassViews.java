package org.banyan.course;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.content.CourseContent;
import org.banyan.content.PublishedItem;
import org.springframework.stereotype.Component;

/**
 * A class as its teacher sees it: the course at the class's revision, each lesson taught or not,
 * the next one, and whether a newer revision of the course is out.
 */
@Component
class ClassViews {

  private final ClassStore store;
  private final Catalog catalog;

  ClassViews(ClassStore store, Catalog catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  /** The course at the class's revision. */
  CourseContent course(ClassStore.ClassRow row) {
    return (CourseContent)
        catalog.revision(ContentType.COURSE, row.courseItemId(), row.courseRevision());
  }

  ClassDetail detail(ClassStore.ClassRow row) {
    CourseContent course = course(row);
    Map<String, ClassStore.DeliveryRow> done = new HashMap<>();
    store.deliveries(row.id()).forEach(d -> done.put(d.lessonSlug(), d));
    Map<String, PublishedItem> published =
        catalog.find(ContentType.LESSON, row.courseLang(), course.lessonSlugs());
    List<ClassDetail.LessonState> lessons = new ArrayList<>();
    int position = 0;
    int delivered = 0;
    ClassDetail.NextLesson next = null;
    for (CourseContent.Unit unit : course.units()) {
      for (String slug : unit.lessons()) {
        position++;
        PublishedItem lesson = published.get(slug);
        String title = lesson == null ? slug : lesson.content().title();
        ClassStore.DeliveryRow mark = done.get(slug);
        if (mark != null) {
          delivered++;
        } else if (next == null) {
          next = new ClassDetail.NextLesson(slug, title);
        }
        lessons.add(
            new ClassDetail.LessonState(
                position,
                slug,
                title,
                unit.title(),
                unit.week(),
                mark != null,
                mark == null ? null : mark.deliveredOn(),
                mark == null ? null : mark.minutes(),
                mark == null ? null : mark.rating(),
                mark == null ? null : mark.notes()));
      }
    }
    int total = lessons.size();
    Integer newer =
        catalog
            .find(ContentType.COURSE, row.courseLang(), row.courseSlug())
            .map(PublishedItem::revision)
            .filter(revision -> revision > row.courseRevision())
            .orElse(null);
    return new ClassDetail(
        row.id(),
        row.name(),
        row.grade(),
        row.pupils(),
        new ClassDetail.CourseRef(
            row.courseSlug(), row.courseLang(), course.title(), row.courseRevision()),
        total,
        delivered,
        total == 0 ? 0 : Math.round(100f * delivered / total),
        next,
        lessons,
        newer);
  }

  /** The title of a live course, or its slug. */
  String courseTitle(String lang, String slug) {
    return catalog.find(ContentType.COURSE, lang, slug).map(p -> p.content().title()).orElse(slug);
  }
}
