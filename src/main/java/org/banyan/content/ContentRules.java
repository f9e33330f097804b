package org.banyan.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.banyan.problem.Violation;

/**
 * What each type of content must hold to be saved. Answers every problem at once, each naming its
 * field the way the API spells it ({@code units[2].questions[0].correct}).
 */
final class ContentRules {

  static final String SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
  static final int MAX_ATTEMPTS = 100;

  /** Thirty days. */
  static final int MAX_WAIT_MINUTES = 43_200;

  /** What the rules need to know of the rest of the store. */
  interface Lookups {
    Taxonomy taxonomy();

    boolean lessonExists(String lang, String slug);

    boolean mediaExists(String mediaId);
  }

  private final Lookups lookups;
  private final List<Violation> violations = new ArrayList<>();

  private ContentRules(Lookups lookups) {
    this.lookups = lookups;
  }

  static List<Violation> check(Lookups lookups, ContentType type, String lang, Content content) {
    ContentRules rules = new ContentRules(lookups);
    if (!Languages.supported(lang)) {
      rules.refuse("lang", "invalid.lang");
    }
    if (content == null) {
      rules.refuse("title", "invalid.required");
      return rules.violations;
    }
    rules.text("title", content.title(), 200, true);
    rules.text("summary", content.summary(), 1000, true);
    if (content instanceof LessonContent lesson) {
      rules.lesson(lang, lesson);
    } else if (content instanceof CourseContent course) {
      rules.course(lang, course);
    } else if (content instanceof ModuleContent module) {
      rules.module(lang, module);
    }
    if (type != null && ContentCodec.classOf(type) != content.getClass()) {
      rules.refuse("type", "invalid.type");
    }
    return rules.violations;
  }

  static List<Violation> checkSlug(String slug) {
    List<Violation> violations = new ArrayList<>();
    if (slug == null || slug.length() < 3 || slug.length() > 80 || !slug.matches(SLUG_PATTERN)) {
      violations.add(Violation.of("slug", "invalid.slug"));
    }
    return violations;
  }

  private void lesson(String lang, LessonContent lesson) {
    terms(
        "competencies",
        lesson.competencies(),
        id -> lookups.taxonomy().competency(id).isPresent(),
        "invalid.competency.unknown");
    terms(
        "topics",
        lesson.topics(),
        id -> lookups.taxonomy().topic(id).isPresent(),
        "invalid.topic.unknown");
    grades(lesson.grades());
    if (lesson.durationMinutes() < 1 || lesson.durationMinutes() > 240) {
      refuse("durationMinutes", "invalid.duration");
    }
    items("materials", lesson.materials(), 300, false);
    items("objectives", lesson.objectives(), 500, true);
    text("markdown", lesson.markdown(), 200_000, true);
    for (int i = 0; i < lesson.attachments().size(); i++) {
      LessonContent.Attachment attachment = lesson.attachments().get(i);
      if (attachment == null || !lookups.mediaExists(attachment.mediaId())) {
        refuse("attachments[" + i + "]", "invalid.media.unknown");
      }
    }
  }

  private void course(String lang, CourseContent course) {
    text("markdown", course.markdown(), 100_000, false);
    grades(course.grades());
    if (course.lessonSlugs().isEmpty()) {
      refuse("lessons", "invalid.course.empty");
    }
    Set<String> seen = new HashSet<>();
    for (int u = 0; u < course.units().size(); u++) {
      CourseContent.Unit unit = course.units().get(u);
      text("units[" + u + "].title", unit.title(), 200, false);
      if (unit.week() != null && (unit.week() < 1 || unit.week() > 52)) {
        refuse("units[" + u + "].week", "invalid.week");
      }
      for (String slug : unit.lessons()) {
        if (!seen.add(slug)) {
          refuse("lessons", "invalid.course.duplicate", slug);
        } else if (!lookups.lessonExists(lang, slug)) {
          refuse("lessons", "invalid.course.lesson", lang + "/" + slug);
        }
      }
    }
  }

  private void module(String lang, ModuleContent module) {
    text("markdown", module.markdown(), 100_000, false);
    if (module.estimatedMinutes() != null
        && (module.estimatedMinutes() < 1 || module.estimatedMinutes() > 6000)) {
      refuse("estimatedMinutes", "invalid.estimatedMinutes");
    }
    if (module.units().isEmpty()) {
      refuse("units", "invalid.module.empty");
    }
    Set<String> ids = new HashSet<>();
    for (int u = 0; u < module.units().size(); u++) {
      ModuleContent.Unit unit = module.units().get(u);
      String at = "units[" + u + "]";
      if (unit == null) {
        refuse(at, "invalid.required");
        continue;
      }
      if (unit.id() == null || !unit.id().matches("[a-z0-9][a-z0-9-]{0,39}")) {
        refuse(at + ".id", "invalid.unit.id");
      } else if (!ids.add(unit.id())) {
        refuse(at + ".id", "invalid.unit.duplicate", unit.id());
      }
      text(at + ".title", unit.title(), 200, true);
      // A switch expression, so that the compiler asks for the rules of every type.
      Runnable typeRules =
          switch (unit.type()) {
            case READING -> () -> text(at + ".markdown", unit.markdown(), 100_000, true);
            case MEDIA -> () -> media(at, (ModuleContent.Media) unit);
            case REFLECTION ->
                () -> text(at + ".prompt", ((ModuleContent.Reflection) unit).prompt(), 2000, true);
            case QUIZ -> () -> quiz(at, (ModuleContent.Quiz) unit);
            case PRACTICE -> () -> practice(at, lang, (ModuleContent.Practice) unit);
          };
      typeRules.run();
    }
  }

