package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change to a user takes effect on that user's very next request, pages included; users change
 * their own passwords and administrators reset them; behind a TLS proxy the cookie is Secure.
 */
class SessionsAndPasswordsIntegrationTests extends PostgresTestBase {

  private static final String PASSWORD = "Millet-harvest-in-autumn-7";
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired Accounts accounts;

  private String createUser(String... roles) {
    String username = "sess" + NEXT.incrementAndGet() + "." + (System.nanoTime() % 100000);
    accounts.create(
        "test", new NewUser(username, "Session " + username, PASSWORD, List.of(roles), null));
    return username;
  }

  private WebClient signedIn(String username, String password) {
    WebClient browser = client();
    HttpResponse<String> signIn = browser.signIn(username, password);
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return browser;
  }

  private static boolean sentToLogin(HttpResponse<String> response) {
    return response.statusCode() == 302
        && response.headers().firstValue("Location").orElse("").endsWith("/login");
  }

  private JsonNode body(HttpResponse<String> response) {
    return json.readTree(response.body());
  }

  @Test
  void aDisabledUsersOpenPageSessionEndsOnItsNextRequest() {
    String username = createUser("TEACHER");
    WebClient browser = signedIn(username, PASSWORD);
    assertThat(browser.get("/classes").statusCode()).isEqualTo(200);

    accounts.setEnabled("admin", username, false);

    assertThat(sentToLogin(browser.get("/classes"))).isTrue();
    assertThat(browser.get("/").body()).doesNotContain("data-user=\"" + username + "\"");
  }

  @Test
  void aRoleTakenAwayIsGoneOnTheNextPageRequest() {
    String username = createUser("TEACHER", "TRAINER");
    WebClient browser = signedIn(username, PASSWORD);
    assertThat(browser.get("/trainer").statusCode()).isEqualTo(200);

    accounts.change("admin", username, new UserChange("Session user", List.of("TEACHER"), null));

    assertThat(browser.get("/trainer").statusCode()).isEqualTo(403);
    assertThat(browser.get("/classes").statusCode()).isEqualTo(200);
    assertThat(browser.get("/").body()).doesNotContain("data-nav=\"trainer\"");
  }

