package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.banyan.FormFields;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ConcurrentEditsIntegrationTests extends PostgresTestBase {

  private long create(String slug) {
    return Json.read(
            as("author").postJson("/api/v1/authoring/lessons", Json.lesson(slug, "en").toString()))
        .get("id")
        .asLong();
  }

  @Test
  void aStaleEditIsRefusedAndShowsWhatChanged() {
    String slug = Json.uniqueSlug("stale");
    long id = create(slug);
    ObjectNode first = Json.lesson(slug, "en");
    first.put("title", "Taking turns at the well");
    first.put("baseRevision", 1);
    assertThat(
            as("author").putJson("/api/v1/authoring/lessons/" + id, first.toString()).statusCode())
        .isEqualTo(200);

    ObjectNode second = Json.lesson(slug, "en");
    second.put("summary", "My own change, started from revision 1");
    second.put("baseRevision", 1);
    HttpResponse<String> stale =
        as("author").putJson("/api/v1/authoring/lessons/" + id, second.toString());

    assertThat(stale.statusCode()).isEqualTo(409);
    JsonNode conflict = Json.read(stale);
    assertThat(conflict.get("status").asInt()).isEqualTo(409);
    assertThat(conflict.get("latestRevision").asInt()).isEqualTo(2);
    assertThat(conflict.get("changes").get("fields").values())
        .anySatisfy(
            f -> {
              assertThat(f.get("field").asString()).isEqualTo("title");
              assertThat(f.get("after").asString()).isEqualTo("Taking turns at the well");
            });
    JsonNode revisions =
        Json.read(as("author").get("/api/v1/authoring/lessons/" + id + "/revisions"));
    assertThat(revisions.size()).isEqualTo(2);
  }

  @Test
  void ofTwoSimultaneousEditsFromTheSameRevisionExactlyOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      String slug = Json.uniqueSlug("race");
      long id = create(slug);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ObjectNode edit = Json.lesson(slug, "en");
        edit.put("title", "Edit " + i);
        edit.put("baseRevision", 1);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return as("author")
                      .putJson("/api/v1/authoring/lessons/" + id, edit.toString())
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> result : results) {
        codes.add(result.get());
      }
      pool.shutdown();
      assertThat(codes).containsExactlyInAnyOrder(200, 409);
      assertThat(
              Json.read(as("author").get("/api/v1/authoring/lessons/" + id + "/revisions")).size())
          .isEqualTo(2);
    }
  }

  @Test
  void theEditorKeepsTheAuthorsTextAndShowsTheConflict() {
    String slug = Json.uniqueSlug("form");
    long id = create(slug);
    ObjectNode first = Json.lesson(slug, "en");
    first.put("title", "Saved by someone else");
    first.put("baseRevision", 1);
    as("author").putJson("/api/v1/authoring/lessons/" + id, first.toString());

    org.banyan.WebClient browser = browserAs("author");
    java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("baseRevision", "1");
    form.put("title", "My unsaved title");
    form.put("summary", "Mine");
    form.put("competencies", "self-awareness");
    form.put("topics", "friendship");
    form.put("grades", "3");
    form.put("durationMinutes", "40");
    form.put("objectives", "One");
    form.put("markdown", "## Warm-up\n\nMy words");
    form.put("action", "save");
    HttpResponse<String> page =
        browser.submit("/authoring/lessons/" + id, "/authoring/lessons/" + id, form);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"conflict\"")
        .contains("value=\"My unsaved title\"")
        .contains("Saved by someone else")
        .contains("name=\"baseRevision\" value=\"2\"");
  }

  /** Posts the editor's form as shown in {@code page}, with {@code action}; answers the page. */
  private static Document press(WebClient author, long id, Document page, String action) {
    HttpResponse<String> answer =
        author.postForm(
            "/authoring/lessons/" + id,
            FormFields.with(FormFields.of(page, "content-editor"), "action", action));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Jsoup.parse(answer.body());
  }

  private static String changedBy(Document page, String field) {
    Element row = page.selectFirst("#merge tr[data-field=" + field + "]");
    return row == null ? null : row.attr("data-changed-by");
  }

  @Test
  void twoAuthorsMergeFieldByFieldTakingTheirsWhereTheyChoose() {
    String slug = Json.uniqueSlug("merge");
    long id = create(slug);
    WebClient author = browserAs("author").header("Accept-Language", "en");
    // This author opens the editor at revision 1 and starts typing.
    Document opened = Jsoup.parse(author.get("/authoring/lessons/" + id).body());
    List<Map.Entry<String, String>> mine = FormFields.of(opened, "content-editor");
    mine = FormFields.with(mine, "title", "My title for the swing");
    mine = FormFields.with(mine, "summary", "My summary, typed while the other saved.");

    // Meanwhile another author saves revision 2: a new title, materials and a body line.
    ObjectNode theirs = Json.lesson(slug, "en");
    theirs.put("title", "Their title for the swing");
    theirs.putArray("materials").add("one swing").add("chalk").add("a whistle");
    theirs.put(
        "markdown",
        theirs.get("markdown").asString().replace("Turns matter.", "Turns matter a lot."));
    theirs.put("baseRevision", 1);
    assertThat(
            as("author").putJson("/api/v1/authoring/lessons/" + id, theirs.toString()).statusCode())
        .isEqualTo(200);

    // Saving is refused, nothing typed is lost, and each differing field is listed with who changed
    // it.
    Document conflict =
        Jsoup.parse(
            author
                .postForm("/authoring/lessons/" + id, FormFields.with(mine, "action", "save"))
                .body());
    assertThat(conflict.getElementById("conflict")).isNotNull();
    assertThat(conflict.selectFirst("input[name=baseRevision]").attr("value")).isEqualTo("2");
    assertThat(conflict.selectFirst("input[name=mergeBase]").attr("value")).isEqualTo("1");
    assertThat(conflict.selectFirst("input[name=title]").attr("value"))
        .isEqualTo("My title for the swing");
    assertThat(changedBy(conflict, "title")).isEqualTo("BOTH");
    assertThat(changedBy(conflict, "summary")).isEqualTo("YOU");
    assertThat(changedBy(conflict, "materials")).isEqualTo("THEM");
    assertThat(changedBy(conflict, "markdown")).isEqualTo("THEM");
    assertThat(changedBy(conflict, "grades")).isNull();
    assertThat(conflict.selectFirst("#merge tr[data-field=materials] .theirs").text())
        .contains("a whistle");
    assertThat(conflict.selectFirst("#merge tr[data-field=markdown] .diff").text())
        .contains("+ Turns matter a lot.")
        .contains("- Turns matter.");

    // Taking their materials fills the form with them; the row goes, the others stay.
    Document took = press(author, id, conflict, "take:materials");
    assertThat(took.selectFirst("textarea[name=materials]").wholeText()).contains("a whistle");
    assertThat(changedBy(took, "materials")).isNull();
    assertThat(changedBy(took, "title")).isEqualTo("BOTH");
    assertThat(
            took.selectFirst("input[name=summary]") == null
                ? took.selectFirst("textarea[name=summary]").wholeText()
                : took.selectFirst("input[name=summary]").attr("value"))
        .contains("My summary");

    // Taking everything only they changed takes the body, and leaves the title both changed.
    Document merged = press(author, id, took, "take:*");
    assertThat(changedBy(merged, "markdown")).isNull();
    assertThat(changedBy(merged, "title")).isEqualTo("BOTH");
    assertThat(merged.getElementById("take-theirs-only")).isNull();
    assertThat(conflict.getElementById("take-theirs-only")).isNotNull();

    // A hostile action or base changes nothing and answers a page, not an error.
    Document odd = press(author, id, merged, "take:../../baseRevision");
    assertThat(odd.selectFirst("input[name=baseRevision]").attr("value")).isEqualTo("2");
    assertThat(changedBy(odd, "title")).isEqualTo("BOTH");
    HttpResponse<String> wild =
        author.postForm(
            "/authoring/lessons/" + id,
            FormFields.with(
                FormFields.with(FormFields.of(merged, "content-editor"), "mergeBase", "999"),
                "action",
                "take:title"));
    assertThat(wild.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(wild.body()).getElementById("merge")).isNull();

    // In Chinese, the same table in the author's language.
    WebClient chinese = browserAs("author").header("Accept-Language", "zh-CN");
    String zh =
        chinese
            .postForm(
                "/authoring/lessons/" + id,
                FormFields.with(
                    FormFields.with(
                        FormFields.of(took, "content-editor"),
                        "_csrf",
                        WebClient.csrfFrom(chinese.get("/authoring/lessons/" + id).body())),
                    "action",
                    "take:summary"))
            .body();
    assertThat(zh).contains("双方都改了").contains("用对方的");
    // Once only my own changes are left, the page says saving puts them on top of theirs.
    Document mineOnly = press(author, id, merged, "take:title");
    assertThat(mineOnly.select("#merge [role=status]").text()).contains("your own changes");
    assertThat(mineOnly.selectFirst("input[name=title]").attr("value"))
        .isEqualTo("Their title for the swing");

    // Saving keeps my title and summary on top of their revision, with their materials and body.
    HttpResponse<String> saved =
        author.postForm(
            "/authoring/lessons/" + id,
            FormFields.with(FormFields.of(merged, "content-editor"), "action", "save"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    JsonNode draft = Json.read(as("author").get("/api/v1/authoring/lessons/" + id));
    assertThat(draft.get("item").get("revision").asInt()).isEqualTo(3);
    JsonNode latest = draft.get("content");
    assertThat(latest.get("title").asString()).isEqualTo("My title for the swing");
    assertThat(latest.get("summary").asString()).startsWith("My summary");
    assertThat(latest.get("materials").toString()).contains("a whistle");
    assertThat(latest.get("markdown").asString()).contains("Turns matter a lot.");
  }

  @Test
  void aCoursesUnitsAreMergedWholeByTakingTheirs() {
    String body =
        """
        {"lang":"en","title":"Merging a course","summary":"Two units.","markdown":"Weekly.",
         "grades":[1],"units":[{"title":"Feelings","week":1,
                                "lessons":["naming-feelings"]}]}
        """;
    HttpResponse<String> created = as("author").postJson("/api/v1/authoring/courses", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Json.read(created).get("id").asLong();
    String path = "/authoring/courses/" + id;
    WebClient author = browserAs("author").header("Accept-Language", "en");
    List<Map.Entry<String, String>> mine =
        FormFields.with(
            FormFields.of(Jsoup.parse(author.get(path).body()), "content-editor"),
            "title",
            "Merging a course, my title");

    String theirs =
        body.replace("\"week\":1", "\"week\":2")
            .replace("\"lang\":\"en\",\"title\"", "\"baseRevision\":1,\"title\"");
    HttpResponse<String> put = as("author").putJson("/api/v1/authoring/courses/" + id, theirs);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    Document conflict =
        Jsoup.parse(author.postForm(path, FormFields.with(mine, "action", "save")).body());
    assertThat(changedBy(conflict, "courseUnits")).isEqualTo("THEM");
    assertThat(changedBy(conflict, "title")).isEqualTo("YOU");
    assertThat(conflict.selectFirst("#merge tr[data-field=courseUnits] .theirs").text())
        .startsWith("Feelings · week 2 · ");
    assertThat(conflict.selectFirst("input[name='unit.0.week']").attr("value")).isEqualTo("1");

    Document took =
        Jsoup.parse(
            author
                .postForm(
                    path,
                    FormFields.with(
                        FormFields.of(conflict, "content-editor"), "action", "take:courseUnits"))
                .body());
    assertThat(took.selectFirst("input[name='unit.0.week']").attr("value")).isEqualTo("2");
    assertThat(took.selectFirst("input[name=title]").attr("value"))
        .isEqualTo("Merging a course, my title");
    assertThat(changedBy(took, "courseUnits")).isNull();

    HttpResponse<String> saved =
        author.postForm(
            path, FormFields.with(FormFields.of(took, "content-editor"), "action", "save"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    JsonNode content =
        Json.read(as("author").get("/api/v1/authoring/courses/" + id)).get("content");
    assertThat(content.get("title").asString()).isEqualTo("Merging a course, my title");
    assertThat(content.get("units").get(0).get("week").asInt()).isEqualTo(2);
  }
}
