package org.banyan.content;

import java.util.List;
import org.springframework.modulith.NamedInterface;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Everything a revision of a training module holds. */
@NamedInterface("catalog")
public record ModuleContent(
    String title, String summary, String markdown, Integer estimatedMinutes, List<Unit> units)
    implements Content {

  public ModuleContent {
    units = List.copyOf(units == null ? List.of() : units);
  }

  /**
   * One step of a module; each type carries only its own fields. Every type may have Markdown shown
   * above it ({@code markdown}, null for none); a reading is nothing else. Stored as the flat JSON
   * object of {@link FlatUnit}.
   */
  @JsonSerialize(converter = FlatUnit.FromUnit.class)
  @JsonDeserialize(converter = FlatUnit.ToUnit.class)
  @NamedInterface("catalog")
  public sealed interface Unit permits Reading, Media, Reflection, Quiz, Practice {
    String id();

    String title();

    String markdown();

    UnitType type();
  }

  @NamedInterface("catalog")
  public record Reading(String id, String title, String markdown) implements Unit {
    @Override
    public UnitType type() {
      return UnitType.READING;
    }
  }

  /** A file to watch or listen to. */
  @NamedInterface("catalog")
  public record Media(String id, String title, String markdown, String mediaId) implements Unit {
    @Override
    public UnitType type() {
      return UnitType.MEDIA;
    }
  }

  /** A question the teacher answers in their own words. */
  @NamedInterface("catalog")
  public record Reflection(String id, String title, String markdown, String prompt)
      implements Unit {
    @Override
    public UnitType type() {
      return UnitType.REFLECTION;
    }
  }

  /**
   * Questions scored on the server.
   *
   * @param passMark the score in percent that passes
   * @param maxAttempts how many attempts a teacher has; null for any number
   * @param attemptWaitMinutes how long a teacher waits after an attempt before the next; null for
   *     no wait
   */
  @NamedInterface("catalog")
  public record Quiz(
      String id,
      String title,
      String markdown,
      List<Question> questions,
      Integer passMark,
      Integer maxAttempts,
      Integer attemptWaitMinutes)
      implements Unit {
    public Quiz {
      questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** A quiz without attempt limits. */
    public Quiz(
        String id, String title, String markdown, List<Question> questions, Integer passMark) {
      this(id, title, markdown, questions, passMark, null, null);
    }

    @Override
    public UnitType type() {
      return UnitType.QUIZ;
    }
  }

  /** A lesson the teacher teaches in class. */
  @NamedInterface("catalog")
  public record Practice(String id, String title, String markdown, String lessonSlug)
      implements Unit {
    @Override
    public UnitType type() {
      return UnitType.PRACTICE;
    }
  }

  /**
   * A quiz question.
   *
   * @param correct the 0-based indexes of the right choices
   */
  @NamedInterface("catalog")
  public record Question(String id, String text, List<String> choices, List<Integer> correct) {
    public Question {
      choices = List.copyOf(choices == null ? List.of() : choices);
      correct = List.copyOf(correct == null ? List.of() : correct);
    }
  }
}
