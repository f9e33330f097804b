package org.banyan.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One teacher's line on an assignment's dashboard; the CSV export writes the same lines.
 *
 * @param lastActivity the time of the teacher's latest statement on the module; null when none
 * @param bestQuizScore the best quiz score in percent (the highest if the module has several
 *     quizzes); null before any attempt
 * @param completedAt when the last unit was done; null until every unit is
 * @param practice the lesson taught for the module's practice unit; null until taught
 */
public record TeacherProgress(
    String username,
    String displayName,
    TrainingStatus status,
    int percent,
    OffsetDateTime lastActivity,
    Integer bestQuizScore,
    OffsetDateTime completedAt,
    Practice practice) {

  /** The lesson a teacher taught for the practice unit, when, and how it went (1 to 5 or null). */
  public record Practice(String lessonSlug, LocalDate taughtOn, Integer rating) {}
}
