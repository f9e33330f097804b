package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccountApiIntegrationTests extends PostgresTestBase {

  private final JsonMapper json = JsonMapper.builder().build();

  private JsonNode body(HttpResponse<String> response) {
    return json.readTree(response.body());
  }

  @Test
  void meAnswersEachDemoRoleWithItsRoles() {
    Map<String, String> roles =
        Map.of(
            "admin", "ADMIN",
            "author", "AUTHOR",
            "reviewer", "REVIEWER",
            "trainer", "TRAINER",
            "teacher", "TEACHER",
            "teacher2", "TEACHER");
    roles.forEach(
        (username, role) -> {
          HttpResponse<String> response = as(username).get("/api/v1/me");
          assertThat(response.statusCode()).isEqualTo(200);
          JsonNode me = body(response);
          assertThat(me.get("username").asString()).isEqualTo(username);
          assertThat(me.get("displayName").asString()).isNotBlank();
          assertThat(me.get("roles").values()).extracting(JsonNode::asString).containsExactly(role);
        });
  }

  @Test
  void theTwoDemoTeachersShareOneSchool() {
    JsonNode first = body(as("teacher").get("/api/v1/me")).get("school");
    JsonNode second = body(as("teacher2").get("/api/v1/me")).get("school");
    assertThat(first.get("id").asLong()).isEqualTo(second.get("id").asLong());
    assertThat(body(as("author").get("/api/v1/me")).get("school").isNull()).isTrue();
  }

  @Test
  void anonymousCallsGet401InTheErrorShape() {
    HttpResponse<String> response = client().get("/api/v1/me");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode error = body(response);
    assertThat(error.get("status").asInt()).isEqualTo(401);
    assertThat(error.get("error").asString()).isEqualTo("Unauthorized");
    assertThat(error.get("message").asString()).isNotBlank();
  }

  @Test
  void aWrongPasswordGets401() {
    HttpResponse<String> response = client().basic("author", "not-the-password").get("/api/v1/me");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(body(response).get("status").asInt()).isEqualTo(401);
  }

  @Test
  void aWrongRoleGets403InTheErrorShape() {
    HttpResponse<String> response =
        as("teacher")
            .postJson(
                "/api/v1/users",
                """
                {"username":"shouldnot","displayName":"x","password":"Long-enough-pass-1","roles":["TEACHER"]}
                """);
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode error = body(response);
    assertThat(error.get("status").asInt()).isEqualTo(403);
    assertThat(error.get("error").asString()).isEqualTo("Forbidden");
    assertThat(as("admin").get("/api/v1/users/shouldnot").statusCode()).isEqualTo(404);
  }

  @Test
  void anAdminCreatesAUserWhoCanThenSignIn() {
    HttpResponse<String> created =
        as("admin")
            .postJson(
                "/api/v1/users",
                """
                {"username":"Chen.Xia","displayName":"陈霞","password":"Mountain-road-school-7",
                 "roles":["teacher","TRAINER"]}
                """);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/users/chen.xia");
    JsonNode body = body(created);
    assertThat(body.get("username").asString()).isEqualTo("chen.xia");
    assertThat(body.get("roles").values())
        .extracting(JsonNode::asString)
        .containsExactly("TEACHER", "TRAINER");

    JsonNode me = body(client().basic("chen.xia", "Mountain-road-school-7").get("/api/v1/me"));
    assertThat(me.get("displayName").asString()).isEqualTo("陈霞");
  }

  @Test
  void badInputNamesEachFieldAndWhy() {
    HttpResponse<String> response =
        as("admin")
            .postJson(
                "/api/v1/users",
                """
                {"username":"9 bad name","displayName":"","password":"short","roles":["TEACHER","PRINCIPAL"]}
                """);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = body(response);
    assertThat(error.get("status").asInt()).isEqualTo(400);
    List<String> fields =
        error.get("fields").values().stream().map(f -> f.get("field").asString()).toList();
    assertThat(fields).containsExactlyInAnyOrder("username", "displayName", "password", "roles");
    assertThat(error.get("fields").values())
        .allSatisfy(f -> assertThat(f.get("reason").asString()).isNotBlank());
    assertThat(error.get("message").asString()).contains("PRINCIPAL");
  }

  @Test
  void aCommonPasswordIsRefused() {
    HttpResponse<String> response =
        as("admin")
            .postJson(
                "/api/v1/users",
                """
                {"username":"weakling","displayName":"Weak","password":"password2026","roles":["TEACHER"]}
                """);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode field = body(response).get("fields").get(0);
    assertThat(field.get("field").asString()).isEqualTo("password");
    assertThat(field.get("reason").asString()).contains("common");
  }

  @Test
  void anUnknownSchoolIsRefused() {
    HttpResponse<String> response =
        as("admin")
            .postJson(
                "/api/v1/users",
                """
                {"username":"nowhere","displayName":"N","password":"Mountain-road-school-7",
                 "roles":["TEACHER"],"school":"不存在的学校"}
                """);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get("fields").get(0).get("field").asString()).isEqualTo("school");
  }

  @Test
  void aTakenUsernameGets409() {
    String request =
        """
        {"username":"twice","displayName":"Twice","password":"Mountain-road-school-7","roles":["AUTHOR"]}
        """;
    assertThat(as("admin").postJson("/api/v1/users", request).statusCode()).isEqualTo(201);
    HttpResponse<String> again = as("admin").postJson("/api/v1/users", request);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(body(again).get("status").asInt()).isEqualTo(409);
  }

  @Test
  void malformedJsonGets400NotA500() {
    HttpResponse<String> response = as("admin").postJson("/api/v1/users", "{\"username\":");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get("message").asString()).contains("JSON");
  }

  @Test
  void anUnknownApiPathGets404Json() {
    HttpResponse<String> response = as("teacher").get("/api/v1/no-such-thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(body(response).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void theApiIsStateless() {
    HttpResponse<String> response = as("teacher").get("/api/v1/me");
    assertThat(response.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
  }
}
