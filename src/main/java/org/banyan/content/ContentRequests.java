package org.banyan.content;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.banyan.web.JsonPaths;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** API request bodies of the authoring endpoints, read into content by type. */
@Component
class ContentRequests {

  record AttachmentRef(String mediaId, String name) {}

  /**
   * What a lesson request holds besides the lesson: the lesson's own fields are read straight into
   * {@link LessonContent}, so a new field of the lesson needs nothing here.
   */
  record LessonEnvelope(
      String slug,
      String lang,
      Long translationOf,
      Integer baseRevision,
      String note,
      List<AttachmentRef> attachments) {}

  private static final List<String> LESSON_ENVELOPE =
      Arrays.stream(LessonEnvelope.class.getRecordComponents())
          .map(RecordComponent::getName)
          .toList();

  record LessonRef(String lang, String slug) {}

  record UnitRef(String title, Integer week, List<String> lessons) {}

  record CourseRequest(
      String slug,
      String lang,
      String title,
      String summary,
      String markdown,
      List<Integer> grades,
      List<LessonRef> lessons,
      List<UnitRef> units,
      Long translationOf,
      Integer baseRevision,
      String note) {}

  record ModuleRequest(
      String slug,
      String lang,
      String title,
      String summary,
      String markdown,
      Integer estimatedMinutes,
      List<FlatUnit> units,
      Long translationOf,
      Integer baseRevision,
      String note) {}

  /** A request read: the content and what surrounds it. */
  record Parsed(
      String slug,
      String lang,
      Long translationOf,
      Integer baseRevision,
      String note,
      Content content) {}

  private final JsonMapper json;
  private final MediaLibrary media;

  ContentRequests(JsonMapper json, MediaLibrary media) {
    this.json = json;
    this.media = media;
  }

  Parsed read(ContentType type, JsonNode body, String fallbackLang) {
    if (body == null || !body.isObject()) {
      throw InvalidInput.of("body", "invalid.body");
    }
    try {
      return switch (type) {
        case LESSON -> lesson((ObjectNode) body, fallbackLang);
        case COURSE -> course(json.treeToValue(body, CourseRequest.class), fallbackLang);
        case MODULE -> module(json.treeToValue(body, ModuleRequest.class));
      };
    } catch (JacksonException e) {
      if (e.getCause() instanceof InvalidInput refused) {
        throw refused;
      }
      String field = JsonPaths.fieldOf(e);
      String reason =
          e instanceof MismatchedInputException m && m.getTargetType() == LocalDate.class
              ? "invalid.date"
              : "invalid.type.value";
      throw InvalidInput.of(field.isEmpty() ? "body" : field, reason);
    }
  }

  private Parsed lesson(ObjectNode body, String fallbackLang) {
    LessonEnvelope r = json.treeToValue(body, LessonEnvelope.class);
    ObjectNode fields = body.deepCopy();
    fields.remove(LESSON_ENVELOPE);
    LessonContent lesson = json.treeToValue(fields, LessonContent.class);
    List<Violation> violations = new ArrayList<>();
    List<LessonContent.Attachment> attachments = new ArrayList<>();
    if (r.attachments() != null) {
      for (int i = 0; i < r.attachments().size(); i++) {
        AttachmentRef ref = r.attachments().get(i);
        Media file = ref == null ? null : media.find(ref.mediaId()).orElse(null);
        if (file == null) {
          violations.add(Violation.of("attachments[" + i + "]", "invalid.media.unknown"));
        } else {
          String name =
              ref.name() == null || ref.name().isBlank() ? file.filename() : ref.name().strip();
          attachments.add(new LessonContent.Attachment(name, file.id()));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return new Parsed(
        r.slug(),
        lang(r.lang(), fallbackLang),
        r.translationOf(),
        r.baseRevision(),
        r.note(),
        lesson.withAttachments(attachments));
  }

  private Parsed course(CourseRequest r, String fallbackLang) {
    String lang = lang(r.lang(), fallbackLang);
    List<Violation> violations = new ArrayList<>();
    List<CourseContent.Unit> units = new ArrayList<>();
    if (r.units() != null && !r.units().isEmpty()) {
      for (UnitRef unit : r.units()) {
        units.add(new CourseContent.Unit(trim(unit.title()), unit.week(), unit.lessons()));
      }
      List<String> ordered = units.stream().flatMap(u -> u.lessons().stream()).toList();
      if (r.lessons() != null
          && !r.lessons().isEmpty()
          && !r.lessons().stream().map(LessonRef::slug).toList().equals(ordered)) {
        violations.add(Violation.of("lessons", "invalid.course.order"));
      }
    } else if (r.lessons() != null) {
      List<String> slugs = new ArrayList<>();
      for (int i = 0; i < r.lessons().size(); i++) {
        LessonRef ref = r.lessons().get(i);
        if (ref == null || ref.slug() == null) {
          violations.add(Violation.of("lessons[" + i + "]", "invalid.required"));
        } else if (ref.lang() != null && !ref.lang().equals(lang)) {
          violations.add(Violation.of("lessons[" + i + "].lang", "invalid.course.lang"));
        } else {
          slugs.add(ref.slug());
        }
      }
      units.add(new CourseContent.Unit(null, null, slugs));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    CourseContent content =
        new CourseContent(trim(r.title()), trim(r.summary()), r.markdown(), r.grades(), units);
    return new Parsed(r.slug(), lang, r.translationOf(), r.baseRevision(), r.note(), content);
  }

  private Parsed module(ModuleRequest r) {
    ModuleContent content =
        new ModuleContent(
            trim(r.title()),
            trim(r.summary()),
            r.markdown(),
            r.estimatedMinutes(),
            FlatUnit.read(r.units()));
    return new Parsed(r.slug(), r.lang(), r.translationOf(), r.baseRevision(), r.note(), content);
  }

  private static String lang(String given, String fallback) {
    return given == null || given.isBlank() ? fallback : given.strip();
  }

  private static String trim(String value) {
    return value == null ? null : value.strip();
  }
}
