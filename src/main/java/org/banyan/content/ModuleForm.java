package org.banyan.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.util.MultiValueMap;

/**
 * The module editor's form, every field as the author typed it: the module's own fields by name,
 * then its units, each with the fields of every type (so that changing a unit's type and back loses
 * nothing), a quiz's questions and their choices. Posted as indexed names: {@code units[0].title},
 * {@code units[0].questions[1].choices[2]}, {@code units[0].questions[1].correct} (one value per
 * ticked choice). Public for the templates only; the editor is its one user.
 */
public record ModuleForm(Map<String, String> fields, List<UnitForm> units) {

  static final int MAX_UNITS = 50;
  static final int MAX_QUESTIONS = 20;
  static final int MAX_CHOICES = 10;

  /** The module's own fields, as the form names them. */
  static final List<String> FIELDS =
      List.of(
          "lang",
          "slug",
          "translationOf",
          "title",
          "summary",
          "estimatedMinutes",
          "markdown",
          "note",
          "baseRevision",
          Merges.MERGE_BASE);

  public ModuleForm {
    fields = new LinkedHashMap<>(fields);
    units = List.copyOf(units);
  }

  /** One unit as typed; the fields of the types it is not are kept, not saved. */
  public record UnitForm(
      String id,
      String type,
      String title,
      String markdown,
      String mediaId,
      String prompt,
      String lessonSlug,
      String passMark,
      String maxAttempts,
      String attemptWaitMinutes,
      List<QuestionForm> questions) {

    public UnitForm {
      questions = List.copyOf(questions);
    }

    static UnitForm blank(String id, String type) {
      UnitForm unit = new UnitForm(id, type, "", "", "", "", "", "", "", "", List.of());
      return unit.ready();
    }

    /** A quiz with nothing to fill in gets a first question and a pass mark to change. */
    UnitForm ready() {
      if (!UnitType.QUIZ.code().equals(type) || !questions.isEmpty()) {
        return this;
      }
      return new UnitForm(
          id,
          type,
          title,
          markdown,
          mediaId,
          prompt,
          lessonSlug,
          passMark.isBlank() ? "80" : passMark,
          maxAttempts,
          attemptWaitMinutes,
          List.of(QuestionForm.blank("q1")));
    }

    UnitForm withQuestions(List<QuestionForm> changed) {
      return new UnitForm(
          id,
          type,
          title,
          markdown,
          mediaId,
          prompt,
          lessonSlug,
          passMark,
          maxAttempts,
          attemptWaitMinutes,
          changed);
    }

    UnitForm withMediaId(String changed) {
      return new UnitForm(
          id,
          type,
          title,
          markdown,
          changed,
          prompt,
          lessonSlug,
          passMark,
          maxAttempts,
          attemptWaitMinutes,
          questions);
    }
  }

  /**
   * A question as typed.
   *
   * @param correct the positions of the ticked choices; -1 for a tick that named no choice
   */
  public record QuestionForm(String id, String text, List<String> choices, List<Integer> correct) {

    public QuestionForm {
      choices = List.copyOf(choices);
      correct = List.copyOf(correct);
    }

    static QuestionForm blank(String id) {
      return new QuestionForm(id, "", List.of("", ""), List.of());
    }

    public boolean isCorrect(int choice) {
      return correct.contains(choice);
    }

    QuestionForm withChoices(List<String> changed, List<Integer> ticked) {
      return new QuestionForm(id, text, changed, ticked);
    }
  }

  /** A form as read from a post, and what was refused while reading it. */
  record Read(ModuleForm form, List<Violation> violations) {}

