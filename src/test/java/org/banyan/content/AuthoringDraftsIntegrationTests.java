package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.banyan.account.Accounts;
import org.banyan.account.NewUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The course builder and the autosave slots over plain HTTP: every builder action is a form post
 * that keeps what was typed, and an autosave slot is its author's alone, bounded and CSRF-checked.
 */
class AuthoringDraftsIntegrationTests extends PostgresTestBase {

  @Autowired Accounts accounts;

  private static String csrf(WebClient client, String page) {
    return WebClient.csrfFrom(client.get(page).body());
  }

  private HttpResponse<String> post(WebClient client, String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", csrf(client, "/authoring/courses/new"));
    return client.postForm(path, form);
  }

  private HttpResponse<String> autosave(WebClient client, String path, String json, String token) {
    return client.header("X-CSRF-TOKEN", token).postJson(path + "/autosave", json);
  }

  private long lesson(String title) {
    String slug = Json.uniqueSlug("draft");
    JsonNode created =
        Json.read(
            as("author")
                .postJson(
                    "/api/v1/authoring/lessons",
                    Json.lesson(slug, "en").put("title", title).toString()));
    return created.get("id").asLong();
  }

  /** The editor's fields of a valid lesson, one value each. */
  static Map<String, String> lessonForm(String title) {
    JsonNode lesson = Json.lesson("unused", "en");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("summary", lesson.get("summary").asString());
    fields.put("competencies", "relationship-skills");
    fields.put("topics", "friendship");
    fields.put("grades", "1");
    fields.put("durationMinutes", "40");
    fields.put("setting", "outdoors");
    fields.put("materials", "one swing\nchalk");
    fields.put("objectives", "Children can wait for a turn and ask for one.");
    fields.put("sensitivity", "low");
    fields.put("markdown", lesson.get("markdown").asString());
    fields.put("action", "save");
    return fields;
  }

  @Test
  void aCourseIsBuiltWithoutJavaScriptBySearchingTitlesAndEveryActionKeepsWhatWasTyped() {
    WebClient author = browserAs("author");
    author.get("/?locale=en");
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("lang", "en");
    typed.put("slug", Json.uniqueSlug("built"));
    typed.put("title", "Feelings, step by step");
    typed.put("summary", "Typed before searching");
    typed.put("grades", "1");
    typed.put("lessonQuery", "THERMOMETER");
    typed.put("action", "lesson.search");

    HttpResponse<String> searched = post(author, "/authoring/courses", typed);
    assertThat(searched.statusCode()).isEqualTo(200);
    assertThat(searched.body())
        .contains("data-found=\"emotion-thermometer\"")
        .contains(">Typed before searching</textarea>")
        .doesNotContain("data-found=\"anger-traffic-light\"");

    typed.put("action", "lesson.add.emotion-thermometer");
    HttpResponse<String> added = post(author, "/authoring/courses", typed);
    assertThat(added.body())
        .contains("name=\"unit.0.lesson\" value=\"emotion-thermometer\"")
        .contains("1 lessons, 40 minutes in all")
        .contains("Grades 1–2")
        .contains("Typed before searching");

    typed.put("unit.0.title", "Naming what I feel");
    typed.put("unit.0.week", "2");
    typed.put("unit.0.lesson", "emotion-thermometer");
    typed.put("lessonQuery", "anger traffic");
    typed.put("action", "unit.add");
    HttpResponse<String> twoUnits = post(author, "/authoring/courses", typed);
    assertThat(twoUnits.body()).contains("name=\"unit.1.title\"").contains("Naming what I feel");

    typed.put("unit.1.title", "Calming down");
    typed.put("addTo", "1");
    typed.put("action", "lesson.add.anger-traffic-light");
    HttpResponse<String> both = post(author, "/authoring/courses", typed);
    assertThat(both.body())
        .contains("name=\"unit.1.lesson\" value=\"anger-traffic-light\"")
        .contains("2 lessons, 80 minutes in all")
        .contains("Grades 1–4");

    typed.put("unit.1.lesson", "anger-traffic-light");
    typed.put("action", "unit.up.1");
    HttpResponse<String> moved = post(author, "/authoring/courses", typed);
    assertThat(moved.body().indexOf("value=\"Calming down\""))
        .isLessThan(moved.body().indexOf("value=\"Naming what I feel\""));

    typed.put("action", "save");
    HttpResponse<String> saved = post(author, "/authoring/courses", typed);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String location =
        saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    long id = Long.parseLong(location.replaceAll(".*/courses/(\\d+).*", "$1"));
    JsonNode course = Json.read(as("author").get("/api/v1/authoring/courses/" + id));
    assertThat(course.toString())
        .contains("Naming what I feel")
        .contains("emotion-thermometer")
        .contains("anger-traffic-light");
    JsonNode units = course.findValue("units");
    assertThat(units.get(0).get("title").asString()).isEqualTo("Naming what I feel");
    assertThat(units.get(0).get("week").asInt()).isEqualTo(2);
    assertThat(units.get(1).get("lessons").get(0).asString()).isEqualTo("anger-traffic-light");
    assertThat(author.get(location).body()).contains("2 lessons, 80 minutes in all");
  }

