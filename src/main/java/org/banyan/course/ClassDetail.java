package org.banyan.course;

import java.time.LocalDate;
import java.util.List;

/**
 * A class and where it stands in its course.
 *
 * @param next the first lesson not yet delivered; null when all are
 * @param newerRevision the course's published revision when it is newer than the class's; else null
 */
public record ClassDetail(
    long id,
    String name,
    int grade,
    int pupils,
    CourseRef course,
    int total,
    int delivered,
    int percent,
    NextLesson next,
    List<LessonState> lessons,
    Integer newerRevision) {

  /** The course a class follows, at the revision it started with (or switched to). */
  public record CourseRef(String slug, String lang, String title, int revision) {}

  public record NextLesson(String slug, String title) {}

  /**
   * One lesson of the course, in teaching order.
   *
   * @param deliveredOn when it was taught; null when not yet
   */
  public record LessonState(
      int position,
      String slug,
      String title,
      String unit,
      Integer week,
      boolean delivered,
      LocalDate deliveredOn,
      Integer minutes,
      Integer rating,
      String notes) {}
}
