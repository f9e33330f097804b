package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.training.TrainingFixtures.MODULE;
import static org.banyan.training.TrainingFixtures.answers;
import static org.banyan.training.TrainingFixtures.api;
import static org.banyan.training.TrainingFixtures.assignment;
import static org.banyan.training.TrainingFixtures.created;
import static org.banyan.training.TrainingFixtures.json;
import static org.banyan.training.TrainingFixtures.user;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.banyan.account.Accounts;
import org.banyan.account.Schools;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.content.ModuleContent;
import org.banyan.content.UnitType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class TrainingIntegrationTests extends PostgresTestBase {

  @Autowired Accounts accounts;
  @Autowired Schools schools;
  @Autowired Catalog catalog;
  @Autowired JdbcClient db;

  @Value("${banyan.base-url}")
  String base;

  private ModuleContent module(String lang) {
    return (ModuleContent) catalog.get(ContentType.MODULE, lang, MODULE).content();
  }

  private <T extends ModuleContent.Unit> T unit(String lang, Class<T> type) {
    return module(lang).units().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  private String teacher(String name) {
    return TrainingFixtures.nearTeacher(accounts, name);
  }

  private long assign(String trainer, String lang, String... teachers) {
    WebClient client = trainer.equals("trainer") ? as("trainer") : api(client(), trainer);
    return created(
        client.postJson("/api/v1/assignments", assignment(MODULE, lang, List.of(teachers), null)));
  }

  private HttpResponse<String> complete(String teacher, String lang, String unit, String body) {
    return api(client(), teacher)
        .postJson(
            "/api/v1/modules/" + lang + "/" + MODULE + "/units/" + unit + "/complete",
            body == null ? "{}" : body);
  }

  private JsonNode myAssignment(String teacher, long id) {
    for (JsonNode a : json(api(client(), teacher).get("/api/v1/me/assignments")).values()) {
      if (a.get("id").asLong() == id) {
        return a;
      }
    }
    return null;
  }

  private JsonNode progressOf(String trainer, long assignment, String teacher) {
    WebClient client = trainer.equals("trainer") ? as("trainer") : as(trainer);
    HttpResponse<String> response = client.get("/api/v1/assignments/" + assignment + "/progress");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    for (JsonNode line : json(response).values()) {
      if (line.get("username").asString().equals(teacher)) {
        return line;
      }
    }
    throw new AssertionError("no line for " + teacher);
  }

  private long deliver(String teacher, String lang, String lesson) {
    WebClient client = api(client(), teacher);
    long classId =
        created(
            client.postJson(
                "/api/v1/classes",
                "{\"name\":\"Practice class\",\"grade\":4,\"pupils\":20,"
                    + "\"courseSlug\":\"far-from-home\",\"lang\":\""
                    + lang
                    + "\"}"));
    HttpResponse<String> delivered =
        client.postJson(
            "/api/v1/classes/" + classId + "/deliveries",
            "{\"lessonSlug\":\""
                + lesson
                + "\",\"deliveredOn\":\""
                + LocalDate.now().minusDays(1)
                + "\",\"rating\":4}");
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(201);
    return classId;
  }

  @Test
  void aTeacherWorksThroughAnAssignedModuleToACertificate() {
    String teacher = teacher("王小梅");
    long id = assign("trainer", "en", teacher);
    JsonNode fresh = myAssignment(teacher, id);
    assertThat(fresh.get("status").asString()).isEqualTo("not_started");
    assertThat(fresh.get("percent").asInt()).isZero();
    assertThat(fresh.get("module").get("title").asString()).startsWith("Working with");
    assertThat(fresh.get("dueOn").asString()).isEqualTo(LocalDate.now().plusDays(14).toString());

    ModuleContent content = module("en");
    int total = content.units().size();
    int done = 0;
    for (ModuleContent.Unit unit : content.units()) {
      HttpResponse<String> response;
      switch (unit.type()) {
        case QUIZ ->
            response =
                complete(
                    teacher,
                    "en",
                    unit.id(),
                    answers(
                        (ModuleContent.Quiz) unit, ((ModuleContent.Quiz) unit).questions().size()));
        case REFLECTION ->
            response =
                complete(teacher, "en", unit.id(), "{\"text\":\"I will call the parents.\"}");
        case PRACTICE -> {
          deliver(teacher, "en", ((ModuleContent.Practice) unit).lessonSlug());
          response = complete(teacher, "en", unit.id(), "{}");
        }
        default -> response = complete(teacher, "en", unit.id(), null);
      }
      assertThat(response.statusCode()).as(unit.id() + response.body()).isEqualTo(200);
      done++;
      JsonNode body = json(response);
      assertThat(body.get("unit").get("status").asString()).isEqualTo("completed");
      assertThat(body.get("module").get("percent").asInt()).isEqualTo(100 * done / total);
      if (done < total) {
        assertThat(body.get("module").get("status").asString()).isEqualTo("in_progress");
        assertThat(body.get("module").has("certificate")).isFalse();
      }
    }
    JsonNode finished = myAssignment(teacher, id);
    assertThat(finished.get("status").asString()).isEqualTo("completed");
    assertThat(finished.get("percent").asInt()).isEqualTo(100);

    JsonNode line = progressOf("trainer", id, teacher);
    assertThat(line.get("displayName").asString()).isEqualTo("王小梅");
    assertThat(line.get("status").asString()).isEqualTo("completed");
    assertThat(line.get("percent").asInt()).isEqualTo(100);
    assertThat(line.get("bestQuizScore").asInt()).isEqualTo(100);
    assertThat(line.get("completedAt").isNull()).isFalse();
    assertThat(line.get("lastActivity").isNull()).isFalse();
    assertThat(line.get("practice").get("lessonSlug").asString())
        .isEqualTo("video-call-with-parents");
    assertThat(line.get("practice").get("rating").asInt()).isEqualTo(4);

    String code =
        json(api(client(), teacher).get("/api/v1/me/modules/en/" + MODULE))
            .get("certificate")
            .asString();
    assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
    JsonNode certificate = json(client().get("/api/v1/certificates/" + code));
    assertThat(certificate.get("valid").asBoolean()).isTrue();
    assertThat(certificate.get("name").asString()).isEqualTo("王小梅");
    assertThat(certificate.get("module").get("slug").asString()).isEqualTo(MODULE);
    assertThat(certificate.get("completedAt").isNull()).isFalse();
    HttpResponse<String> page = client().get("/certificates/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("王小梅").contains(code);
    assertThat(json(client().get("/api/v1/certificates/NOPE-NOPE-NOPE")).get("valid").asBoolean())
        .isFalse();
    assertThat(client().get("/certificates/NOPE-NOPE-NOPE").statusCode()).isEqualTo(404);
  }

  @Test
  void quizzesAreScoredOnTheServerWithRetriesAndTheBestScoreKept() {
    String teacher = teacher("Quiz teacher");
    ModuleContent.Quiz quiz = unit("en", ModuleContent.Quiz.class);
    assertThat(quiz.passMark()).isEqualTo(80);
    assertThat(quiz.questions()).hasSize(10);
    assertThat(quiz.questions().get(0).correct()).as("several right answers").hasSize(2);

    // The first question needs both right choices: one of them alone is wrong.
    String half =
        answers(quiz, 10)
            .replaceFirst(
                "\"" + quiz.questions().get(0).id() + "\":\\[[0-9,]+\\]",
                "\""
                    + quiz.questions().get(0).id()
                    + "\":["
                    + quiz.questions().get(0).correct().get(0)
                    + "]");
    JsonNode partly = json(complete(teacher, "en", quiz.id(), half)).get("unit");
    assertThat(partly.get("score").asInt()).isEqualTo(90);
    assertThat(partly.get("passed").asBoolean()).isTrue();

    String other = teacher("Quiz teacher two");
    JsonNode failed = json(complete(other, "en", quiz.id(), answers(quiz, 7))).get("unit");
    assertThat(failed.get("score").asInt()).isEqualTo(70);
    assertThat(failed.get("passed").asBoolean()).isFalse();
    assertThat(failed.get("status").asString()).isEqualTo("in_progress");
    assertThat(failed.get("attempts").asInt()).isEqualTo(1);
    JsonNode hidden = json(api(client(), other).get("/api/v1/me/modules/en/" + MODULE));
    JsonNode hiddenQuiz = unitNode(hidden, quiz.id());
    assertThat(hiddenQuiz.get("completed").asBoolean()).isFalse();
    assertThat(hiddenQuiz.get("questions").get(0).get("correct").isNull()).isTrue();
    assertThat(hiddenQuiz.get("questions").get(0).get("multiple").asBoolean()).isTrue();
    assertThat(api(client(), other).get("/training/modules/en/" + MODULE).body())
        .doesNotContain("right-mark");

    JsonNode passed = json(complete(other, "en", quiz.id(), answers(quiz, 8))).get("unit");
    assertThat(passed.get("score").asInt()).isEqualTo(80);
    assertThat(passed.get("passed").asBoolean()).isTrue();
    assertThat(passed.get("status").asString()).isEqualTo("completed");
    assertThat(passed.get("attempts").asInt()).isEqualTo(2);

    JsonNode worse = json(complete(other, "en", quiz.id(), answers(quiz, 2))).get("unit");
    assertThat(worse.get("passed").asBoolean()).isFalse();
    assertThat(worse.get("status").asString()).as("a pass is never lost").isEqualTo("completed");
    assertThat(worse.get("bestScore").asInt()).isEqualTo(80);
    assertThat(worse.get("attempts").asInt()).isEqualTo(3);

    JsonNode shown =
        unitNode(json(api(client(), other).get("/api/v1/me/modules/en/" + MODULE)), quiz.id());
    assertThat(shown.get("bestScore").asInt()).isEqualTo(80);
    assertThat(shown.get("attempts").asInt()).isEqualTo(3);
    List<Integer> correct = new ArrayList<>();
    shown.get("questions").get(0).get("correct").values().forEach(c -> correct.add(c.asInt()));
    assertThat(correct).isEqualTo(quiz.questions().get(0).correct());
  }

  private static JsonNode unitNode(JsonNode module, String id) {
    for (JsonNode unit : module.get("units").values()) {
      if (unit.get("id").asString().equals(id)) {
        return unit;
      }
    }
    throw new AssertionError("no unit " + id);
  }

  @Test
  void completingAUnitTwiceOrConcurrentlyCountsOnce() throws Exception {
    String teacher = teacher("Concurrent teacher");
    long id = assign("trainer", "en", teacher);
    ModuleContent content = module("en");
    String reading = content.units().get(0).id();
    List<Integer> codes =
        concurrently(5, () -> complete(teacher, "en", reading, null).statusCode());
    assertThat(codes).containsOnly(200);
    assertThat(complete(teacher, "en", reading, null).statusCode()).isEqualTo(200);
    assertThat(completionsOf(teacher, reading)).isEqualTo(1);
    assertThat(statementsOf(teacher, reading)).as("one statement per completion").isEqualTo(1);
    assertThat(myAssignment(teacher, id).get("percent").asInt())
        .isEqualTo(100 / content.units().size());

    // The last two units completed at the same moment: the module completes exactly once.
    ModuleContent.Quiz quiz = unit("en", ModuleContent.Quiz.class);
    ModuleContent.Unit last = content.units().get(content.units().size() - 1);
    assertThat(last.type()).isEqualTo(UnitType.REFLECTION);
    for (ModuleContent.Unit unit : content.units()) {
      if (unit == last) {
        continue;
      }
      switch (unit.type()) {
        case READING -> complete(teacher, "en", unit.id(), null);
        case PRACTICE -> deliver(teacher, "en", ((ModuleContent.Practice) unit).lessonSlug());
        case REFLECTION -> complete(teacher, "en", unit.id(), "{\"text\":\"Plain words.\"}");
        default -> {}
      }
    }
    List<Integer> finals =
        concurrently(
            2,
            List.of(
                () -> complete(teacher, "en", quiz.id(), answers(quiz, 10)).statusCode(),
                () -> complete(teacher, "en", last.id(), "{\"text\":\"Again.\"}").statusCode()));
    assertThat(finals).containsOnly(200);
    assertThat(myAssignment(teacher, id).get("status").asString()).isEqualTo("completed");
    assertThat(
            db.sql(
                    "SELECT count(*) FROM xapi_statements WHERE actor = :t AND unit_id IS NULL"
                        + " AND verb = 'http://adlnet.gov/expapi/verbs/completed'")
                .param("t", teacher)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private int completionsOf(String teacher, String unit) {
    return db.sql("SELECT count(*) FROM training_completions WHERE username = :t AND unit_id = :u")
        .param("t", teacher)
        .param("u", unit)
        .query(Integer.class)
        .single();
  }

  private int statementsOf(String teacher, String unit) {
    return db.sql("SELECT count(*) FROM xapi_statements WHERE actor = :t AND unit_id = :u")
        .param("t", teacher)
        .param("u", unit)
        .query(Integer.class)
        .single();
  }

  private static List<Integer> concurrently(
      int threads, java.util.concurrent.Callable<Integer> task) throws Exception {
    List<java.util.concurrent.Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      tasks.add(task);
    }
    return concurrently(threads, tasks);
  }

  private static List<Integer> concurrently(
      int threads, List<java.util.concurrent.Callable<Integer>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> futures = new ArrayList<>();
    for (java.util.concurrent.Callable<Integer> task : tasks) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    List<Integer> results = new ArrayList<>();
    for (Future<Integer> future : futures) {
      results.add(future.get());
    }
    pool.shutdown();
    return results;
  }

  @Test
  void statusFollowsProgressAndTheDueDate() {
    String idle = teacher("Idle teacher");
    String busy = teacher("Busy teacher");
    long id = assign("trainer", "en", idle, busy);
    complete(busy, "en", module("en").units().get(0).id(), null);
    assertThat(myAssignment(idle, id).get("status").asString()).isEqualTo("not_started");
    assertThat(myAssignment(busy, id).get("status").asString()).isEqualTo("in_progress");
    assertThat(progressOf("trainer", id, busy).get("status").asString()).isEqualTo("in_progress");

    db.sql("UPDATE training_assignments SET due_on = :d WHERE id = :id")
        .param("d", LocalDate.now().minusDays(3))
        .param("id", id)
        .update();
    assertThat(myAssignment(idle, id).get("status").asString()).isEqualTo("overdue");
    assertThat(myAssignment(busy, id).get("status").asString()).isEqualTo("overdue");
    JsonNode overdue =
        json(as("trainer").get("/api/v1/assignments/" + id + "/progress?status=overdue"));
    assertThat(overdue.values())
        .extracting(l -> l.get("username").asString())
        .containsExactlyInAnyOrder(idle, busy);
    assertThat(
            json(as("trainer").get("/api/v1/assignments/" + id + "/progress?status=completed"))
                .values())
        .isEmpty();
    assertThat(
            as("trainer").get("/api/v1/assignments/" + id + "/progress?status=late").statusCode())
        .isEqualTo(400);
    String page = browserAs("trainer").get("/trainer/assignments/" + id).body();
    assertThat(page)
        .contains("data-teacher=\"" + idle + "\" data-percent=\"0\" class=\"training-overdue\"");
  }

  @Test
  void teachersAndOtherTrainersNeverSeeAnAssignmentThatIsNotTheirs() {
    String teacher = teacher("Private teacher");
    String stranger = teacher("Stranger teacher");
    String trainer2 = user(accounts, "Second trainer", "TRAINER", null);
    long id = assign("trainer", "en", teacher);
    complete(teacher, "en", module("en").units().get(0).id(), null);
    for (String path :
        List.of(
            "/api/v1/assignments/" + id,
            "/api/v1/assignments/" + id + "/progress",
            "/api/v1/assignments/" + id + "/progress.csv")) {
      assertThat(api(client(), teacher).get(path).statusCode()).as(path).isEqualTo(404);
      assertThat(api(client(), trainer2).get(path).statusCode()).as(path).isEqualTo(404);
      assertThat(as("trainer").get(path).statusCode()).as(path).isEqualTo(200);
      assertThat(as("admin").get(path).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(api(client(), stranger).get("/api/v1/me/assignments/" + id).statusCode())
        .isEqualTo(404);
    assertThat(api(client(), teacher).get("/api/v1/me/assignments/" + id).statusCode())
        .isEqualTo(200);
    assertThat(api(client(), trainer2).delete("/api/v1/assignments/" + id).statusCode())
        .isEqualTo(404);
    assertThat(browserAs("teacher").get("/trainer/assignments/" + id).statusCode()).isEqualTo(403);
    assertThat(json(api(client(), trainer2).get("/api/v1/assignments")).values())
        .noneMatch(a -> a.get("id").asLong() == id);
    assertThat(json(as("admin").get("/api/v1/assignments")).values())
        .anyMatch(a -> a.get("id").asLong() == id);
    assertThat(
            api(client(), teacher)
                .postJson("/api/v1/assignments", assignment(MODULE, "en", List.of(teacher), null))
                .statusCode())
        .isEqualTo(403);
    assertThat(client().get("/api/v1/me/assignments").statusCode()).isEqualTo(401);

    assertThat(statementActors(api(client(), trainer2), 500)).doesNotContain(teacher);
    assertThat(statementActors(as("trainer"), 500)).contains(teacher);
    assertThat(statementActors(as("admin"), 500)).contains(teacher);
    assertThat(api(client(), teacher).get("/api/v1/xapi/statements").statusCode()).isEqualTo(403);
  }

  private static List<String> statementActors(WebClient client, int limit) {
    List<String> actors = new ArrayList<>();
    String next = "/api/v1/xapi/statements?limit=" + limit;
    while (next != null) {
      JsonNode page = json(client.get(next));
      page.get("statements")
          .values()
          .forEach(s -> actors.add(s.get("actor").get("account").get("name").asString()));
      next = page.get("more").isNull() ? null : page.get("more").asString();
    }
    return actors;
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    String teacher = teacher("Careless teacher");
    HttpResponse<String> refused =
        as("trainer")
            .postJson(
                "/api/v1/assignments",
                "{\"moduleSlug\":\"no-such-module\",\"lang\":\"en\",\"assignees\":[\"nobody-here\",\"author\"],"
                    + "\"cohortId\":999999,\"dueOn\":\""
                    + LocalDate.now().minusDays(1)
                    + "\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("fields").values())
        .extracting(f -> f.get("field").asString())
        .contains("moduleSlug", "assignees", "cohortId", "dueOn");
    assertThat(refused.body())
        .contains("nobody-here")
        .contains("no-such-module")
        .contains("author");
    assertThat(
            as("trainer")
                .postJson(
                    "/api/v1/assignments",
                    "{\"moduleSlug\":\"" + MODULE + "\",\"lang\":\"en\",\"dueOn\":\"soon\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            as("trainer")
                .postJson("/api/v1/cohorts", "{\"name\":\"\",\"members\":[\"ghost\"]}")
                .body())
        .contains("\"name\"")
        .contains("ghost");

    ModuleContent.Quiz quiz = unit("en", ModuleContent.Quiz.class);
    assertThat(complete(teacher, "en", quiz.id(), "{}").statusCode()).isEqualTo(400);
    HttpResponse<String> badChoice =
        complete(
            teacher,
            "en",
            quiz.id(),
            "{\"answers\":{\"" + quiz.questions().get(0).id() + "\":[9]}}");
    assertThat(badChoice.statusCode()).isEqualTo(400);
    assertThat(badChoice.body()).contains("answers." + quiz.questions().get(0).id());
    assertThat(complete(teacher, "en", quiz.id(), "{\"answers\":{\"q99\":[0]}}").statusCode())
        .isEqualTo(400);
    assertThat(complete(teacher, "en", quiz.id(), "{\"answers\":{\"q1\":\"x\"}}").statusCode())
        .isEqualTo(400);
    assertThat(
            complete(
                    teacher,
                    "en",
                    unit("en", ModuleContent.Reflection.class).id(),
                    "{\"text\":\"  \"}")
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> personal =
        complete(
            teacher,
            "en",
            unit("en", ModuleContent.Reflection.class).id(),
            "{\"text\":\"Her grandmother's number is 138 1234 5678.\"}");
    assertThat(personal.statusCode()).isEqualTo(400);
    assertThat(personal.body()).contains("\"text\"");
    assertThat(complete(teacher, "en", "no-such-unit", null).statusCode()).isEqualTo(404);
    assertThat(
            api(client(), teacher)
                .postJson("/api/v1/modules/en/no-such-module/units/x/complete", "{}")
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> notTaught =
        complete(teacher, "en", unit("en", ModuleContent.Practice.class).id(), "{}");
    assertThat(notTaught.statusCode()).isEqualTo(409);
    assertThat(as("trainer").get("/api/v1/xapi/statements?limit=0").statusCode()).isEqualTo(400);
    assertThat(as("trainer").get("/api/v1/xapi/statements?since=yesterday").statusCode())
        .isEqualTo(400);
  }

  @Test
  void practiceCompletesWhenTheLessonIsTaughtEvenBeforeTheModuleWasStarted() {
    String early = teacher("Early teacher");
    ModuleContent.Practice practice = unit("en", ModuleContent.Practice.class);
    deliver(early, "en", practice.lessonSlug());
    long id = assign("trainer", "en", early);
    assertThat(myAssignment(early, id).get("status").asString()).isEqualTo("not_started");
    JsonNode caughtUp = json(complete(early, "en", practice.id(), "{}"));
    assertThat(caughtUp.get("unit").get("status").asString()).isEqualTo("completed");
    JsonNode unit =
        unitNode(json(api(client(), early).get("/api/v1/me/modules/en/" + MODULE)), practice.id());
    assertThat(unit.get("taughtOn").asString()).isEqualTo(LocalDate.now().minusDays(1).toString());

    String later = teacher("Later teacher");
    long other = assign("trainer", "en", later);
    deliver(later, "zh-CN", practice.lessonSlug());
    assertThat(myAssignment(later, other).get("percent").asInt())
        .as("a lesson taught in another language does not count")
        .isZero();
    deliver(later, "en", practice.lessonSlug());
    // Practice follows the delivery on another thread, once the delivery has committed.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(myAssignment(later, other).get("percent").asInt()).isGreaterThan(0));
    assertThat(progressOf("trainer", other, later).get("practice").get("taughtOn").asString())
        .isEqualTo(LocalDate.now().minusDays(1).toString());
  }

  @Test
  void theCsvHoldsTheDashboardsLinesInUtf8WithAByteOrderMark() {
    String chinese = teacher("李, \"老师\"");
    String plain = teacher("=Plain teacher");
    long id = assign("trainer", "en", chinese, plain);
    complete(chinese, "en", module("en").units().get(0).id(), null);
    complete(
        chinese,
        "en",
        unit("en", ModuleContent.Quiz.class).id(),
        answers(unit("en", ModuleContent.Quiz.class), 6));

    HttpResponse<byte[]> csv =
        as("trainer").getBytes("/api/v1/assignments/" + id + "/progress.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    byte[] bytes = csv.body();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertThat(lines[0])
        .isEqualTo("username,name,status,percent,last activity,best quiz score,completed at");
    JsonNode json = json(as("trainer").get("/api/v1/assignments/" + id + "/progress"));
    assertThat(lines).hasSize(json.size() + 1);
    for (int i = 0; i < json.size(); i++) {
      JsonNode line = json.get(i);
      String expected =
          line.get("username").asString()
              + ","
              + ProgressCsv.cell(line.get("displayName").asString())
              + ","
              + line.get("status").asString()
              + ","
              + line.get("percent").asInt()
              + ",";
      assertThat(lines[i + 1]).startsWith(expected);
    }
    assertThat(text).contains(chinese + ",\"李, \"\"老师\"\"\",in_progress,12,").contains(",60,");
    assertThat(text).contains(plain + ",'=Plain teacher,not_started,0,,,");
    assertThat(browserAs("trainer").getBytes("/trainer/assignments/" + id + "/progress.csv").body())
        .isEqualTo(bytes);
  }

  @Test
  void statementsAreValidXapiInStoredOrderAndPaged() {
    String teacher = teacher("Statement teacher");
    assign("trainer", "en", teacher);
    ModuleContent content = module("en");
    complete(teacher, "en", content.units().get(0).id(), null);
    complete(
        teacher,
        "en",
        unit("en", ModuleContent.Reflection.class).id(),
        "{\"text\":\"A reflection.\"}");
    complete(
        teacher,
        "en",
        unit("en", ModuleContent.Quiz.class).id(),
        answers(unit("en", ModuleContent.Quiz.class), 10));

    List<JsonNode> all = new ArrayList<>();
    String next = "/api/v1/xapi/statements?limit=2";
    int pages = 0;
    while (next != null) {
      HttpResponse<String> response = as("admin").get(next);
      assertThat(response.statusCode()).as(next).isEqualTo(200);
      JsonNode page = json(response);
      assertThat(page.get("statements").size()).isLessThanOrEqualTo(2);
      page.get("statements").values().forEach(all::add);
      next = page.get("more").isNull() ? null : page.get("more").asString();
      pages++;
    }
    assertThat(pages).isGreaterThan(1);
    JsonNode single = json(as("admin").get("/api/v1/xapi/statements?limit=500"));
    List<String> ids = all.stream().map(s -> s.get("id").asString()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    List<String> singleIds = new ArrayList<>();
    single.get("statements").values().forEach(s -> singleIds.add(s.get("id").asString()));
    assertThat(ids.subList(0, Math.min(ids.size(), singleIds.size())))
        .isEqualTo(singleIds.subList(0, Math.min(ids.size(), singleIds.size())));

    List<JsonNode> mine =
        all.stream()
            .filter(s -> s.get("actor").get("account").get("name").asString().equals(teacher))
            .toList();
    assertThat(mine)
        .extracting(s -> s.get("verb").get("id").asString())
        .containsExactly(
            "http://adlnet.gov/expapi/verbs/attempted",
            "http://adlnet.gov/expapi/verbs/experienced",
            "http://adlnet.gov/expapi/verbs/answered",
            "http://adlnet.gov/expapi/verbs/passed");
    String previous = "";
    for (JsonNode s : all) {
      assertThat(s.get("id").asString())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(s.get("version").asString()).isEqualTo("1.0.3");
      assertThat(s.get("actor").get("objectType").asString()).isEqualTo("Agent");
      assertThat(s.get("actor").get("account").get("homePage").asString()).isEqualTo(base);
      assertThat(s.get("verb").get("id").asString()).startsWith("http://adlnet.gov/expapi/verbs/");
      assertThat(s.get("verb").get("display").get("en-US").isString()).isTrue();
      assertThat(s.get("object").get("objectType").asString()).isEqualTo("Activity");
      assertThat(s.get("object").get("id").asString()).startsWith(base + "/training/modules/");
      assertThat(s.get("object").get("definition").get("type").asString())
          .startsWith("http://adlnet.gov/expapi/activities/");
      assertThat(java.time.Instant.parse(s.get("timestamp").asString())).isNotNull();
      String stored = s.get("stored").asString();
      assertThat(java.time.Instant.parse(stored))
          .isAfterOrEqualTo(
              previous.isEmpty() ? java.time.Instant.EPOCH : java.time.Instant.parse(previous));
      previous = stored;
    }
    JsonNode quiz = mine.get(3);
    assertThat(quiz.get("object").get("id").asString())
        .isEqualTo(
            base
                + "/training/modules/en/"
                + MODULE
                + "/units/"
                + unit("en", ModuleContent.Quiz.class).id());
    JsonNode score = quiz.get("result").get("score");
    assertThat(score.get("scaled").asDouble()).isEqualTo(1.0);
    assertThat(score.get("raw").asInt()).isEqualTo(10);
    assertThat(score.get("min").asInt()).isZero();
    assertThat(score.get("max").asInt()).isEqualTo(10);
    assertThat(quiz.get("result").get("success").asBoolean()).isTrue();
    assertThat(quiz.get("result").get("completion").asBoolean()).isTrue();
    assertThat(mine.get(2).get("result").get("response").asString()).isEqualTo("A reflection.");
    assertThat(
            quiz.get("context").get("contextActivities").get("parent").get(0).get("id").asString())
        .isEqualTo(base + "/training/modules/en/" + MODULE);

    String since = mine.get(1).get("stored").asString();
    JsonNode after = json(as("admin").get("/api/v1/xapi/statements?limit=500&since=" + since));
    after
        .get("statements")
        .values()
        .forEach(
            s ->
                assertThat(java.time.Instant.parse(s.get("stored").asString()))
                    .isAfter(java.time.Instant.parse(since)));
  }

  @Test
  void cohortsGiveTheirAssignmentsToMembersAddedLaterAndWithdrawingKeepsProgress() {
    var school =
        schools.create(
            "test",
            "培训测试小学" + System.nanoTime(),
            accounts.get("trainer").school().county(),
            accounts.get("trainer").school().province());
    String first = user(accounts, "First member", "TEACHER", String.valueOf(school.id()));
    String second = user(accounts, "Second member", "TEACHER", String.valueOf(school.id()));
    long cohort =
        created(
            as("trainer")
                .postJson(
                    "/api/v1/cohorts",
                    "{\"name\":\"Cohort "
                        + System.nanoTime()
                        + "\",\"schools\":["
                        + school.id()
                        + "]}"));
    JsonNode members = json(as("trainer").get("/api/v1/cohorts/" + cohort)).get("members");
    assertThat(members.values())
        .extracting(m -> m.get("username").asString())
        .containsExactlyInAnyOrder(first, second);
    long id =
        created(
            as("trainer")
                .postJson("/api/v1/assignments", assignment(MODULE, "zh-CN", List.of(), cohort)));
    assertThat(myAssignment(first, id)).isNotNull();

    String late = teacher("Late member");
    assertThat(myAssignment(late, id)).isNull();
    as("trainer")
        .postJson("/api/v1/cohorts/" + cohort + "/members", "{\"members\":[\"" + late + "\"]}");
    assertThat(myAssignment(late, id))
        .as("members added later get standing assignments")
        .isNotNull();
    assertThat(json(as("trainer").get("/api/v1/assignments/" + id)).get("assignees").asInt())
        .isEqualTo(3);

    HttpResponse<String> moved =
        as("trainer")
            .send(
                "PATCH",
                "/api/v1/assignments/" + id,
                "{\"dueOn\":\"" + LocalDate.now().plusDays(30) + "\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(myAssignment(first, id).get("dueOn").asString())
        .isEqualTo(LocalDate.now().plusDays(30).toString());
    assertThat(
            as("trainer")
                .send("PATCH", "/api/v1/assignments/" + id, "{\"dueOn\":\"2001-01-01\"}")
                .statusCode())
        .isEqualTo(400);

    String firstUnit = module("zh-CN").units().get(0).id();
    complete(first, "zh-CN", firstUnit, null);
    assertThat(as("trainer").delete("/api/v1/assignments/" + id).statusCode()).isEqualTo(204);
    assertThat(myAssignment(first, id)).as("a withdrawn assignment leaves the list").isNull();
    assertThat(json(as("trainer").get("/api/v1/assignments/" + id)).get("withdrawnAt").isNull())
        .isFalse();
    assertThat(progressOf("trainer", id, first).get("percent").asInt()).isGreaterThan(0);
    assertThat(json(api(client(), first).get("/api/v1/me/modules")).values())
        .anyMatch(
            m ->
                m.get("module").get("slug").asString().equals(MODULE)
                    && m.get("percent").asInt() > 0);
    String late2 = teacher("After withdrawal");
    as("trainer")
        .postJson("/api/v1/cohorts/" + cohort + "/members", "{\"members\":[\"" + late2 + "\"]}");
    assertThat(myAssignment(late2, id)).isNull();
  }

  @Test
  void aCohortIsRenamedAndATeacherTakenOutLosesOnlyWhatCameThroughIt() {
    String stays = teacher("Stays in");
    String leaves = teacher("Leaves");
    String other = user(accounts, "Other trainer", "TRAINER", null);
    long cohort =
        created(
            as("trainer")
                .postJson(
                    "/api/v1/cohorts",
                    "{\"name\":\"Before\",\"members\":[\"" + stays + "\",\"" + leaves + "\"]}"));
    long viaCohort =
        created(
            as("trainer")
                .postJson("/api/v1/assignments", assignment(MODULE, "en", List.of(), cohort)));
    long direct =
        created(
            as("trainer")
                .postJson(
                    "/api/v1/assignments", assignment(MODULE, "zh-CN", List.of(leaves), null)));
    complete(leaves, "en", module("en").units().get(0).id(), null);

    assertThat(
            api(client(), other)
                .send("PATCH", "/api/v1/cohorts/" + cohort, "{\"name\":\"Mine now\"}")
                .statusCode())
        .as("another trainer's cohort")
        .isEqualTo(404);
    assertThat(as("trainer").send("PATCH", "/api/v1/cohorts/" + cohort, "{\"name\":\" \"}").body())
        .contains("\"name\"");
    HttpResponse<String> renamed =
        as("trainer").send("PATCH", "/api/v1/cohorts/" + cohort, "{\"name\":\"After\"}");
    assertThat(json(renamed).get("name").asString()).isEqualTo("After");

    assertThat(
            api(client(), other)
                .delete("/api/v1/cohorts/" + cohort + "/members/" + leaves)
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> taken =
        as("trainer").delete("/api/v1/cohorts/" + cohort + "/members/" + leaves);
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    assertThat(json(taken).get("members").values())
        .extracting(m -> m.get("username").asString())
        .containsExactly(stays);
    assertThat(myAssignment(leaves, viaCohort)).as("came through the cohort").isNull();
    assertThat(myAssignment(leaves, direct)).as("assigned by name").isNotNull();
    assertThat(myAssignment(stays, viaCohort)).isNotNull();
    assertThat(json(api(client(), leaves).get("/api/v1/me/modules")).values())
        .as("what they did is kept")
        .anyMatch(
            m ->
                m.get("module").get("slug").asString().equals(MODULE)
                    && m.get("module").get("lang").asString().equals("en")
                    && m.get("percent").asInt() > 0);
    as("trainer")
        .postJson("/api/v1/cohorts/" + cohort + "/members", "{\"members\":[\"" + leaves + "\"]}");
    assertThat(progressOf("trainer", viaCohort, leaves).get("percent").asInt())
        .as("back in the cohort, back on the dashboard with their progress")
        .isGreaterThan(0);
  }
}
