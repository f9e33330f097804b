package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lesson's fields are named once, in {@link LessonContent}: the stored JSON, the {@code content/}
 * files and the API follow the record, and spell the kinds as they always have.
 */
class LessonFieldsTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final LessonContent LESSON =
      new LessonContent(
          "  Letters home  ",
          "Writing to a parent far away.",
          List.of("self-awareness"),
          List.of("missing-family"),
          List.of(3, 4),
          40,
          Setting.BOARDING_EVENING,
          List.of("paper"),
          List.of("Children write one feeling."),
          "## Opening\n\nHello.",
          Sensitivity.HIGH,
          LocalDate.of(2027, 9, 1),
          List.of(new LessonContent.Attachment("letter.pdf", "m1")));

  @Test
  void theStoredJsonSpellsEveryFieldAsBeforeTheKindsWereEnums() {
    assertThat(JSON.writeValueAsString(LESSON))
        .isEqualTo(
            "{\"title\":\"Letters home\",\"summary\":\"Writing to a parent far away.\","
                + "\"competencies\":[\"self-awareness\"],\"topics\":[\"missing-family\"],"
                + "\"grades\":[3,4],\"durationMinutes\":40,\"setting\":\"boarding-evening\","
                + "\"materials\":[\"paper\"],\"objectives\":[\"Children write one feeling.\"],"
                + "\"markdown\":\"## Opening\\n\\nHello.\",\"sensitivity\":\"high\","
                + "\"reviewBy\":\"2027-09-01\","
                + "\"attachments\":[{\"name\":\"letter.pdf\",\"mediaId\":\"m1\"}]}");
    assertThat(JSON.readValue(JSON.writeValueAsString(LESSON), LessonContent.class))
        .isEqualTo(LESSON);
  }

  @Test
  void aLessonWithoutSettingOrSensitivityIsLowWithNoSetting() {
    LessonContent read =
        JSON.readValue("{\"title\":\"T\",\"durationMinutes\":20}", LessonContent.class);
    assertThat(read.setting()).isNull();
    assertThat(read.sensitivity()).isEqualTo(Sensitivity.LOW);
  }

  @Test
  void theContentFileFollowsTheRecordAndReadsBackTheSame() {
    PublishedItem item =
        new PublishedItem(
            1,
            ContentType.LESSON,
            "en",
            "letters-home",
            "letters-home",
            1,
            OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            LESSON);
    Map<String, Object> fields = ContentFiles.fields(item, id -> "letter.pdf");
    assertThat(fields.keySet())
        .containsExactly(
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
    assertThat(fields)
        .containsEntry("setting", "boarding-evening")
        .containsEntry("sensitivity", "high")
        .containsEntry("reviewBy", "2027-09-01")
        .containsEntry("attachments", List.of("letter.pdf"));

    ContentFiles.Read read =
        ContentFiles.read(ContentType.LESSON, fields, LESSON.markdown(), name -> "m1");
    assertThat(read.content()).isEqualTo(LESSON);
  }

  @Test
  void aContentFileWithAnUnknownSettingIsRefusedNamingTheFieldAndTheChoices() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("slug", "letters-home");
    fields.put("lang", "en");
    fields.put("title", "Letters home");
    fields.put("durationMinutes", 40);
    fields.put("setting", "classroom");
    assertThatThrownBy(() -> ContentFiles.read(ContentType.LESSON, fields, "", name -> null))
        .isInstanceOfSatisfying(
            ContentFiles.BadField.class,
            bad -> {
              assertThat(bad.field).isEqualTo("setting");
              assertThat(bad.getMessage())
                  .contains("whole-class, small-groups, outdoors, boarding-evening");
            });
    fields.put("setting", "outdoors");
    fields.put("colour", "red");
    assertThatThrownBy(() -> ContentFiles.read(ContentType.LESSON, fields, "", name -> null))
        .isInstanceOfSatisfying(
            ContentFiles.BadField.class, bad -> assertThat(bad.field).isEqualTo("colour"));
  }

  @Test
  void theApiRefusesAnUnknownKindOrDateNamingTheField() {
    ContentRequests requests = new ContentRequests(JSON, null);
    assertThat(refused(requests, "{\"title\":\"T\",\"setting\":\"classroom\"}"))
        .containsExactly(
            Violation.of(
                "setting",
                "invalid.setting",
                "whole-class, small-groups, outdoors, boarding-evening"));
    assertThat(refused(requests, "{\"title\":\"T\",\"sensitivity\":\"extreme\"}"))
        .extracting(Violation::field, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sensitivity", "invalid.sensitivity"));
    assertThat(refused(requests, "{\"title\":\"T\",\"reviewBy\":\"next spring\"}"))
        .extracting(Violation::field, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("reviewBy", "invalid.date"));
  }

  @Test
  void theApiReadsTheLessonAndItsEnvelopeApart() {
    ContentRequests requests = new ContentRequests(JSON, null);
    ContentRequests.Parsed parsed =
        requests.read(
            ContentType.LESSON,
            JSON.readTree(
                "{\"slug\":\"letters-home\",\"title\":\" Letters home \",\"durationMinutes\":40,"
                    + "\"setting\":\"outdoors\",\"baseRevision\":3,\"note\":\"typo\"}"),
            "zh");
    assertThat(parsed.slug()).isEqualTo("letters-home");
    assertThat(parsed.lang()).isEqualTo("zh");
    assertThat(parsed.baseRevision()).isEqualTo(3);
    assertThat(parsed.note()).isEqualTo("typo");
    LessonContent lesson = (LessonContent) parsed.content();
    assertThat(lesson.title()).isEqualTo("Letters home");
    assertThat(lesson.setting()).isEqualTo(Setting.OUTDOORS);
    assertThat(lesson.sensitivity()).isEqualTo(Sensitivity.LOW);
    assertThat(lesson.durationMinutes()).isEqualTo(40);
  }

  @Test
  void thePublishedLessonInTheApiHasTheFieldsItAlwaysHad() {
    CatalogApi.LessonView view =
        new CatalogApi.LessonView(
            7,
            "letters-home",
            "en",
            LESSON,
            "<h2>Opening</h2>",
            List.of(new CatalogApi.AttachmentView("letter.pdf", "/media/m1", "application/pdf", 9)),
            2,
            OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            List.of());
    JsonNode json = JSON.valueToTree(view);
    assertThat(json.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "slug",
            "lang",
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
            "markdown",
            "html",
            "attachments",
            "revision",
            "publishedAt",
            "translations");
    assertThat(json.get("setting").asString()).isEqualTo("boarding-evening");
    assertThat(json.get("attachments").get(0).get("url").asString()).isEqualTo("/media/m1");
  }

  private static List<Violation> refused(ContentRequests requests, String body) {
    try {
      requests.read(ContentType.LESSON, JSON.readTree(body), "en");
    } catch (InvalidInput e) {
      return e.violations();
    }
    throw new AssertionError("accepted " + body);
  }
}
