package org.banyan.content;

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
      Integer passMark) {
    public Unit {
      questions = questions == null ? null : List.copyOf(questions);
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
