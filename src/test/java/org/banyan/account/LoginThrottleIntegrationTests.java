package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LoginThrottleIntegrationTests extends PostgresTestBase {

  private static final String PASSWORD = "Harvest-moon-festival-9";

  @Autowired Accounts accounts;
  @Autowired AuditLog audit;

  private void createTeacher(String username) {
    accounts.create(
        "test", new NewUser(username, "Throttle " + username, PASSWORD, List.of("TEACHER"), null));
  }

  @Test
  void fiveFailuresLockTheUsernameEvenForTheRightPassword() {
    createTeacher("locked.api");
    WebClient wrong = client().basic("locked.api", "wrong-password-123");
    for (int i = 0; i < 5; i++) {
      assertThat(wrong.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    HttpResponse<String> right = client().basic("locked.api", PASSWORD).get("/api/v1/me");

    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.body()).contains("\"status\":429");
    assertThat(right.headers().firstValue("Retry-After")).contains("900");
  }

  @Test
  void fourFailuresDoNotLockAndASuccessStartsTheCountAgain() {
    createTeacher("almost.locked");
    WebClient wrong = client().basic("almost.locked", "wrong-password-123");
    WebClient right = client().basic("almost.locked", PASSWORD);
    for (int i = 0; i < 4; i++) {
      wrong.get("/api/v1/me");
    }
    assertThat(right.get("/api/v1/me").statusCode()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      wrong.get("/api/v1/me");
    }
    assertThat(right.get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void theLoginFormSaysWhyAThrottledUsernameIsRefused() {
    createTeacher("locked.form");
    WebClient browser = client();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> failed = browser.signIn("locked.form", "wrong-password-123");
      assertThat(failed.headers().firstValue("Location"))
          .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    }

    HttpResponse<String> refused = browser.signIn("locked.form", PASSWORD);

    assertThat(refused.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login?throttled"));
    assertThat(browser.get("/login?throttled").body()).contains("id=\"login-throttled\"");
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownUsernameIsAnsweredExactlyLikeAKnownOne() {
    createTeacher("real.person");
    createTeacher("known.form");
    List<Integer> known = attempts("real.person");
    List<Integer> unknown = attempts("nobody.here");
    assertThat(unknown).isEqualTo(known).containsExactly(401, 401, 401, 401, 401, 429);

    WebClient browser = client();
    HttpResponse<String> unknownForm = browser.signIn("never.existed", "whatever-pass-1");
    HttpResponse<String> knownForm = browser.signIn("known.form", "whatever-pass-1");
    assertThat(unknownForm.headers().firstValue("Location"))
        .isEqualTo(knownForm.headers().firstValue("Location"));
  }

  @Test
  void signInsAreAuditedWithTheClientAddress() {
    createTeacher("audited");
    client().signIn("audited", "wrong-password-123");
    client().signIn("audited", PASSWORD);

    List<AuditLog.Entry> failed =
        audit.recent("LOGIN_FAILED", 500).stream()
            .filter(e -> "audited".equals(e.target()))
            .toList();
    List<AuditLog.Entry> succeeded =
        audit.recent("LOGIN_SUCCEEDED", 500).stream()
            .filter(e -> "audited".equals(e.target()))
            .toList();
    assertThat(failed).hasSize(1);
    assertThat(succeeded).hasSize(1);
    assertThat(failed.get(0).ip()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(succeeded.get(0).ip()).isNotBlank();
  }

  private List<Integer> attempts(String username) {
    WebClient wrong = client().basic(username, "wrong-password-123");
    List<Integer> codes = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      codes.add(wrong.get("/api/v1/me").statusCode());
    }
    codes.add(client().basic(username, PASSWORD).get("/api/v1/me").statusCode());
    return codes;
  }
}
