package org.banyan.content;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Content files in the {@code content/} format, to and from content records. Reading names the
 * field a problem is in; media files are named by their file name and resolved by the caller.
 */
final class ContentFiles {

  /** A file read into content. */
  record Read(String slug, String lang, String translationGroup, Content content) {}

  /** A field that could not be read, and why. */
  static final class BadField extends RuntimeException {
    final String field;

    BadField(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  private static final Set<String> LESSON_KEYS =
      Set.of(
          "slug",
          "lang",
          "translationGroup",
          "title",
          "summary",
          "competencies",
          "topics",
          "grades",
          "durationMinutes",
          "setting",
          "materials",
          "objectives",
          "sensitivity",
          "reviewBy",
          "attachments");
  private static final Set<String> COURSE_KEYS =
      Set.of("slug", "lang", "translationGroup", "title", "summary", "grades", "units");
  private static final Set<String> MODULE_KEYS =
      Set.of("slug", "lang", "translationGroup", "title", "summary", "estimatedMinutes", "units");

  private ContentFiles() {}

  /**
   * Reads the fields of a file of {@code type}.
   *
   * @param mediaIds resolves a media file name to a media id, or null when there is no such file
   * @throws org.banyan.problem.InvalidInput naming each module unit that cannot be read into its
   *     type
   */
  static Read read(
      ContentType type,
      Map<String, Object> fields,
      String body,
      Function<String, String> mediaIds) {
    Set<String> allowed =
        switch (type) {
          case LESSON -> LESSON_KEYS;
          case COURSE -> COURSE_KEYS;
          case MODULE -> MODULE_KEYS;
        };
    for (String key : fields.keySet()) {
      if (!allowed.contains(key)) {
        throw new BadField(key, "unknown field '" + key + "'");
      }
    }
    String slug = string(fields, "slug", true);
    String lang = string(fields, "lang", true);
    String group = string(fields, "translationGroup", false);
    String markdown = body == null ? "" : body.strip();
    Content content =
        switch (type) {
          case LESSON -> lesson(fields, markdown, mediaIds);
          case COURSE -> course(fields, markdown);
          case MODULE -> module(fields, markdown, mediaIds);
        };
    return new Read(slug, lang, group == null ? slug : group, content);
  }

  private static LessonContent lesson(
      Map<String, Object> f, String markdown, Function<String, String> mediaIds) {
    List<LessonContent.Attachment> attachments = new ArrayList<>();
    List<String> names = strings(f, "attachments");
    for (int i = 0; i < names.size(); i++) {
      String id = mediaIds.apply(names.get(i));
      if (id == null) {
        throw new BadField("attachments", "no file media/" + names.get(i));
      }
      attachments.add(new LessonContent.Attachment(names.get(i), id));
    }
    return new LessonContent(
        string(f, "title", true),
        string(f, "summary", false),
        strings(f, "competencies"),
        strings(f, "topics"),
        integers(f, "grades"),
        integer(f, "durationMinutes", true),
        string(f, "setting", false),
        strings(f, "materials"),
        strings(f, "objectives"),
        markdown,
        string(f, "sensitivity", false),
        date(f, "reviewBy"),
        attachments);
  }

  @SuppressWarnings("unchecked")
  private static CourseContent course(Map<String, Object> f, String markdown) {
    List<CourseContent.Unit> units = new ArrayList<>();
    for (Object entry : list(f, "units")) {
      if (!(entry instanceof Map<?, ?> unit)) {
        throw new BadField("units", "each unit needs a title and lessons");
      }
      Map<String, Object> u = (Map<String, Object>) unit;
      units.add(
          new CourseContent.Unit(
              string(u, "title", false), integer(u, "week", false), strings(u, "lessons")));
    }
    return new CourseContent(
        string(f, "title", true),
        string(f, "summary", false),
        markdown,
        integers(f, "grades"),
        units);
  }

  @SuppressWarnings("unchecked")
  private static ModuleContent module(
      Map<String, Object> f, String markdown, Function<String, String> mediaIds) {
    List<FlatUnit> units = new ArrayList<>();
    for (Object entry : list(f, "units")) {
      if (!(entry instanceof Map<?, ?> unit)) {
        throw new BadField("units", "each unit needs an id, a type and a title");
      }
      Map<String, Object> u = (Map<String, Object>) unit;
      String mediaId = null;
      String media = string(u, "media", false);
      if (media != null) {
        mediaId = mediaIds.apply(media);
        if (mediaId == null) {
          throw new BadField("units", "no file media/" + media);
        }
      }
      List<ModuleContent.Question> questions = null;
      if (u.containsKey("questions")) {
        questions = new ArrayList<>();
        for (Object q : list(u, "questions")) {
          if (!(q instanceof Map<?, ?> question)) {
            throw new BadField("units", "each question needs an id, text, choices and correct");
          }
          Map<String, Object> qq = (Map<String, Object>) question;
          questions.add(
              new ModuleContent.Question(
                  string(qq, "id", false),
                  string(qq, "text", false),
                  strings(qq, "choices"),
                  integers(qq, "correct")));
        }
      }
      units.add(
          new FlatUnit(
              string(u, "id", false),
              string(u, "type", false),
              string(u, "title", false),
              stripped(string(u, "markdown", false)),
              mediaId,
              string(u, "prompt", false),
              string(u, "lessonSlug", false),
              questions,
              integer(u, "passMark", false),
              integer(u, "maxAttempts", false),
              integer(u, "attemptWaitMinutes", false)));
    }
    return new ModuleContent(
        string(f, "title", true),
        string(f, "summary", false),
        markdown,
        integer(f, "estimatedMinutes", false),
        FlatUnit.read(units));
  }

  /** The front matter of an item, in the order people read it. */
  static Map<String, Object> fields(PublishedItem item, Function<String, String> mediaNames) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("slug", item.slug());
    f.put("lang", item.lang());
    f.put("translationGroup", item.translationGroup());
    Content content = item.content();
    f.put("title", content.title());
    putIfPresent(f, "summary", content.summary());
    if (content instanceof LessonContent lesson) {
      f.put("competencies", lesson.competencies());
      f.put("topics", lesson.topics());
      f.put("grades", lesson.grades());
      f.put("durationMinutes", lesson.durationMinutes());
      putIfPresent(f, "setting", lesson.setting());
      f.put("materials", lesson.materials());
      f.put("objectives", lesson.objectives());
      f.put("sensitivity", lesson.sensitivity());
      if (lesson.reviewBy() != null) {
        f.put("reviewBy", lesson.reviewBy().toString());
      }
      if (!lesson.attachments().isEmpty()) {
        f.put(
            "attachments",
            lesson.attachments().stream().map(LessonContent.Attachment::name).toList());
      }
    } else if (content instanceof CourseContent course) {
      f.put("grades", course.grades());
      List<Map<String, Object>> units = new ArrayList<>();
      for (CourseContent.Unit unit : course.units()) {
        Map<String, Object> u = new LinkedHashMap<>();
        putIfPresent(u, "title", unit.title());
        if (unit.week() != null) {
          u.put("week", unit.week());
        }
        u.put("lessons", unit.lessons());
        units.add(u);
      }
      f.put("units", units);
    } else if (content instanceof ModuleContent module) {
      if (module.estimatedMinutes() != null) {
        f.put("estimatedMinutes", module.estimatedMinutes());
      }
      f.put("units", moduleUnits(module, mediaNames));
    }
    return f;
  }

