package org.banyan.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.banyan.account.Accounts;
import org.banyan.account.NewUser;
import org.banyan.account.Schools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClassesIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired Accounts accounts;
  @Autowired Schools schools;
  @Autowired Classes classes;

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private long createClass(WebClient teacher, String name) {
    HttpResponse<String> created =
        teacher.postJson(
            "/api/v1/classes",
            "{\"name\":\""
                + name
                + "\",\"grade\":2,\"pupils\":23,\"courseSlug\":\"feelings-first\",\"lang\":\"en\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asLong();
  }

  private HttpResponse<String> deliver(WebClient teacher, long id, String body) {
    return teacher.postJson("/api/v1/classes/" + id + "/deliveries", body);
  }

  @Test
  void aClassFollowsItsCourseLessonByLesson() {
    WebClient teacher = as("teacher");
    long id = createClass(teacher, "Grade 2, lifecycle");
    JsonNode fresh = json(teacher.get("/api/v1/classes/" + id));
    assertThat(fresh.get("name").asString()).isEqualTo("Grade 2, lifecycle");
    assertThat(fresh.get("course").get("slug").asString()).isEqualTo("feelings-first");
    assertThat(fresh.get("course").get("revision").asInt()).isEqualTo(1);
    assertThat(fresh.get("total").asInt()).isEqualTo(10);
    assertThat(fresh.get("delivered").asInt()).isZero();
    assertThat(fresh.get("next").get("slug").asString()).isEqualTo("naming-feelings");
    assertThat(fresh.get("lessons").get(0).get("position").asInt()).isEqualTo(1);

    String today = LocalDate.now().minusDays(1).toString();
    HttpResponse<String> marked =
        deliver(
            teacher,
            id,
            "{\"lessonSlug\":\"naming-feelings\",\"deliveredOn\":\""
                + today
                + "\",\"minutes\":38,\"rating\":4,\"notes\":\"Children loved the faces.\"}");
    assertThat(marked.statusCode()).isEqualTo(201);
    JsonNode after = json(teacher.get("/api/v1/classes/" + id));
    assertThat(after.get("delivered").asInt()).isEqualTo(1);
    assertThat(after.get("percent").asInt()).isEqualTo(10);
    assertThat(after.get("next").get("slug").asString()).isEqualTo("emotion-thermometer");
    assertThat(after.get("lessons").get(0).get("delivered").asBoolean()).isTrue();
    assertThat(after.get("lessons").get(0).get("deliveredOn").asString()).isEqualTo(today);

    assertThat(
            deliver(
                    teacher,
                    id,
                    "{\"lessonSlug\":\"naming-feelings\",\"deliveredOn\":\"" + today + "\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(teacher.delete("/api/v1/classes/" + id + "/deliveries/naming-feelings").statusCode())
        .isEqualTo(204);
    assertThat(json(teacher.get("/api/v1/classes/" + id)).get("delivered").asInt()).isZero();
    assertThat(json(teacher.get("/api/v1/classes")).values())
        .anyMatch(c -> c.get("id").asLong() == id);
  }

  @Test
  void badInputIsRefusedNamingEachField() {
    WebClient teacher = as("teacher");
    HttpResponse<String> refused =
        teacher.postJson(
            "/api/v1/classes",
            "{\"name\":\"\",\"grade\":12,\"pupils\":0,\"courseSlug\":\"no-such\",\"lang\":\"en\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("fields").values())
        .extracting(f -> f.get("field").asString())
        .containsExactlyInAnyOrder("name", "grade", "pupils", "courseSlug");

    long id = createClass(teacher, "Grade 2, refusals");
    assertThat(
            deliver(teacher, id, "{\"lessonSlug\":\"upstander\",\"deliveredOn\":\"2026-01-05\"}")
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> future =
        deliver(
            teacher,
            id,
            "{\"lessonSlug\":\"naming-feelings\",\"deliveredOn\":\""
                + LocalDate.now().plusDays(3)
                + "\"}");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(json(future).get("fields").get(0).get("field").asString()).isEqualTo("deliveredOn");
    assertThat(
            deliver(
                    teacher,
                    id,
                    "{\"lessonSlug\":\"naming-feelings\",\"deliveredOn\":\"2026-01-05\",\"rating\":9}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void notesThatLookLikePersonalDataNeedAConfirmation() {
    WebClient teacher = as("teacher");
    long id = createClass(teacher, "Grade 2, privacy");
    HttpResponse<String> warned =
        deliver(
            teacher,
            id,
            "{\"lessonSlug\":\"naming-feelings\",\"deliveredOn\":\"2026-01-05\",\"notes\":\"call 13812345678\"}");
    assertThat(warned.statusCode()).isEqualTo(422);
    assertThat(json(warned).get("message").asString()).contains("personal data");
    assertThat(json(teacher.get("/api/v1/classes/" + id)).get("delivered").asInt()).isZero();

    HttpResponse<String> confirmed =
        deliver(
            teacher,
            id,
            "{\"lessonSlug\":\"naming-feelings\",\"deliveredOn\":\"2026-01-05\",\"notes\":\"room 13812345678\",\"confirmPersonalData\":true}");
    assertThat(confirmed.statusCode()).isEqualTo(201);
  }

  @Test
  void anotherTeachersClassIsNotFoundAndOtherRolesAreRefused() {
    long id = createClass(as("teacher"), "Grade 2, private");
    WebClient other = as("teacher2");
    assertThat(other.get("/api/v1/classes/" + id).statusCode()).isEqualTo(404);
    assertThat(
            deliver(
                    other,
                    id,
                    "{\"lessonSlug\":\"naming-feelings\",\"deliveredOn\":\"2026-01-05\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(other.delete("/api/v1/classes/" + id + "/deliveries/naming-feelings").statusCode())
        .isEqualTo(404);
    assertThat(json(other.get("/api/v1/classes")).values())
        .noneMatch(c -> c.get("id").asLong() == id);
    assertThat(as("author").get("/api/v1/classes").statusCode()).isEqualTo(403);
    assertThat(client().get("/api/v1/classes").statusCode()).isEqualTo(401);
    assertThat(as("teacher").get("/api/v1/classes/report").statusCode()).isEqualTo(403);
    assertThat(browserAs("teacher2").get("/classes/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aDoubleSubmitNeverMakesTwoMarks() throws Exception {
    // A token, as a program sends requests at once: parallel Basic sign-ins meet the throttle.
    String token =
        json(as("teacher").postJson("/api/v1/me/tokens", "{\"name\":\"double submit\"}"))
            .get("token")
            .asString();
    WebClient teacher = client().header("Authorization", "Bearer " + token);
    long id = createClass(teacher, "Grade 2, double");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return deliver(
                        teacher,
                        id,
                        "{\"lessonSlug\":\"calm-body-breathing\",\"deliveredOn\":\"2026-01-05\"}")
                    .statusCode();
              }));
    }
    start.countDown();
    List<Integer> codes = new ArrayList<>();
    for (Future<Integer> result : results) {
      codes.add(result.get());
    }
    pool.shutdown();
    assertThat(codes).containsOnlyOnce(201);
    assertThat(codes.stream().filter(c -> c == 409)).hasSize(2);
    assertThat(json(teacher.get("/api/v1/classes/" + id)).get("delivered").asInt()).isEqualTo(1);
  }

  @Test
  void aClassKeepsItsCourseRevisionUntilTheTeacherSwitches() {
    WebClient teacher = as("teacher");
    String body =
        """
        {"lang":"en","slug":"pin-%d","title":"Pinned course","summary":"Two lessons.","markdown":"Weekly.",
         "grades":[2],"units":[{"title":"One","week":1,"lessons":["naming-feelings","proud-of-me"]}]}
        """
            .formatted(System.nanoTime());
    JsonNode course = json(as("author").postJson("/api/v1/authoring/courses", body));
    long courseId = course.get("id").asLong();
    String slug = course.get("slug").asString();
    as("author").postJson("/api/v1/authoring/courses/" + courseId + "/submit", "{}");
    as("reviewer").postJson("/api/v1/authoring/courses/" + courseId + "/publish", "{}");
    long id =
        json(teacher.postJson(
                "/api/v1/classes",
                "{\"name\":\"Pinned\",\"grade\":2,\"pupils\":10,\"courseSlug\":\""
                    + slug
                    + "\",\"lang\":\"en\"}"))
            .get("id")
            .asLong();
    deliver(teacher, id, "{\"lessonSlug\":\"proud-of-me\",\"deliveredOn\":\"2026-01-05\"}");

    String changed =
        body.replace(
                "\"naming-feelings\",\"proud-of-me\"",
                "\"proud-of-me\",\"making-a-friend\",\"little-volcano\"")
            .replace("{\"lang\"", "{\"baseRevision\":1,\"lang\"");
    assertThat(as("author").putJson("/api/v1/authoring/courses/" + courseId, changed).statusCode())
        .isEqualTo(200);
    as("author").postJson("/api/v1/authoring/courses/" + courseId + "/submit", "{}");
    as("reviewer").postJson("/api/v1/authoring/courses/" + courseId + "/publish", "{}");

    JsonNode pinned = json(teacher.get("/api/v1/classes/" + id));
    assertThat(pinned.get("course").get("revision").asInt()).isEqualTo(1);
    assertThat(pinned.get("total").asInt()).isEqualTo(2);
    assertThat(pinned.get("newerRevision").asInt()).isEqualTo(2);
    assertThat(browserAs("teacher").get("/classes/" + id).body()).contains("id=\"newer-revision\"");

    JsonNode switched = json(teacher.postJson("/api/v1/classes/" + id + "/switch-revision", "{}"));
    assertThat(switched.get("course").get("revision").asInt()).isEqualTo(2);
    assertThat(switched.get("total").asInt()).isEqualTo(3);
    assertThat(switched.get("delivered").asInt()).isEqualTo(1);
    assertThat(switched.get("lessons").get(0).get("delivered").asBoolean()).isTrue();
    assertThat(switched.has("newerRevision") && !switched.get("newerRevision").isNull()).isFalse();
  }

  @Test
  void theReportCountsClassesAndLessonsPerSchoolAndCourse() {
    var school = schools.create("test", "报告测试小学" + System.nanoTime(), "测试县", "福建省");
    for (String name : List.of("rep.one", "rep.two")) {
      accounts.create(
          "test",
          new NewUser(
              name + System.nanoTime() % 100000,
              "Report teacher",
              "Hillside-school-road-9",
              List.of("TEACHER"),
              String.valueOf(school.id())));
    }
    List<String> teachers =
        accounts.all().stream()
            .filter(u -> u.school() != null && u.school().id() == school.id())
            .map(u -> u.username())
            .toList();
    long a = classes.create(teachers.get(0), new NewClass("A", 2, 20, "feelings-first", "en"));
    long b = classes.create(teachers.get(1), new NewClass("B", 2, 18, "feelings-first", "en"));
    classes.create(teachers.get(1), new NewClass("C", 4, 30, "getting-along", "en"));
    LocalDate today = classes.today();
    classes.deliver(
        teachers.get(0),
        a,
        new Delivery("naming-feelings", today.minusDays(2).toString(), null, null, null, null));
    classes.deliver(
        teachers.get(0),
        a,
        new Delivery(
            "emotion-thermometer", today.minusDays(40).toString(), null, null, null, null));
    classes.deliver(
        teachers.get(1),
        b,
        new Delivery("naming-feelings", today.toString(), null, null, null, null));

    List<Classes.ReportLine> lines =
        classes.report().stream().filter(l -> school.name().equals(l.school())).toList();
    assertThat(lines).hasSize(2);
    Classes.ReportLine feelings =
        lines.stream()
            .filter(l -> l.courseSlug().equals("feelings-first"))
            .findFirst()
            .orElseThrow();
    assertThat(feelings.county()).isEqualTo("测试县");
    assertThat(feelings.classes()).isEqualTo(2);
    assertThat(feelings.delivered()).isEqualTo(3);
    assertThat(feelings.deliveredLast30Days()).isEqualTo(2);
    Classes.ReportLine along =
        lines.stream()
            .filter(l -> l.courseSlug().equals("getting-along"))
            .findFirst()
            .orElseThrow();
    assertThat(along.classes()).isEqualTo(1);
    assertThat(along.delivered()).isZero();
    assertThat(browserAs("trainer").get("/classes/report").body()).contains(school.name());
  }
}
