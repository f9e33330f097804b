package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.banyan.TestDatabase;
import org.banyan.WebClient;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.content.ModuleContent;
import org.banyan.course.LessonDelivered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard benchmark (not a test: {@code bash .ci/benchmark
 * -Dit.test=TrainingDashboardBenchmark}, see the README). One assignment to 1,000 teachers with
 * progress made through the real code (a third not started, a third part way with quiz attempts, a
 * third finished with practice in class), then 50 timed requests of the dashboard: the JSON API
 * (HTTP Basic), the page and the CSV (a signed-in session), and the query in-process. Writes {@code
 * target/training-benchmark.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainingDashboardBenchmark {

  static final int TEACHERS = Integer.getInteger("benchmark.teachers", 1_000);
  static final int REQUESTS = 50;
  static final String DEMO_PASSWORD = "Bench-demo-pass-42";

  @LocalServerPort int port;
  @Autowired JdbcClient db;
  @Autowired PasswordEncoder encoder;
  @Autowired Catalog catalog;
  @Autowired Assignments assignments;
  @Autowired Progress progress;

  @DynamicPropertySource
  static void benchmarkDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.useFreshDatabase(registry, "Bench-admin-pass-42");
    registry.add("banyan.demo-password", () -> DEMO_PASSWORD);
  }

  @Test
  void dashboardOfAnAssignmentToAThousandTeachers() throws Exception {
    StringBuilder report = new StringBuilder();
    long started = System.nanoTime();
    List<String> teachers = teachers();
    String lang = "en";
    String slug = TrainingFixtures.MODULE;
    ModuleContent module = (ModuleContent) catalog.get(ContentType.MODULE, lang, slug).content();
    long id =
        assignments.create(
            "trainer",
            false,
            new NewAssignment(slug, lang, teachers, null, LocalDate.now().plusDays(7).toString()));
    Random random = new Random(42);
    int statementsBefore = count("xapi_statements");
    for (int i = 0; i < teachers.size(); i++) {
      String teacher = teachers.get(i);
      int group = i % 3;
      if (group == 0) {
        continue;
      }
      int units =
          group == 1 ? 1 + random.nextInt(module.units().size() - 1) : module.units().size();
      for (ModuleContent.Unit unit : module.units().subList(0, units)) {
        switch (unit.type()) {
          case QUIZ -> {
            if (random.nextBoolean()) {
              progress.complete(
                  teacher,
                  lang,
                  slug,
                  unit.id(),
                  answers(
                      (ModuleContent.Quiz) unit,
                      ((ModuleContent.Quiz) unit).questions().size() - 3));
            }
            // Every answer right: passes whatever the pass mark (the seed quiz asks 80 % of 10).
            progress.complete(
                teacher,
                lang,
                slug,
                unit.id(),
                answers((ModuleContent.Quiz) unit, ((ModuleContent.Quiz) unit).questions().size()));
          }
          case REFLECTION ->
              progress.complete(
                  teacher,
                  lang,
                  slug,
                  unit.id(),
                  new UnitAnswer(null, "We talked with the grandparents at the gate."));
          case PRACTICE ->
              progress.practiceTaught(
                  new LessonDelivered(
                      0,
                      teacher,
                      lang,
                      ((ModuleContent.Practice) unit).lessonSlug(),
                      LocalDate.now().minusDays(2),
                      4));
          default -> progress.complete(teacher, lang, slug, unit.id(), null);
        }
      }
    }
    report.append(
        String.format(
            "Training dashboard benchmark: one assignment to %,d teachers, %,d statements,"
                + " %,d completed units; set up in %.0f s; %d cores%n%n",
            teachers.size(),
            count("xapi_statements") - statementsBefore,
            count("training_completions"),
            (System.nanoTime() - started) / 1e9,
            Runtime.getRuntime().availableProcessors()));

    WebClient api = new WebClient("http://localhost:" + port).basic("trainer", DEMO_PASSWORD);
    WebClient session = new WebClient("http://localhost:" + port);
    session.signIn("trainer", DEMO_PASSWORD);
    List<TeacherProgress> lines = assignments.progress("trainer", false, id, null);
    assertThat(lines).hasSize(teachers.size());
    assertThat(lines.stream().filter(l -> l.status() == TrainingStatus.COMPLETED).count())
        .isEqualTo(teachers.size() / 3);

    report.append(String.format("%-34s %10s %10s %10s%n", "request", "median", "p99", "max"));
    measure(
        report,
        "in-process query + mapping",
        () -> assignments.progress("trainer", false, id, null).size());
    measure(
        report,
        "GET /api/v1/assignments/{id}/progress",
        () -> ok(api.get("/api/v1/assignments/" + id + "/progress")));
    measure(
        report,
        "GET .../progress.csv (API)",
        () -> ok(api.get("/api/v1/assignments/" + id + "/progress.csv")));
    measure(
        report,
        "GET /trainer/assignments/{id} (page)",
        () -> ok(session.get("/trainer/assignments/" + id)));
    measure(report, "GET /api/v1/me (Basic auth alone)", () -> ok(api.get("/api/v1/me")));
    System.out.println("\n" + report);
    Files.writeString(Path.of("target/training-benchmark.txt"), report.toString());
  }

  private List<String> teachers() {
    String hash = encoder.encode(DEMO_PASSWORD);
    List<String> usernames = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (int i = 0; i < TEACHERS; i++) {
      String username = String.format("bench%04d", i);
      db.sql(
              "INSERT INTO users (username, display_name, password_hash, enabled, created_at,"
                  + " school_id) VALUES (:u, :n, :h, TRUE, :now,"
                  + " (SELECT school_id FROM users WHERE username = 'trainer'))")
          .param("u", username)
          .param("n", (i % 2 == 0 ? "张老师" : "Teacher ") + i)
          .param("h", hash)
          .param("now", now)
          .update();
      long userId =
          db.sql("SELECT id FROM users WHERE username = :u")
              .param("u", username)
              .query(Long.class)
              .single();
      db.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, 'TEACHER')")
          .param("id", userId)
          .update();
      usernames.add(username);
    }
    return usernames;
  }

  private static UnitAnswer answers(ModuleContent.Quiz quiz, int right) {
    java.util.Map<String, List<Integer>> answers = new java.util.LinkedHashMap<>();
    int index = 0;
    for (ModuleContent.Question q : quiz.questions()) {
      answers.put(
          q.id(),
          index++ < right
              ? q.correct()
              : List.of(q.correct().contains(0) ? q.choices().size() - 1 : 0));
    }
    return new UnitAnswer(answers, null);
  }

  private int count(String table) {
    return db.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
  }

  private static int ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body().length();
  }

  private static void measure(StringBuilder report, String name, Supplier<Integer> request) {
    for (int i = 0; i < 5; i++) {
      request.get();
    }
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      long t = System.nanoTime();
      request.get();
      times.add(System.nanoTime() - t);
    }
    Collections.sort(times);
    report.append(
        String.format(
            "%-34s %8.1f ms %7.1f ms %7.1f ms%n",
            name,
            times.get(times.size() / 2) / 1e6,
            times.get((int) Math.ceil(0.99 * times.size()) - 1) / 1e6,
            times.get(times.size() - 1) / 1e6));
  }
}