  @Test
  void titlesAreSearchedInTheCoursesLanguageChineseIncluded() {
    WebClient author = browserAs("author");
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("lang", "zh-CN");
    typed.put("title", "情绪课程");
    typed.put("lessonQuery", "温度");
    typed.put("action", "lesson.search");
    String page = post(author, "/authoring/courses", typed).body();
    assertThat(page).contains("data-found=\"emotion-thermometer\"").contains("心情温度计");
    typed.put("lang", "en");
    assertThat(post(author, "/authoring/courses", typed).body())
        .contains("id=\"no-lessons-found\"");
  }

  @Test
  void aKeptDraftIsOfferedRestoredWithoutJavaScriptAndClearedByASave() {
    long id = lesson("Sharing the well");
    String path = "/authoring/lessons/" + id;
    WebClient author = browserAs("author");
    String token = csrf(author, path);
    HttpResponse<String> kept =
        autosave(
            author,
            path,
            "{\"fields\":[[\"title\",\"Sharing the well, kept\"],[\"baseRevision\",\"1\"],"
                + "[\"grades\",\"3\"],[\"grades\",\"4\"],[\"_csrf\",\"x\"]]}",
            token);
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    assertThat(Json.read(kept).get("savedAt").asString()).isNotBlank();
    assertThat(Json.read(as("author").get("/api/v1/authoring/lessons/" + id + "/revisions")).size())
        .isEqualTo(1);

    String offered = author.get(path).body();
    assertThat(offered).contains("id=\"draft-offer\"").contains("value=\"Sharing the well\"");
    String restored = author.get(path + "?restore").body();
    assertThat(restored).contains("id=\"draft-restored\"").contains("Sharing the well, kept");

    Map<String, String> fields = lessonForm("Sharing the well, saved");
    fields.put("_csrf", token);
    fields.put("baseRevision", "1");
    HttpResponse<String> saved = author.postForm(path, fields);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(author.get(path).body()).doesNotContain("id=\"draft-offer\"");
    assertThat(author.get(path + "?restore").statusCode()).isEqualTo(404);
  }

  @Test
  void anotherAuthorNeverSeesTheSlotAndDiscardingForgetsIt() {
    long id = lesson("Grandmother's garden");
    String path = "/authoring/lessons/" + id;
    WebClient author = browserAs("author");
    autosave(author, path, "{\"fields\":[[\"title\",\"Only mine\"]]}", csrf(author, path));

    String other = "author" + System.nanoTime() % 1_000_000_000L;
    accounts.create("test", new NewUser(other, "Other", DEMO_PASSWORD, List.of("AUTHOR"), null));
    WebClient second = client();
    second.signIn(other, DEMO_PASSWORD);
    assertThat(second.get(path).body())
        .doesNotContain("Only mine")
        .doesNotContain("id=\"draft-offer\"");
    assertThat(second.get(path + "?restore").statusCode()).isEqualTo(404);
    assertThat(second.get(path + "?restore").body()).doesNotContain("Only mine");

    HttpResponse<String> discarded =
        author.postForm(path + "/autosave/discard", Map.of("_csrf", csrf(author, path)));
    assertThat(discarded.statusCode()).isEqualTo(302);
    assertThat(author.get(path + "?restore").statusCode()).isEqualTo(404);
  }

