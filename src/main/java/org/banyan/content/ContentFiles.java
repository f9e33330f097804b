package org.banyan.content;

import static org.banyan.content.FrontMatterValues.date;
import static org.banyan.content.FrontMatterValues.integer;
import static org.banyan.content.FrontMatterValues.integers;
import static org.banyan.content.FrontMatterValues.list;
import static org.banyan.content.FrontMatterValues.string;
import static org.banyan.content.FrontMatterValues.strings;
import static org.banyan.content.FrontMatterValues.value;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /** The envelope of every file: who the item is, apart from what a revision holds. */
  private static final List<String> ITEM_KEYS = List.of("slug", "lang", "translationGroup");

  /** A lesson's fields are its record's, but for the Markdown, which is the file's body. */
  private static final List<RecordComponent> LESSON_FIELDS =
      Arrays.stream(LessonContent.class.getRecordComponents())
          .filter(c -> !c.getName().equals("markdown"))
          .toList();

  private static final Set<String> LESSON_KEYS =
      Stream.concat(ITEM_KEYS.stream(), LESSON_FIELDS.stream().map(RecordComponent::getName))
          .collect(Collectors.toUnmodifiableSet());
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

  /**
   * A lesson from its front matter, field by field as its record declares them, each read by its
   * type: so a new field of the record is read (and refused with its name) without a line here.
   */
  private static LessonContent lesson(
      Map<String, Object> f, String markdown, Function<String, String> mediaIds) {
    RecordComponent[] components = LessonContent.class.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      values[i] =
          switch (c.getName()) {
            case "markdown" -> markdown;
            case "attachments" -> attachments(f, mediaIds);
            default -> value(f, c);
          };
    }
    try {
      return LessonContent.class
          .getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
          .newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot make a lesson from its fields", e);
    }
  }

  private static List<LessonContent.Attachment> attachments(
      Map<String, Object> f, Function<String, String> mediaIds) {
    List<LessonContent.Attachment> attachments = new ArrayList<>();
    for (String name : strings(f, "attachments")) {
      String id = mediaIds.apply(name);
      if (id == null) {
        throw new BadField("attachments", "no file media/" + name);
      }
      attachments.add(new LessonContent.Attachment(name, id));
    }
    return attachments;
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
      lessonFields(lesson, f);
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

  /**
   * A lesson's fields after its title and summary, in its record's order: a field without a value
   * is left out, a list is written even when empty (but for attachments, which are named by file).
   */
  private static void lessonFields(LessonContent lesson, Map<String, Object> f) {
    for (RecordComponent c : LESSON_FIELDS) {
      String key = c.getName();
      if (key.equals("title") || key.equals("summary")) {
        continue;
      }
      Object value;
      try {
        value = c.getAccessor().invoke(lesson);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read the lesson field " + key, e);
      }
      if (key.equals("attachments")) {
        if (!lesson.attachments().isEmpty()) {
          f.put(key, lesson.attachments().stream().map(LessonContent.Attachment::name).toList());
        }
      } else if (value instanceof Coded coded) {
        f.put(key, coded.code());
      } else if (value instanceof LocalDate date) {
        f.put(key, date.toString());
      } else if (value instanceof String text) {
        putIfPresent(f, key, text);
      } else if (value != null) {
        f.put(key, value);
      }
    }
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
}
