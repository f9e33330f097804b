package org.banyan.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Everything a revision of a training module holds. */
public record ModuleContent(
    String title, String summary, String markdown, Integer estimatedMinutes, List<Unit> units)
    implements Content {

  public static final List<String> UNIT_TYPES =
      List.of("reading", "media", "reflection", "quiz", "practice");

  public ModuleContent {
    units = List.copyOf(units == null ? List.of() : units);
  }

  /**
   * One step of a module. Which fields are set depends on {@code type}: reading has markdown; media
   * a mediaId; reflection a prompt; quiz questions and a passMark; practice a lessonSlug.
   *
   * @param maxAttempts for a quiz, how many attempts a teacher has; null for any number
   * @param attemptWaitMinutes for a quiz, how long a teacher waits after an attempt before the
   *     next; null for no wait. Both are left out of the stored JSON when null, so that a unit
   *     without them is stored exactly as before they existed.
   */
  public record Unit(
      String id,
      String type,
      String title,
      String markdown,
      String mediaId,
      String prompt,
      String lessonSlug,
      List<Question> questions,
      Integer passMark,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxAttempts,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer attemptWaitMinutes) {
    public Unit {
      questions = questions == null ? null : List.copyOf(questions);
    }

    /** A unit without attempt limits. */
    public Unit(
        String id,
        String type,
        String title,
        String markdown,
        String mediaId,
        String prompt,
        String lessonSlug,
        List<Question> questions,
        Integer passMark) {
      this(id, type, title, markdown, mediaId, prompt, lessonSlug, questions, passMark, null, null);
    }
  }

  /**
   * A quiz question.
   *
   * @param correct the 0-based indexes of the right choices
   */
  public record Question(String id, String text, List<String> choices, List<Integer> correct) {
    public Question {
      choices = List.copyOf(choices == null ? List.of() : choices);
      correct = List.copyOf(correct == null ? List.of() : correct);
    }
  }
}
