package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every role on every content, media and admin endpoint. Each call is made on an item in the state
 * the step needs, so that a 200 means the role was let through and a 401/403 that it was not.
 */
class PermissionMatrixIntegrationTests extends PostgresTestBase {

  private static final List<String> ROLES =
      List.of("anonymous", "teacher", "trainer", "author", "reviewer", "admin");
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
  };

  private WebClient who(String role) {
    return role.equals("anonymous") ? client() : as(role);
  }

  private long draft() {
    HttpResponse<String> created =
        as("author")
            .postJson(
                "/api/v1/authoring/lessons", Json.lesson(Json.uniqueSlug("perm"), "en").toString());
    return Json.read(created).get("id").asLong();
  }

  private long inReview() {
    long id = draft();
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    return id;
  }

  private long published() {
    long id = inReview();
    as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}");
    return id;
  }

  private void check(
      String name, Function<WebClient, HttpResponse<?>> call, Map<String, Integer> expected) {
    Map<String, Integer> actual = new LinkedHashMap<>();
    for (String role : ROLES) {
      actual.put(role, call.apply(who(role)).statusCode());
    }
    assertThat(actual).as(name).isEqualTo(expected);
  }

  private static Map<String, Integer> expect(
      int anonymous, int teacher, int trainer, int author, int reviewer, int admin) {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("anonymous", anonymous);
    map.put("teacher", teacher);
    map.put("trainer", trainer);
    map.put("author", author);
    map.put("reviewer", reviewer);
    map.put("admin", admin);
    return map;
  }

  @Test
  void catalogReads() {
    check(
        "lesson",
        c -> c.get("/api/v1/lessons/en/naming-feelings"),
        expect(200, 200, 200, 200, 200, 200));
    check(
        "course",
        c -> c.get("/api/v1/courses/en/feelings-first"),
        expect(200, 200, 200, 200, 200, 200));
    check(
        "module",
        c -> c.get("/api/v1/modules/en/teacher-wellbeing"),
        expect(401, 200, 200, 200, 200, 200));
    check(
        "draft is not public",
        c -> c.get("/api/v1/lessons/en/no-such-lesson"),
        expect(404, 404, 404, 404, 404, 404));
  }

  @Test
  void creatingAndEditing() {
    check(
        "create",
        c ->
            c.postJson(
                "/api/v1/authoring/lessons", Json.lesson(Json.uniqueSlug("m"), "en").toString()),
        expect(401, 403, 403, 201, 403, 403));
    check(
        "update",
        c -> {
          long id = draft();
          ObjectNode body = Json.lesson("ignored", "en");
          body.put("baseRevision", 1);
          return c.putJson("/api/v1/authoring/lessons/" + id, body.toString());
        },
        expect(401, 403, 403, 200, 403, 403));
    check("list", c -> c.get("/api/v1/authoring/lessons"), expect(401, 403, 403, 200, 200, 403));
    check(
        "revisions",
        c -> c.get("/api/v1/authoring/lessons/" + draft() + "/revisions"),
        expect(401, 403, 403, 200, 200, 403));
    check(
        "restore",
        c -> c.postJson("/api/v1/authoring/lessons/" + draft() + "/revisions/1/restore", "{}"),
        expect(401, 403, 403, 200, 403, 403));
  }

  @Test
  void workflowSteps() {
    check(
        "submit",
        c -> c.postJson("/api/v1/authoring/lessons/" + draft() + "/submit", "{}"),
        expect(401, 403, 403, 200, 403, 403));
    check(
        "publish",
        c -> c.postJson("/api/v1/authoring/lessons/" + inReview() + "/publish", "{}"),
        expect(401, 403, 403, 403, 200, 403));
    check(
        "reject",
        c ->
            c.postJson(
                "/api/v1/authoring/lessons/" + inReview() + "/reject",
                "{\"comment\":\"more detail\"}"),
        expect(401, 403, 403, 403, 200, 403));
    check(
        "archive",
        c -> c.postJson("/api/v1/authoring/lessons/" + published() + "/archive", "{}"),
        expect(401, 403, 403, 403, 200, 200));
    check(
        "queue",
        c -> c.get("/api/v1/authoring/review-queue"),
        expect(401, 403, 403, 403, 200, 403));
  }

  @Test
  void mediaAndAdministration() {
    check(
        "upload",
        c -> c.upload("/api/v1/media", "file", "dot.png", PNG),
        expect(401, 403, 403, 201, 403, 403));
    check("export", c -> c.getBytes("/api/v1/admin/export"), expect(401, 403, 403, 403, 403, 200));
    check("users", c -> c.get("/api/v1/users"), expect(401, 403, 403, 403, 403, 200));
    check(
        "change a user",
        c -> c.send("PATCH", "/api/v1/users/teacher2", "{}"),
        expect(401, 403, 403, 403, 403, 200));
    as("admin")
        .postJson(
            "/api/v1/users",
            "{\"username\":\"matrix.reset\",\"displayName\":\"Reset me\","
                + "\"password\":\"Matrix-reset-pass-77\",\"roles\":[\"TEACHER\"]}");
    check(
        "reset a password",
        c -> c.postJson("/api/v1/users/matrix.reset/password-reset", ""),
        expect(401, 403, 403, 403, 403, 200));
    check(
        "change one's own password (refused for the missing fields, so let through)",
        c -> c.postJson("/api/v1/me/password", "{}"),
        expect(401, 400, 400, 400, 400, 400));
  }

  @Test
  void pages() {
    for (String[] page :
        new String[][] {
          {"/authoring", "302", "403", "403", "200", "200", "403"},
          {"/authoring/lessons/new", "302", "403", "403", "200", "403", "403"},
          {"/review", "302", "403", "403", "403", "200", "403"},
          {"/admin/content", "302", "403", "403", "403", "403", "200"},
          {"/account/password", "302", "200", "200", "200", "200", "200"},
          {"/lessons/en/naming-feelings", "200", "200", "200", "200", "200", "200"},
        }) {
      Map<String, Integer> actual = new LinkedHashMap<>();
      for (String role : ROLES) {
        WebClient browser = role.equals("anonymous") ? client() : browserAs(role);
        actual.put(role, browser.get(page[0]).statusCode());
      }
      assertThat(actual)
          .as(page[0])
          .isEqualTo(
              expect(
                  Integer.parseInt(page[1]),
                  Integer.parseInt(page[2]),
                  Integer.parseInt(page[3]),
                  Integer.parseInt(page[4]),
                  Integer.parseInt(page[5]),
                  Integer.parseInt(page[6])));
    }
  }
}
