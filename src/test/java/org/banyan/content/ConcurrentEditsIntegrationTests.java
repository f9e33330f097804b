package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.banyan.PostgresTestBase;
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
}