  @Test
  void changingThePasswordOverTheApiEndsOtherSessionsAndTheOldPasswordAtOnce() {
    String username = createUser("TEACHER");
    WebClient elsewhere = signedIn(username, PASSWORD);
    String newPassword = "Persimmons-on-the-roof-31";

    HttpResponse<String> changed =
        client()
            .basic(username, PASSWORD)
            .postJson(
                "/api/v1/me/password",
                "{\"currentPassword\":\""
                    + PASSWORD
                    + "\",\"newPassword\":\""
                    + newPassword
                    + "\"}");

    assertThat(changed.statusCode()).isEqualTo(204);
    assertThat(sentToLogin(elsewhere.get("/classes"))).isTrue();
    assertThat(client().basic(username, PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(client().basic(username, newPassword).get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongCurrentPasswordOrAWeakNewOneIsRefusedNamingTheField() {
    String username = createUser("TEACHER");
    WebClient api = client().basic(username, PASSWORD);

    HttpResponse<String> wrongCurrent =
        api.postJson(
            "/api/v1/me/password",
            "{\"currentPassword\":\"not-it-at-all-1\",\"newPassword\":\"Persimmons-on-the-roof-31\"}");
    HttpResponse<String> weak =
        api.postJson(
            "/api/v1/me/password",
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"password123\"}");
    HttpResponse<String> missing = api.postJson("/api/v1/me/password", "{}");

    assertThat(wrongCurrent.statusCode()).isEqualTo(400);
    assertThat(body(wrongCurrent).get("fields").get(0).get("field").asString())
        .isEqualTo("currentPassword");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(body(weak).get("fields").get(0).get("field").asString()).isEqualTo("newPassword");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(client().basic(username, PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void guessesAtTheCurrentPasswordAreThrottledLikeSignIns() {
    String username = createUser("TEACHER");
    WebClient browser = client().header("X-Forwarded-For", "198.51.100.31");
    browser.signIn(username, PASSWORD);
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong =
          browser.submit(
              "/account/password",
              "/account/password",
              Map.of(
                  "currentPassword", "guess-number-" + i,
                  "newPassword", "Persimmons-on-the-roof-31",
                  "confirmPassword", "Persimmons-on-the-roof-31"));
      assertThat(wrong.body()).contains("id=\"currentPassword-error\"");
    }

    HttpResponse<String> throttled =
        browser.submit(
            "/account/password",
            "/account/password",
            Map.of(
                "currentPassword", PASSWORD,
                "newPassword", "Persimmons-on-the-roof-31",
                "confirmPassword", "Persimmons-on-the-roof-31"));

    assertThat(throttled.statusCode()).isEqualTo(200);
    assertThat(throttled.body()).contains("id=\"currentPassword-error\"").contains("15分钟");
    assertThat(client().basic(username, PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void theAccountPageChangesThePasswordAndKeepsThisSessionSignedIn() {
    String username = createUser("TEACHER");
    WebClient here = signedIn(username, PASSWORD);
    WebClient elsewhere = signedIn(username, PASSWORD);
    String newPassword = "Terraced-fields-at-dawn-52";

    HttpResponse<String> mismatch =
        here.submit(
            "/account/password",
            "/account/password",
            Map.of(
                "currentPassword", PASSWORD,
                "newPassword", newPassword,
                "confirmPassword", "something-else-entirely-9"));
    assertThat(mismatch.statusCode()).isEqualTo(200);
    assertThat(mismatch.body()).contains("id=\"confirmPassword-error\"");

    HttpResponse<String> changed =
        here.submit(
            "/account/password",
            "/account/password",
            Map.of(
                "currentPassword", PASSWORD,
                "newPassword", newPassword,
                "confirmPassword", newPassword));

    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(here.get("/account/password").body()).contains("id=\"password-changed\"");
    assertThat(here.get("/classes").statusCode()).isEqualTo(200);
    assertThat(sentToLogin(elsewhere.get("/classes"))).isTrue();
  }

  @Test
  void afterAnAdministratorsResetTheUserMustChooseANewPasswordFirst() {
    String username = createUser("TEACHER");
    WebClient before = signedIn(username, PASSWORD);

    HttpResponse<String> reset =
        as("admin").postJson("/api/v1/users/" + username + "/password-reset", "");
    assertThat(reset.statusCode()).isEqualTo(200);
    String temporary = body(reset).get("temporaryPassword").asString();

    assertThat(sentToLogin(before.get("/classes"))).isTrue();
    assertThat(client().basic(username, PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(401);

    WebClient browser = client();
    HttpResponse<String> signIn = browser.signIn(username, temporary);
    assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
    HttpResponse<String> elsewhere = browser.get("/classes");
    assertThat(elsewhere.statusCode()).isEqualTo(302);
    assertThat(elsewhere.headers().firstValue("Location").orElseThrow())
        .endsWith("/account/password");
    assertThat(browser.get("/account/password").body()).contains("id=\"password-due\"");
    WebClient api = client().basic(username, temporary);
    assertThat(api.get("/api/v1/classes").statusCode()).isEqualTo(403);

    String chosen = "Swallows-return-in-spring-8";
    assertThat(
            api.postJson(
                    "/api/v1/me/password",
                    "{\"currentPassword\":\""
                        + temporary
                        + "\",\"newPassword\":\""
                        + chosen
                        + "\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(client().basic(username, chosen).get("/api/v1/classes").statusCode()).isEqualTo(200);
    assertThat(signedIn(username, chosen).get("/classes").statusCode()).isEqualTo(200);
  }

  @Test
  void theAdminPageResetsAPasswordAndShowsTheTemporaryOneOnce() {
    String username = createUser("TEACHER");
    WebClient admin = browserAs("admin");

    HttpResponse<String> reset =
        admin.submit(
            "/admin/users/" + username, "/admin/users/" + username + "/password-reset", Map.of());

    assertThat(reset.statusCode()).isEqualTo(302);
    String page = admin.get("/admin/users/" + username).body();
    assertThat(page).contains("id=\"temporary-password\"");
    assertThat(admin.get("/admin/users/" + username).body())
        .doesNotContain("id=\"temporary-password\"");
  }

  @Test
  void administratorsChangeUsersOverTheApi() {
    String username = createUser("TEACHER");
    WebClient browser = signedIn(username, PASSWORD);

    HttpResponse<String> patched =
        as("admin")
            .send(
                "PATCH",
                "/api/v1/users/" + username,
                "{\"roles\":[\"TEACHER\",\"TRAINER\"],\"displayName\":\"李老师\"}");
    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode user = body(patched);
    assertThat(user.get("displayName").asString()).isEqualTo("李老师");
    assertThat(user.get("roles").values())
        .extracting(JsonNode::asString)
        .containsExactly("TEACHER", "TRAINER");
    assertThat(user.get("enabled").asBoolean()).isTrue();
    assertThat(browser.get("/trainer").statusCode()).isEqualTo(200);

    HttpResponse<String> disabled =
        as("admin").send("PATCH", "/api/v1/users/" + username, "{\"enabled\":false}");
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(body(disabled).get("enabled").asBoolean()).isFalse();
    assertThat(body(disabled).get("displayName").asString()).isEqualTo("李老师");
    assertThat(sentToLogin(browser.get("/classes"))).isTrue();
    assertThat(client().basic(username, PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aBadPatchNamesTheFieldAndChangesNothing() {
    String username = createUser("TEACHER");

    HttpResponse<String> bad =
        as("admin")
            .send(
                "PATCH", "/api/v1/users/" + username, "{\"roles\":[\"WIZARD\"],\"enabled\":false}");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(body(bad).get("fields").get(0).get("field").asString()).isEqualTo("roles");
    assertThat(accounts.get(username).enabled()).isTrue();
    assertThat(accounts.get(username).roles()).containsExactly(Role.TEACHER);
    assertThat(
            as("admin")
                .send("PATCH", "/api/v1/users/nobody.at.all", "{\"enabled\":false}")
                .statusCode())
        .isEqualTo(404);
    assertThat(as("trainer").send("PATCH", "/api/v1/users/" + username, "{}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() {
    HttpResponse<String> proxied = client().header("X-Forwarded-Proto", "https").get("/login");
    HttpResponse<String> direct = client().get("/login");

    assertThat(proxied.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
    assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(direct.headers().allValues("Set-Cookie"))
        .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }
}
