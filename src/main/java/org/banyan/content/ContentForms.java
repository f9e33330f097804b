package org.banyan.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The lesson and course forms: content to form values and back. Lists are one entry per line; a
 * course's units are fields of their own ({@link CourseBuilder}), or, as older forms sent them,
 * blocks of lines ("title | week" then one lesson slug per line). A module has an editor of its own
 * ({@link ModuleEditor}).
 */
@Component
class ContentForms {

  Map<String, Object> values(Content content) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("title", content.title());
    form.put("summary", nullToEmpty(content.summary()));
    form.put("markdown", nullToEmpty(content.markdown()));
    if (content instanceof LessonContent lesson) {
      form.put("competencies", lesson.competencies());
      form.put("topics", lesson.topics());
      form.put("grades", lesson.grades().stream().map(String::valueOf).toList());
      form.put("durationMinutes", String.valueOf(lesson.durationMinutes()));
      form.put("setting", lesson.setting() == null ? "" : lesson.setting().code());
      form.put("materials", String.join("\n", lesson.materials()));
      form.put("objectives", String.join("\n", lesson.objectives()));
      form.put("sensitivity", lesson.sensitivity().code());
      form.put("reviewBy", lesson.reviewBy() == null ? "" : lesson.reviewBy().toString());
      form.put(
          "attachments",
          lesson.attachments().stream().map(a -> a.mediaId() + "|" + a.name()).toList());
    } else if (content instanceof CourseContent course) {
      form.put("grades", course.grades().stream().map(String::valueOf).toList());
      form.put(CourseBuilder.UNITS, CourseBuilder.of(course));
    }
    return form;
  }

  /** Form values as they were posted, to show again after a refusal or a preview. */
  Map<String, Object> echo(MultiValueMap<String, String> params) {
    Map<String, Object> form = new LinkedHashMap<>();
    for (String key : List.of("competencies", "topics", "grades", "attachments")) {
      form.put(key, params.getOrDefault(key, List.of()));
    }
    params.forEach(
        (key, values) -> {
          if (!form.containsKey(key)) {
            form.put(key, values.isEmpty() ? "" : values.get(0));
          }
        });
    if (CourseBuilder.posted(params)) {
      form.put(CourseBuilder.UNITS, CourseBuilder.read(params));
    }
    return form;
  }

  Content read(ContentType type, MultiValueMap<String, String> p) {
    return switch (type) {
      case LESSON -> lesson(p);
      case COURSE -> course(p);
      case MODULE ->
          throw new IllegalArgumentException("A module is read by ModuleEditor, not this form");
    };
  }

  private LessonContent lesson(MultiValueMap<String, String> p) {
    List<Violation> violations = new ArrayList<>();
    Integer duration = number(p, "durationMinutes", violations);
    LocalDate reviewBy = null;
    String date = one(p, "reviewBy");
    if (!date.isBlank()) {
      try {
        reviewBy = LocalDate.parse(date.strip());
      } catch (DateTimeParseException e) {
        violations.add(Violation.of("reviewBy", "invalid.date"));
      }
    }
    List<Integer> grades = grades(p, violations);
    Setting setting = coded(() -> Setting.of(one(p, "setting")), violations);
    Sensitivity sensitivity = coded(() -> Sensitivity.of(one(p, "sensitivity")), violations);
    List<String> removed = p.getOrDefault("removeAttachment", List.of());
    List<LessonContent.Attachment> attachments = new ArrayList<>();
    for (String value : p.getOrDefault("attachments", List.of())) {
      int bar = value.indexOf('|');
      if (bar > 0 && !removed.contains(value.substring(0, bar))) {
        attachments.add(
            new LessonContent.Attachment(value.substring(bar + 1), value.substring(0, bar)));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return new LessonContent(
        one(p, "title").strip(),
        one(p, "summary").strip(),
        p.getOrDefault("competencies", List.of()),
        p.getOrDefault("topics", List.of()),
        grades,
        duration == null ? 0 : duration,
        setting,
        lines(one(p, "materials")),
        lines(one(p, "objectives")),
        one(p, "markdown"),
        sensitivity,
        reviewBy,
        attachments);
  }

  /**
   * A kind read by {@code parse}; a refused one joins {@code violations}, to be told with the rest.
   */
  private static <T> T coded(java.util.function.Supplier<T> parse, List<Violation> violations) {
    try {
      return parse.get();
    } catch (InvalidInput refused) {
      violations.addAll(refused.violations());
      return null;
    }
  }

  private CourseContent course(MultiValueMap<String, String> p) {
    List<Violation> violations = new ArrayList<>();
    List<Integer> grades = grades(p, violations);
    List<CourseContent.Unit> units = new ArrayList<>();
    if (CourseBuilder.posted(p)) {
      units.addAll(CourseBuilder.units(CourseBuilder.read(p), violations));
    }
    for (String block :
        (units.isEmpty() ? one(p, "units") : "").replace("\r\n", "\n").split("\n\\s*\n")) {
      List<String> lines = lines(block);
      if (lines.isEmpty()) {
        continue;
      }
      String header = lines.get(0);
      String title = header;
      Integer week = null;
      int bar = header.lastIndexOf('|');
      if (bar >= 0) {
        title = header.substring(0, bar).strip();
        try {
          week = Integer.valueOf(header.substring(bar + 1).strip());
        } catch (NumberFormatException e) {
          violations.add(Violation.of("units", "invalid.week"));
        }
      }
      units.add(new CourseContent.Unit(title, week, lines.subList(1, lines.size())));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return new CourseContent(
        one(p, "title").strip(), one(p, "summary").strip(), one(p, "markdown"), grades, units);
  }

  private static List<Integer> grades(MultiValueMap<String, String> p, List<Violation> violations) {
    List<Integer> grades = new ArrayList<>();
    for (String grade : p.getOrDefault("grades", List.of())) {
      try {
        grades.add(Integer.valueOf(grade.strip()));
      } catch (NumberFormatException e) {
        violations.add(Violation.of("grades", "invalid.grades.range"));
      }
    }
    return grades;
  }

  private static Integer number(
      MultiValueMap<String, String> p, String field, List<Violation> violations) {
    String value = one(p, field).strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      violations.add(Violation.of(field, "invalid.type.value"));
      return null;
    }
  }

  static String one(MultiValueMap<String, String> p, String key) {
    String value = p.getFirst(key);
    return value == null ? "" : value;
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
