package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal access tokens: made once (with a password or on the account page), listed without their
 * secret, acting with the owner's roles, refused at once when revoked, expired or their owner is
 * disabled, and noted when used at most once a minute.
 */
class ApiTokensIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired JdbcClient db;

  private JsonNode create(WebClient client, String body) {
    HttpResponse<String> created = client.postJson("/api/v1/me/tokens", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  private WebClient bearer(String token) {
    return client().header("Authorization", "Bearer " + token);
  }

  private String user(String name) {
    String username = name + System.nanoTime() % 1_000_000;
    assertThat(
            as("admin")
                .postJson(
                    "/api/v1/users",
                    "{\"username\":\""
                        + username
                        + "\",\"displayName\":\"Token user\",\"password\":\"Long-mountain-path-8\","
                        + "\"roles\":[\"TEACHER\"]}")
                .statusCode())
        .isEqualTo(201);
    return username;
  }

  @Test
  void aTokenIsShownOnceAndActsWithTheOwnersRoles() {
    JsonNode created = create(as("teacher"), "{\"name\":\"Report script\",\"expiresInDays\":30}");
    String token = created.get("token").asString();
    assertThat(token).startsWith("banyan_").hasSizeGreaterThan(40);
    assertThat(created.get("name").asString()).isEqualTo("Report script");
    OffsetDateTime expires = OffsetDateTime.parse(created.get("expiresAt").asString());
    assertThat(expires)
        .isBetween(
            OffsetDateTime.now(ZoneOffset.UTC).plusDays(29),
            OffsetDateTime.now(ZoneOffset.UTC).plusDays(31));

    HttpResponse<String> me = bearer(token).get("/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("username").asString()).isEqualTo("teacher");
    // A teacher's token is a teacher: no administrator's endpoint.
    assertThat(bearer(token).get("/api/v1/users").statusCode()).isEqualTo(403);

    HttpResponse<String> listed = as("teacher").get("/api/v1/me/tokens");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("Report script").doesNotContain(token);
    assertThat(
            db.sql("SELECT count(*) FROM api_tokens WHERE token_hash = :hash")
                .param("hash", ApiTokens.hash(token))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            db.sql("SELECT count(*) FROM api_tokens WHERE token_hash = :token OR prefix = :token")
                .param("token", token)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            db.sql(
                    "SELECT count(*) FROM audit_events WHERE action = 'TOKEN_CREATED' AND actor = 'teacher'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void aTokenCannotMakeAnotherAndBadInputNamesTheField() {
    String token = create(as("author"), "{\"name\":\"ci\"}").get("token").asString();
    assertThat(bearer(token).postJson("/api/v1/me/tokens", "{\"name\":\"more\"}").statusCode())
        .isEqualTo(403);

    HttpResponse<String> noName = as("author").postJson("/api/v1/me/tokens", "{\"name\":\"  \"}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body()).contains("\"name\"");
    HttpResponse<String> tooLong =
        as("author").postJson("/api/v1/me/tokens", "{\"name\":\"x\",\"expiresInDays\":366}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("expiresInDays");
    assertThat(
            as("author")
                .postJson("/api/v1/me/tokens", "{\"name\":\"x\",\"expiresInDays\":0}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void revokedExpiredOrUnknownTokensGet401AtOnceEvenOnOpenPaths() {
    JsonNode created = create(as("reviewer"), "{\"name\":\"soon revoked\"}");
    String token = created.get("token").asString();
    long id = created.get("id").asLong();
    assertThat(bearer(token).get("/api/v1/me").statusCode()).isEqualTo(200);

    // Another user's token is not found.
    assertThat(as("teacher").delete("/api/v1/me/tokens/" + id).statusCode()).isEqualTo(404);
    assertThat(bearer(token).get("/api/v1/me").statusCode()).isEqualTo(200);

    assertThat(as("reviewer").delete("/api/v1/me/tokens/" + id).statusCode()).isEqualTo(204);
    HttpResponse<String> revoked = bearer(token).get("/api/v1/me");
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("invalid_token");
    assertThat(bearer(token).get("/api/v1/search?q=worry").statusCode()).isEqualTo(401);
    assertThat(bearer("banyan_not-a-real-token").get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(
            db.sql(
                    "SELECT count(*) FROM audit_events WHERE action = 'TOKEN_REVOKED' AND actor = 'reviewer'")
                .query(Long.class)
                .single())
        .isPositive();

    String expiring = create(as("reviewer"), "{\"name\":\"expiring\"}").get("token").asString();
    db.sql("UPDATE api_tokens SET expires_at = :past WHERE token_hash = :hash")
        .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
        .param("hash", ApiTokens.hash(expiring))
        .update();
    assertThat(bearer(expiring).get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aDisabledOwnersTokensStopAndRolesFollowTheRecord() {
    String owner = user("tokenowner");
    WebClient basic = client().basic(owner, "Long-mountain-path-8");
    String token = create(basic, "{\"name\":\"mine\"}").get("token").asString();
    assertThat(bearer(token).get("/api/v1/users").statusCode()).isEqualTo(403);

    as("admin").send("PATCH", "/api/v1/users/" + owner, "{\"roles\":[\"TEACHER\",\"ADMIN\"]}");
    assertThat(bearer(token).get("/api/v1/users").statusCode()).isEqualTo(200);

    as("admin").send("PATCH", "/api/v1/users/" + owner, "{\"enabled\":false}");
    assertThat(bearer(token).get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void useIsNotedAtMostOnceAMinute() {
    JsonNode created = create(as("trainer"), "{\"name\":\"dashboard\"}");
    String token = created.get("token").asString();
    long id = created.get("id").asLong();
    assertThat(lastUsed(id)).isNull();

    bearer(token).get("/api/v1/me");
    assertThat(lastUsed(id)).isNotNull();

    OffsetDateTime recent = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30).withNano(0);
    setLastUsed(id, recent);
    bearer(token).get("/api/v1/me");
    assertThat(lastUsed(id).toInstant()).isEqualTo(recent.toInstant());

    OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2).withNano(0);
    setLastUsed(id, old);
    bearer(token).get("/api/v1/me");
    assertThat(lastUsed(id).toInstant()).isAfter(old.plusSeconds(60).toInstant());
  }

  private OffsetDateTime lastUsed(long id) {
    return db.sql("SELECT last_used_at FROM api_tokens WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
        .single()
        .orElse(null);
  }

  private void setLastUsed(long id, OffsetDateTime at) {
    db.sql("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
        .param("at", at)
        .param("id", id)
        .update();
  }

  @Test
  void theAccountPageMakesListsAndRevokesTokens() {
    WebClient browser = browserAs("author");
    HttpResponse<String> page = browser.get("/account/tokens");
    assertThat(page.statusCode()).isEqualTo(200);

    HttpResponse<String> made =
        browser.submit(
            "/account/tokens",
            "/account/tokens",
            Map.of("name", "Lesson sync", "expiresInDays", "7"));
    assertThat(made.statusCode()).isEqualTo(200);
    String secret = org.jsoup.Jsoup.parse(made.body()).selectFirst("#token-secret").text();
    assertThat(secret).startsWith("banyan_");
    assertThat(bearer(secret).get("/api/v1/me").statusCode()).isEqualTo(200);
    // Shown once: the list that follows never carries it.
    assertThat(browser.get("/account/tokens").body())
        .contains("Lesson sync")
        .doesNotContain(secret);

    HttpResponse<String> refused =
        browser.submit(
            "/account/tokens", "/account/tokens", Map.of("name", "x", "expiresInDays", "999"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("expiresInDays-error");

    long id =
        db.sql("SELECT id FROM api_tokens WHERE token_hash = :hash")
            .param("hash", ApiTokens.hash(secret))
            .query(Long.class)
            .single();
    HttpResponse<String> revoked =
        browser.submit("/account/tokens", "/account/tokens/" + id + "/revoke", Map.of());
    assertThat(revoked.statusCode()).isIn(200, 302);
    assertThat(bearer(secret).get("/api/v1/me").statusCode()).isEqualTo(401);
  }
}