  /** An empty module in {@code lang}, with a first unit to fill in. */
  static ModuleForm blank(String lang) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("lang", lang);
    return new ModuleForm(fields, List.of(UnitForm.blank("unit-1", UnitType.READING.code())));
  }

  /** A saved module, to edit on top of {@code baseRevision}. */
  static ModuleForm of(ModuleContent module, int baseRevision) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", text(module.title()));
    fields.put("summary", text(module.summary()));
    fields.put("markdown", text(module.markdown()));
    fields.put("estimatedMinutes", number(module.estimatedMinutes()));
    fields.put("baseRevision", String.valueOf(baseRevision));
    List<UnitForm> units = new ArrayList<>();
    for (ModuleContent.Unit unit : module.units()) {
      FlatUnit flat = FlatUnit.of(unit);
      List<QuestionForm> questions = new ArrayList<>();
      for (ModuleContent.Question q :
          flat.questions() == null ? List.<ModuleContent.Question>of() : flat.questions()) {
        questions.add(new QuestionForm(q.id(), text(q.text()), q.choices(), q.correct()));
      }
      units.add(
          new UnitForm(
              flat.id(),
              flat.type(),
              text(flat.title()),
              text(flat.markdown()),
              text(flat.mediaId()),
              text(flat.prompt()),
              text(flat.lessonSlug()),
              number(flat.passMark()),
              number(flat.maxAttempts()),
              number(flat.attemptWaitMinutes()),
              questions));
    }
    return new ModuleForm(fields, units);
  }

  /** Reads a post: see {@link ModuleFormPost}. */
  static Read read(MultiValueMap<String, String> params) {
    return ModuleFormPost.read(params);
  }

  /** A field of the module as typed; empty when it was not. */
  public String field(String name) {
    return fields.getOrDefault(name, "");
  }

  ModuleForm withUnits(List<UnitForm> changed) {
    return new ModuleForm(fields, changed);
  }

  ModuleForm withField(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(fields);
    changed.put(name, value);
    return new ModuleForm(changed, units);
  }

  /**
   * The module this form describes, with each unit in its type and only that type's fields.
   *
   * @throws InvalidInput for a number that is not one, a unit of no known type, attempt limits out
   *     of range; the content rules are checked when it is saved
   */
  ModuleContent content() {
    List<Violation> violations = new ArrayList<>();
    Integer minutes = number("estimatedMinutes", field("estimatedMinutes"), violations);
    List<FlatUnit> flat = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      UnitForm unit = units.get(u);
      String at = units(u);
      UnitType type = UnitType.ofCode(unit.type()).orElse(null);
      List<ModuleContent.Question> questions = null;
      Integer passMark = null;
      Integer maxAttempts = null;
      Integer wait = null;
      if (type == UnitType.QUIZ) {
        passMark = number(at + ".passMark", unit.passMark(), violations);
        maxAttempts = number(at + ".maxAttempts", unit.maxAttempts(), violations);
        wait = number(at + ".attemptWaitMinutes", unit.attemptWaitMinutes(), violations);
        questions = new ArrayList<>();
        for (QuestionForm q : unit.questions()) {
          questions.add(
              new ModuleContent.Question(
                  q.id(),
                  q.text().strip(),
                  q.choices().stream().map(String::strip).toList(),
                  q.correct()));
        }
      }
      flat.add(
          new FlatUnit(
              unit.id(),
              unit.type(),
              unit.title().strip(),
              unit.markdown().isBlank() ? null : unit.markdown(),
              type == UnitType.MEDIA ? blankToNull(unit.mediaId()) : null,
              type == UnitType.REFLECTION ? blankToNull(unit.prompt()) : null,
              type == UnitType.PRACTICE ? blankToNull(unit.lessonSlug()) : null,
              questions,
              passMark,
              maxAttempts,
              wait));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return new ModuleContent(
        field("title").strip(),
        field("summary").strip(),
        field("markdown"),
        minutes,
        FlatUnit.read(flat));
  }

  static String units(int u) {
    return "units[" + u + "]";
  }

  static String questions(int u, int q) {
    return units(u) + ".questions[" + q + "]";
  }

  private static Integer number(String field, String value, List<Violation> violations) {
    String clean = value == null ? "" : value.strip();
    if (clean.isEmpty()) {
      return null;
    }
    if (!clean.matches("-?\\d{1,9}")) {
      violations.add(Violation.of(field, "invalid.type.value"));
      return null;
    }
    return Integer.valueOf(clean);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String number(Integer value) {
    return value == null ? "" : String.valueOf(value);
  }
}