  @Test
  void hostileAutosavesAreRefusedWithClearAnswers() {
    long id = lesson("Paper boats");
    String path = "/authoring/lessons/" + id;
    WebClient author = browserAs("author");
    String token = csrf(author, path);

    assertThat(autosave(author, path, "{\"fields\":[[\"title\",\"x\"]]}", "wrong").statusCode())
        .isEqualTo(403);
    WebClient noToken = browserAs("author");
    assertThat(noToken.postJson(path + "/autosave", "{\"fields\":[]}").statusCode()).isEqualTo(403);

    String huge = "{\"fields\":[[\"markdown\",\"" + "a".repeat(1024 * 1024 + 10) + "\"]]}";
    assertThat(autosave(author, path, huge, token).statusCode()).isEqualTo(413);
    assertThat(autosave(author, path, "{\"fields\":[[\"title\"]]}", token).statusCode())
        .isEqualTo(400);
    assertThat(autosave(author, path, "not json", token).statusCode()).isEqualTo(400);
    assertThat(autosave(author, path, "{\"fields\":[[1,{}]]}", token).statusCode()).isEqualTo(400);
    assertThat(
            autosave(author, "/authoring/lessons/999999999", "{\"fields\":[]}", token).statusCode())
        .isEqualTo(404);
    assertThat(autosave(author, "/authoring/lessons/new", "{\"fields\":[]}", token).statusCode())
        .isEqualTo(200);

    WebClient teacher = browserAs("teacher");
    assertThat(autosave(teacher, path, "{\"fields\":[]}", csrf(teacher, "/classes")).statusCode())
        .isEqualTo(403);
    assertThat(author.get(path).body()).doesNotContain("id=\"draft-offer\"");
  }

  @Test
  void theModuleEditorKeepsItsDraftAndOffersItBackToo() {
    String body =
        """
        {"slug":"%s","lang":"en","title":"Kept module","summary":"One reading.","markdown":"Read.",
         "units":[{"id":"read","type":"reading","title":"Read first","markdown":"Words."}]}
        """
            .formatted("kept-module-" + System.nanoTime());
    HttpResponse<String> created = as("author").postJson("/api/v1/authoring/modules", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Json.read(created).get("id").asLong();
    String path = "/authoring/modules/" + id;
    WebClient author = browserAs("author").header("Accept-Language", "en");

    HttpResponse<String> kept =
        autosave(
            author,
            path,
            "{\"fields\":[[\"title\",\"Kept module, typed on\"],[\"baseRevision\",\"1\"],"
                + "[\"units[0].id\",\"read\"],[\"units[0].type\",\"reading\"],"
                + "[\"units[0].title\",\"Read this first\"]]}",
            csrf(author, path));
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    assertThat(Json.read(as("author").get("/api/v1/authoring/modules/" + id + "/revisions")).size())
        .as("an autosave is never a revision")
        .isEqualTo(1);

    String offered = author.get(path).body();
    assertThat(offered).contains("id=\"draft-offer\"").contains("data-autosave=\"" + path);
    String restored = author.get(path + "?restore").body();
    assertThat(restored)
        .contains("id=\"draft-restored\"")
        .contains("Kept module, typed on")
        .contains("Read this first");
    // Another author has no such draft of it.
    assertThat(browserAs("reviewer").get(path + "?restore").statusCode()).isEqualTo(404);
  }
}
