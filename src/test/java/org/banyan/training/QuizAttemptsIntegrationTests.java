package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.training.TrainingFixtures.PASSWORD;
import static org.banyan.training.TrainingFixtures.api;
import static org.banyan.training.TrainingFixtures.json;
import static org.banyan.training.TrainingFixtures.user;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.banyan.account.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A module may limit a quiz's attempts and make the teacher wait between them. */
class QuizAttemptsIntegrationTests extends PostgresTestBase {

  @Autowired Accounts accounts;
  @Autowired JdbcClient db;

  private static final String RIGHT = "{\"answers\":{\"q1\":[1]}}";
  private static final String WRONG = "{\"answers\":{\"q1\":[0]}}";

  /** Publishes a one-quiz module with the given limits (JSON members, may be empty). */
  private String publishQuiz(String limits) {
    String slug = "quiz-limits-" + System.nanoTime();
    String body =
        """
        {"slug":"%s","lang":"en","title":"Limited quiz","summary":"One quiz.","markdown":"Read.",
         "units":[{"id":"check","type":"quiz","title":"Check","passMark":100%s,
                   "questions":[{"id":"q1","text":"Which?","choices":["no","yes"],"correct":[1]}]}]}
        """
            .formatted(slug, limits);
    HttpResponse<String> created = as("author").postJson("/api/v1/authoring/modules", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json(created).get("id").asLong();
    as("author").postJson("/api/v1/authoring/modules/" + id + "/submit", "{}");
    HttpResponse<String> published =
        as("reviewer").postJson("/api/v1/authoring/modules/" + id + "/publish", "{}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    return slug;
  }

  private HttpResponse<String> attempt(String teacher, String slug, String answers) {
    return api(client(), teacher)
        .postJson("/api/v1/modules/en/" + slug + "/units/check/complete", answers);
  }

  private JsonNode quizUnit(String teacher, String slug) {
    return json(api(client(), teacher).get("/api/v1/me/modules/en/" + slug)).get("units").get(0);
  }

  @Test
  void aQuizRefusesAttemptsBeyondTheLimitAndBeforeTheWaitIsOver() {
    String slug = publishQuiz(",\"maxAttempts\":2,\"attemptWaitMinutes\":60");
    String teacher = user(accounts, "Limited teacher", "TEACHER", null);
    JsonNode fresh = quizUnit(teacher, slug);
    assertThat(fresh.get("maxAttempts").asInt()).isEqualTo(2);
    assertThat(fresh.get("attemptsLeft").asInt()).isEqualTo(2);

    HttpResponse<String> first = attempt(teacher, slug, WRONG);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(first).get("unit").get("attemptsLeft").asInt()).isEqualTo(1);
    assertThat(json(first).get("unit").get("nextAttemptAt").isNull()).isFalse();

    HttpResponse<String> tooSoon = attempt(teacher, slug, RIGHT);
    assertThat(tooSoon.statusCode()).as(tooSoon.body()).isEqualTo(409);
    assertThat(json(tooSoon).get("message").asString()).contains("wait");
    JsonNode waiting = quizUnit(teacher, slug);
    assertThat(waiting.get("attempts").asInt()).as("a refused attempt is not counted").isEqualTo(1);
    assertThat(waiting.get("attemptsLeft").asInt()).isEqualTo(1);
    assertThat(OffsetDateTime.parse(waiting.get("nextAttemptAt").asString()))
        .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(58));

    WebClient page = client();
    page.signIn(teacher, PASSWORD);
    String html = page.get("/training/modules/en/" + slug + "?locale=en").body();
    assertThat(html).contains("data-attempts-left=\"1\"").contains("Attempts left: 1 of 2");
    assertThat(html).contains("data-next-attempt=").contains("The next attempt is possible from");
    assertThat(html).as("no button while waiting").doesNotContain("Check my answers");
    HttpResponse<String> posted =
        page.submit(
            "/training/modules/en/" + slug,
            "/training/modules/en/" + slug + "/units/check",
            java.util.Map.of("type", "quiz", "q.q1", "1"));
    assertThat(posted.statusCode()).isEqualTo(302);
    String chinese = page.get("/training/modules/en/" + slug + "?locale=zh-CN").body();
    assertThat(chinese)
        .contains("id=\"attempt-refused\"")
        .contains("还可以作答1次")
        .contains("下一次作答要等到")
        .doesNotContain("id=\"quiz-result\"");
    assertThat(quizUnit(teacher, slug).get("attempts").asInt()).isEqualTo(1);

    db.sql(
            "UPDATE xapi_statements SET occurred_at = occurred_at - INTERVAL '61' MINUTE"
                + " WHERE actor = :t")
        .param("t", teacher)
        .update();
    HttpResponse<String> second = attempt(teacher, slug, RIGHT);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(json(second).get("unit").get("passed").asBoolean()).isTrue();
    assertThat(json(second).get("unit").get("attemptsLeft").asInt()).isZero();

    db.sql(
            "UPDATE xapi_statements SET occurred_at = occurred_at - INTERVAL '61' MINUTE"
                + " WHERE actor = :t")
        .param("t", teacher)
        .update();
    HttpResponse<String> third = attempt(teacher, slug, RIGHT);
    assertThat(third.statusCode()).as(third.body()).isEqualTo(409);
    assertThat(json(third).get("message").asString()).contains("2");
    assertThat(quizUnit(teacher, slug).get("attempts").asInt()).isEqualTo(2);
    assertThat(page.get("/training/modules/en/" + slug + "?locale=en").body())
        .contains("No attempts left");
  }

  @Test
  void aQuizWithoutLimitsTakesAnyNumberOfAttemptsAtOnce() {
    String slug = publishQuiz("");
    String teacher = user(accounts, "Unlimited teacher", "TEACHER", null);
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> response = attempt(teacher, slug, WRONG);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(json(response).get("unit").has("attemptsLeft")).isFalse();
    }
    assertThat(quizUnit(teacher, slug).get("attempts").asInt()).isEqualTo(4);
  }

  @Test
  void limitsOutsideTheirRangeAreRefusedNamingTheField() {
    String body =
        """
        {"slug":"bad-limits-%d","lang":"en","title":"Bad","summary":"Bad.","markdown":"Read.",
         "units":[{"id":"check","type":"quiz","title":"Check","passMark":100,
                   "maxAttempts":0,"attemptWaitMinutes":-5,
                   "questions":[{"id":"q1","text":"Which?","choices":["no","yes"],"correct":[1]}]},
                  {"id":"read","type":"reading","title":"Read","markdown":"Text.","maxAttempts":3}]}
        """
            .formatted(System.nanoTime());
    HttpResponse<String> refused = as("author").postJson("/api/v1/authoring/modules", body);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("units[0].maxAttempts")
        .contains("units[0].attemptWaitMinutes")
        .contains("units[1].maxAttempts");
  }
}
