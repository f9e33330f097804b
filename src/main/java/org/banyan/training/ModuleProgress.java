package org.banyan.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.banyan.content.UnitType;

/**
 * A module as one teacher works through it: its units in order, each with how far the teacher got.
 *
 * @param dueOn the earliest due date of the teacher's assignments of it; null when none
 * @param completedAt when every unit was done; null until then
 * @param certificate the certificate's verification code; null until complete
 */
public record ModuleProgress(
    String slug,
    String lang,
    String title,
    String html,
    Integer estimatedMinutes,
    int revision,
    TrainingStatus status,
    int done,
    int total,
    int percent,
    LocalDate dueOn,
    OffsetDateTime completedAt,
    String certificate,
    List<UnitProgress> units) {

  /**
   * One unit. Which fields are set depends on the type, as in the module's content.
   *
   * @param mediaUrl where a media unit's file streams from (with Range requests); else null
   * @param response the teacher's latest reflection text; else null
   * @param bestScore the best quiz score in percent; null before the first attempt
   * @param maxAttempts how many attempts the quiz allows; null for any number
   * @param attemptsLeft how many attempts the teacher has left; null for any number
   * @param nextAttemptAt when the next attempt is possible, if the quiz asks for a wait that is not
   *     over; else null
   * @param taughtOn for practice, the date the lesson was taught; null until then
   */
  public record UnitProgress(
      int position,
      String id,
      UnitType type,
      String title,
      String html,
      String mediaUrl,
      String mediaType,
      String prompt,
      String lessonSlug,
      String lessonTitle,
      List<Question> questions,
      Integer passMark,
      boolean completed,
      OffsetDateTime completedAt,
      int attempts,
      Integer bestScore,
      Integer maxAttempts,
      Integer attemptsLeft,
      OffsetDateTime nextAttemptAt,
      String response,
      LocalDate taughtOn,
      Integer taughtRating) {}

  /**
   * A quiz question.
   *
   * @param correct the right choices, only once the teacher has passed the quiz; else null
   */
  public record Question(
      String id, String text, List<String> choices, boolean multiple, List<Integer> correct) {}
}
