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
  @Autowired org.springframework.jdbc.core.simple.JdbcClient db;

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

  @Test
  void parallelGuessesNeverGetMoreChecksThanTheLimit() throws Exception {
    createTeacher("parallel.target");
    int tries = 150;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(50);
    List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    for (int i = 0; i < tries; i++) {
      String guess = "guess-number-" + i + "x";
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return client()
                    .header("X-Forwarded-For", "198.51.100.77")
                    .basic("parallel.target", guess)
                    .get("/api/v1/me")
                    .statusCode();
              }));
    }
    start.countDown();
    List<Integer> codes = new java.util.ArrayList<>();
    for (java.util.concurrent.Future<Integer> answer : answers) {
      codes.add(answer.get());
    }
    pool.shutdown();

    long checked =
        audit.recent("LOGIN_FAILED", 5000).stream()
            .filter(e -> "parallel.target".equals(e.target()))
            .count();
    assertThat(checked).isLessThanOrEqualTo(LoginThrottle.PAIR_FAILURES);
    assertThat(codes.stream().filter(c -> c == 401).count()).isEqualTo(checked);
    assertThat(codes.stream().filter(c -> c == 429).count()).isEqualTo(tries - checked);
  }

  @Test
  void parallelCallsWithTheRightPasswordQueueInsteadOfBeingRefused() throws Exception {
    createTeacher("busy.script");
    int calls = 3 * LoginThrottle.PAIR_FAILURES;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(calls);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < calls; i++) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return client()
                    .header("X-Forwarded-For", "198.51.100.80")
                    .basic("busy.script", PASSWORD)
                    .get("/api/v1/me")
                    .statusCode();
              }));
    }
    start.countDown();
    List<Integer> codes = new java.util.ArrayList<>();
    for (java.util.concurrent.Future<Integer> answer : answers) {
      codes.add(answer.get());
    }
    pool.shutdown();

    assertThat(codes).hasSize(calls).containsOnly(200);
    assertThat(
            audit.recent("LOGIN_THROTTLED", 5000).stream()
                .filter(e -> "busy.script".equals(e.target())))
        .isEmpty();
  }

  @Test
  void aFloodFromOneAddressDoesNotLockTheUserOutElsewhere() {
    createTeacher("flooded.user");
    WebClient attacker =
        client().header("X-Forwarded-For", "203.0.113.9").basic("flooded.user", "wrong-guess-42");
    for (int i = 0; i < 12; i++) {
      attacker.get("/api/v1/me");
    }
    assertThat(attacker.get("/api/v1/me").statusCode()).isEqualTo(429);
    assertThat(
            client()
                .header("X-Forwarded-For", "203.0.113.9")
                .basic("flooded.user", PASSWORD)
                .get("/api/v1/me")
                .statusCode())
        .isEqualTo(429);

    WebClient realUser =
        client().header("X-Forwarded-For", "192.0.2.44").basic("flooded.user", PASSWORD);
    assertThat(realUser.get("/api/v1/me").statusCode()).isEqualTo(200);

    WebClient browser = client().header("X-Forwarded-For", "192.0.2.44");
    HttpResponse<String> signIn = browser.signIn("flooded.user", PASSWORD);
    assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
  }

  @Test
  void oneAddressGuessingManyUsernamesIsLimitedToo() {
    createTeacher("bystander");
    String address = "203.0.113.200";
    for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
      assertThat(
              client()
                  .header("X-Forwarded-For", address)
                  .basic("sprayed" + i, "summer-2026-guess")
                  .get("/api/v1/me")
                  .statusCode())
          .isEqualTo(401);
    }

    assertThat(
            client()
                .header("X-Forwarded-For", address)
                .basic("bystander", PASSWORD)
                .get("/api/v1/me")
                .statusCode())
        .isEqualTo(429);
    assertThat(
            client()
                .header("X-Forwarded-For", "192.0.2.45")
                .basic("bystander", PASSWORD)
                .get("/api/v1/me")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void keysWhoseWindowAndLockAreOverAreDroppedWithTheNextFailure() {
    java.time.OffsetDateTime hourAgo = java.time.OffsetDateTime.now().minusHours(1);
    db.sql(
            "INSERT INTO login_counters (throttle_key, failures, window_start, locked_until)"
                + " VALUES ('user:long.gone', 3, :t, :t)")
        .param("t", hourAgo)
        .update();

    client()
        .header("X-Forwarded-For", "198.51.100.90")
        .basic("someone.else", "wrong-pass-1")
        .get("/api/v1/me");

    assertThat(
            db.sql("SELECT count(*) FROM login_counters WHERE throttle_key = 'user:long.gone'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            db.sql("SELECT count(*) FROM login_counters WHERE throttle_key = 'user:someone.else'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
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