  /** A module's units as the file format writes them; media named by {@code mediaNames}. */
  static List<Map<String, Object>> moduleUnits(
      ModuleContent module, Function<String, String> mediaNames) {
    List<Map<String, Object>> units = new ArrayList<>();
    for (FlatUnit unit : module.units().stream().map(FlatUnit::of).toList()) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("id", unit.id());
      u.put("type", unit.type());
      u.put("title", unit.title());
      putIfPresent(u, "markdown", unit.markdown() == null ? null : unit.markdown() + "\n");
      if (unit.mediaId() != null) {
        u.put("media", mediaNames.apply(unit.mediaId()));
      }
      putIfPresent(u, "prompt", unit.prompt());
      putIfPresent(u, "lessonSlug", unit.lessonSlug());
      if (unit.passMark() != null) {
        u.put("passMark", unit.passMark());
      }
      if (unit.maxAttempts() != null) {
        u.put("maxAttempts", unit.maxAttempts());
      }
      if (unit.attemptWaitMinutes() != null) {
        u.put("attemptWaitMinutes", unit.attemptWaitMinutes());
      }
      if (unit.questions() != null) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (ModuleContent.Question q : unit.questions()) {
          Map<String, Object> qq = new LinkedHashMap<>();
          qq.put("id", q.id());
          qq.put("text", q.text());
          qq.put("choices", q.choices());
          qq.put("correct", q.correct());
          questions.add(qq);
        }
        u.put("questions", questions);
      }
      units.add(u);
    }
    return units;
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }

  private static String stripped(String value) {
    return value == null ? null : value.strip();
  }

  private static String string(Map<String, Object> f, String key, boolean required) {
    Object value = f.get(key);
    if (value == null) {
      if (required) {
        throw new BadField(key, "'" + key + "' is missing");
      }
      return null;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new BadField(key, "'" + key + "' must be a single value");
    }
    return String.valueOf(value);
  }

  private static Integer integer(Map<String, Object> f, String key, boolean required) {
    Object value = f.get(key);
    if (value == null) {
      if (required) {
        throw new BadField(key, "'" + key + "' is missing");
      }
      return null;
    }
    if (value instanceof Integer number) {
      return number;
    }
    throw new BadField(key, "'" + key + "' must be a whole number");
  }

  private static LocalDate date(Map<String, Object> f, String key) {
    Object value = f.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      throw new BadField(key, "'" + key + "' must be a date like 2027-09-01");
    }
  }

  private static List<?> list(Map<String, Object> f, String key) {
    Object value = f.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw new BadField(key, "'" + key + "' must be a list");
  }

  private static List<String> strings(Map<String, Object> f, String key) {
    List<String> values = new ArrayList<>();
    for (Object value : list(f, key)) {
      if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
        throw new BadField(key, "'" + key + "' must be a list of words or sentences");
      }
      values.add(String.valueOf(value));
    }
    return values;
  }

  private static List<Integer> integers(Map<String, Object> f, String key) {
    List<Integer> values = new ArrayList<>();
    for (Object value : list(f, key)) {
      if (!(value instanceof Integer number)) {
        throw new BadField(key, "'" + key + "' must be a list of whole numbers");
      }
      values.add(number);
    }
    return values;
  }
}
