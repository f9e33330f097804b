package org.banyan.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import tools.jackson.databind.util.StdConverter;

/**
 * A module unit as one flat object, every type's fields side by side: the form revisions store
 * (their checksum depends on it byte for byte, so its fields keep this order) and the form the API
 * and files give. Fields another type owns are null; {@code maxAttempts} and {@code
 * attemptWaitMinutes} are left out when null, as they were before they existed.
 */
record FlatUnit(
    String id,
    String type,
    String title,
    String markdown,
    String mediaId,
    String prompt,
    String lessonSlug,
    List<ModuleContent.Question> questions,
    Integer passMark,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxAttempts,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer attemptWaitMinutes) {

  FlatUnit {
    questions = questions == null ? null : List.copyOf(questions);
  }

  static FlatUnit of(ModuleContent.Unit unit) {
    String id = unit.id();
    String type = unit.type().code();
    String title = unit.title();
    String markdown = unit.markdown();
    return switch (unit.type()) {
      case READING ->
          new FlatUnit(id, type, title, markdown, null, null, null, null, null, null, null);
      case MEDIA ->
          new FlatUnit(
              id,
              type,
              title,
              markdown,
              ((ModuleContent.Media) unit).mediaId(),
              null,
              null,
              null,
              null,
              null,
              null);
      case REFLECTION ->
          new FlatUnit(
              id,
              type,
              title,
              markdown,
              null,
              ((ModuleContent.Reflection) unit).prompt(),
              null,
              null,
              null,
              null,
              null);
      case QUIZ -> {
        ModuleContent.Quiz quiz = (ModuleContent.Quiz) unit;
        yield new FlatUnit(
            id,
            type,
            title,
            markdown,
            null,
            null,
            null,
            quiz.questions(),
            quiz.passMark(),
            quiz.maxAttempts(),
            quiz.attemptWaitMinutes());
      }
      case PRACTICE ->
          new FlatUnit(
              id,
              type,
              title,
              markdown,
              null,
              null,
              ((ModuleContent.Practice) unit).lessonSlug(),
              null,
              null,
              null,
              null);
    };
  }

  /**
   * Reads units given flat into their types.
   *
   * @throws InvalidInput naming each unit of no known type and each attempt limit a unit may not
   *     have ({@code units[1].maxAttempts})
   */
  static List<ModuleContent.Unit> read(List<FlatUnit> units) {
    List<FlatUnit> given = units == null ? List.of() : units;
    List<Violation> violations = new ArrayList<>();
    for (int u = 0; u < given.size(); u++) {
      violations.addAll(ContentRules.checkUnitShape("units[" + u + "]", given.get(u)));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return given.stream().map(FlatUnit::unit).toList();
  }

  /** This unit in its type; the type must be known. */
  ModuleContent.Unit unit() {
    UnitType known =
        UnitType.ofCode(type)
            .orElseThrow(() -> new IllegalArgumentException("unknown unit type " + type));
    return switch (known) {
      case READING -> new ModuleContent.Reading(id, title, markdown);
      case MEDIA -> new ModuleContent.Media(id, title, markdown, mediaId);
      case REFLECTION -> new ModuleContent.Reflection(id, title, markdown, prompt);
      case QUIZ ->
          new ModuleContent.Quiz(
              id, title, markdown, questions, passMark, maxAttempts, attemptWaitMinutes);
      case PRACTICE -> new ModuleContent.Practice(id, title, markdown, lessonSlug);
    };
  }

  /** The type codes, as a refusal lists them. */
  static String typeCodes() {
    return Arrays.stream(UnitType.values()).map(UnitType::code).collect(Collectors.joining(", "));
  }

  static final class FromUnit extends StdConverter<ModuleContent.Unit, FlatUnit> {
    @Override
    public FlatUnit convert(ModuleContent.Unit unit) {
      return of(unit);
    }
  }

  static final class ToUnit extends StdConverter<FlatUnit, ModuleContent.Unit> {
    @Override
    public ModuleContent.Unit convert(FlatUnit flat) {
      return flat.unit();
    }
  }
}