  private void media(String at, ModuleContent.Media unit) {
    if (!lookups.mediaExists(unit.mediaId())) {
      refuse(at + ".mediaId", "invalid.media.unknown");
    }
  }

  private void practice(String at, String lang, ModuleContent.Practice unit) {
    if (unit.lessonSlug() == null || !lookups.lessonExists(lang, unit.lessonSlug())) {
      refuse(at + ".lessonSlug", "invalid.course.lesson", lang + "/" + unit.lessonSlug());
    }
  }

  /**
   * What a unit given flat must be before it can be read into its type: of a known type, with
   * attempt limits only on a quiz and within their range.
   */
  static List<Violation> checkUnitShape(String at, FlatUnit unit) {
    ContentRules rules = new ContentRules(null);
    if (unit == null) {
      rules.refuse(at, "invalid.required");
    } else if (UnitType.ofCode(unit.type()).isEmpty()) {
      rules.refuse(at + ".type", "invalid.unit.type", FlatUnit.typeCodes());
    } else if (!UnitType.QUIZ.code().equals(unit.type())) {
      if (unit.maxAttempts() != null) {
        rules.refuse(at + ".maxAttempts", "invalid.unit.quizOnly");
      }
      if (unit.attemptWaitMinutes() != null) {
        rules.refuse(at + ".attemptWaitMinutes", "invalid.unit.quizOnly");
      }
    } else {
      if (unit.maxAttempts() != null
          && (unit.maxAttempts() < 1 || unit.maxAttempts() > MAX_ATTEMPTS)) {
        rules.refuse(at + ".maxAttempts", "invalid.quiz.maxAttempts", MAX_ATTEMPTS);
      }
      if (unit.attemptWaitMinutes() != null
          && (unit.attemptWaitMinutes() < 0 || unit.attemptWaitMinutes() > MAX_WAIT_MINUTES)) {
        rules.refuse(at + ".attemptWaitMinutes", "invalid.quiz.attemptWait", MAX_WAIT_MINUTES);
      }
    }
    return rules.violations;
  }

  private void quiz(String at, ModuleContent.Quiz unit) {
    if (unit.passMark() == null || unit.passMark() < 0 || unit.passMark() > 100) {
      refuse(at + ".passMark", "invalid.passMark");
    }
    List<ModuleContent.Question> questions = unit.questions();
    if (questions.isEmpty()) {
      refuse(at + ".questions", "invalid.quiz.empty");
    }
    Set<String> ids = new HashSet<>();
    for (int q = 0; q < questions.size(); q++) {
      ModuleContent.Question question = questions.get(q);
      String qat = at + ".questions[" + q + "]";
      if (question == null) {
        refuse(qat, "invalid.required");
        continue;
      }
      if (question.id() == null || !question.id().matches("[a-z0-9][a-z0-9-]{0,39}")) {
        refuse(qat + ".id", "invalid.unit.id");
      } else if (!ids.add(question.id())) {
        refuse(qat + ".id", "invalid.unit.duplicate", question.id());
      }
      text(qat + ".text", question.text(), 2000, true);
      if (question.choices().size() < 2) {
        refuse(qat + ".choices", "invalid.quiz.choices");
      }
      for (int c = 0; c < question.choices().size(); c++) {
        text(qat + ".choices[" + c + "]", question.choices().get(c), 500, true);
      }
      if (question.correct().isEmpty()
          || question.correct().stream()
              .anyMatch(i -> i == null || i < 0 || i >= question.choices().size())
          || new HashSet<>(question.correct()).size() != question.correct().size()) {
        refuse(qat + ".correct", "invalid.quiz.correct");
      }
    }
  }

  private void grades(List<Integer> grades) {
    if (grades.isEmpty()) {
      refuse("grades", "invalid.grades.empty");
    }
    if (grades.stream().anyMatch(g -> g == null || g < 1 || g > 9)) {
      refuse("grades", "invalid.grades.range");
    }
  }

  private void terms(String field, List<String> ids, Predicate<String> known, String code) {
    if (ids.isEmpty()) {
      refuse(field, "invalid.terms.empty");
    }
    for (String id : ids) {
      if (id == null || !known.test(id)) {
        refuse(field, code, String.valueOf(id));
      }
    }
  }

  private void items(String field, List<String> values, int max, boolean required) {
    if (required && values.isEmpty()) {
      refuse(field, "invalid.terms.empty");
    }
    for (String value : values) {
      if (value == null || value.isBlank()) {
        refuse(field, "invalid.item.blank");
      } else if (value.length() > max) {
        refuse(field, "invalid.tooLong", max);
      }
    }
  }

  private void text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        refuse(field, "invalid.required");
      }
    } else if (value.length() > max) {
      refuse(field, "invalid.tooLong", max);
    }
  }

  private void refuse(String field, String code, Object... args) {
    violations.add(Violation.of(field, code, args));
  }
}
