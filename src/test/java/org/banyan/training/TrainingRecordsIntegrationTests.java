package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.training.TrainingFixtures.MODULE;
import static org.banyan.training.TrainingFixtures.PASSWORD;
import static org.banyan.training.TrainingFixtures.api;
import static org.banyan.training.TrainingFixtures.assignment;
import static org.banyan.training.TrainingFixtures.created;
import static org.banyan.training.TrainingFixtures.json;
import static org.banyan.training.TrainingFixtures.user;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.banyan.account.Accounts;
import org.banyan.account.School;
import org.banyan.account.Schools;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.content.ModuleContent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Training records belong to the assignment, and a trainer reaches only the teachers near them. */
class TrainingRecordsIntegrationTests extends PostgresTestBase {

  @Autowired Accounts accounts;
  @Autowired Schools schools;
  @Autowired Catalog catalog;

  private School school(String county) {
    return schools.create("test", "记录测试小学" + System.nanoTime(), county, "甘肃省");
  }

  private String in(School school, String name, String role) {
    return user(accounts, name, role, school == null ? null : String.valueOf(school.id()));
  }

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

  private HttpResponse<String> complete(String teacher, String lang, String unit, String body) {
    return api(client(), teacher)
        .postJson(
            "/api/v1/modules/" + lang + "/" + MODULE + "/units/" + unit + "/complete",
            body == null ? "{}" : body);
  }

  private static List<JsonNode> statements(WebClient client) {
    List<JsonNode> all = new ArrayList<>();
    String next = "/api/v1/xapi/statements?limit=500";
    while (next != null) {
      HttpResponse<String> response = client.get(next);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = json(response);
      page.get("statements").values().forEach(all::add);
      next = page.get("more").isNull() ? null : page.get("more").asString();
    }
    return all;
  }

  private static List<JsonNode> of(List<JsonNode> statements, String actor) {
    return statements.stream()
        .filter(s -> s.get("actor").get("account").get("name").asString().equals(actor))
        .toList();
  }

  @Test
  void joiningACohortWidensNothingATrainerSeesOnlyTheirOwnAssignmentsRecords() {
    School school = school("记录县" + System.nanoTime());
    String first = in(school, "First trainer", "TRAINER");
    String second = in(school, "Second trainer", "TRAINER");
    String teacher = in(school, "Reflective teacher", "TEACHER");
    String secret = "My reflection for the first trainer " + System.nanoTime();
    created(
        api(client(), first)
            .postJson("/api/v1/assignments", assignment(MODULE, "en", List.of(teacher), null)));
    complete(teacher, "en", module("en").units().get(0).id(), null);
    complete(
        teacher,
        "en",
        unit("en", ModuleContent.Reflection.class).id(),
        "{\"text\":\"" + secret + "\"}");

    long cohort =
        created(
            api(client(), second)
                .postJson(
                    "/api/v1/cohorts",
                    "{\"name\":\"Nosy "
                        + System.nanoTime()
                        + "\",\"members\":[\""
                        + teacher
                        + "\"]}"));
    assertThat(of(statements(api(client(), second)), teacher))
        .as("a cohort without an assignment shows nothing")
        .isEmpty();

    created(
        api(client(), second)
            .postJson("/api/v1/assignments", assignment(MODULE, "zh-CN", List.of(), cohort)));
    complete(teacher, "zh-CN", module("zh-CN").units().get(0).id(), null);
    List<JsonNode> seen = of(statements(api(client(), second)), teacher);
    assertThat(seen).as("the second trainer's own module").isNotEmpty();
    assertThat(seen)
        .allMatch(s -> s.get("object").get("id").asString().contains("/training/modules/zh-CN/"));
    assertThat(seen.toString()).doesNotContain(secret);

    assertThat(of(statements(api(client(), first)), teacher).toString())
        .contains(secret)
        .doesNotContain("/training/modules/zh-CN/");
    assertThat(of(statements(as("admin")), teacher).toString())
        .contains(secret)
        .contains("/training/modules/zh-CN/");
  }

  @Test
  void aTrainerAddsOnlyTeachersOfTheirSchoolOrCounty() {
    String county = "近县" + System.nanoTime();
    School own = school(county);
    School neighbour = school(county);
    School far = school("远县" + System.nanoTime());
    School namesake = schools.create("test", "同名县小学" + System.nanoTime(), county, "四川省");
    String trainer = in(own, "Near trainer", "TRAINER");
    String colleague = in(own, "Same school", "TEACHER");
    String nearby = in(neighbour, "Same county", "TEACHER");
    String distant = in(far, "Other county", "TEACHER");
    String nowhere = in(null, "No school", "TEACHER");
    String elsewhere = in(namesake, "Same county name, other province", "TEACHER");
    WebClient api = api(client(), trainer);

    List<String> pickable = new ArrayList<>();
    json(api.get("/api/v1/teachers"))
        .values()
        .forEach(t -> pickable.add(t.get("username").asString()));
    assertThat(pickable).contains(colleague, nearby).doesNotContain(distant, nowhere, elsewhere);
    List<String> all = new ArrayList<>();
    json(as("admin").get("/api/v1/teachers"))
        .values()
        .forEach(t -> all.add(t.get("username").asString()));
    assertThat(all).contains(colleague, nearby, distant, nowhere);

    long cohort =
        created(
            api.postJson(
                "/api/v1/cohorts",
                "{\"name\":\"Near "
                    + System.nanoTime()
                    + "\",\"members\":[\""
                    + colleague
                    + "\",\""
                    + nearby
                    + "\"]}"));
    HttpResponse<String> refused =
        api.postJson(
            "/api/v1/cohorts/" + cohort + "/members",
            "{\"members\":[\"" + distant + "\",\"" + nowhere + "\",\"ghost-" + trainer + "\"]}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused).get("fields").get(0).get("field").asString()).isEqualTo("members");
    assertThat(json(refused).get("fields").size())
        .as("out of reach reads exactly like unknown")
        .isEqualTo(1);
    assertThat(refused.body()).contains(distant).contains(nowhere).contains("ghost-" + trainer);
    assertThat(
            api.postJson(
                    "/api/v1/cohorts/" + cohort + "/members", "{\"schools\":[" + far.id() + "]}")
                .body())
        .contains("\"schools\"")
        .contains(String.valueOf(far.id()));
    HttpResponse<String> direct =
        api.postJson("/api/v1/assignments", assignment(MODULE, "en", List.of(distant), null));
    assertThat(direct.statusCode()).isEqualTo(400);
    assertThat(direct.body()).contains("\"assignees\"").contains(distant);
    assertThat(
            api.postJson(
                    "/api/v1/cohorts/" + cohort + "/members",
                    "{\"schools\":[" + neighbour.id() + "]}")
                .statusCode())
        .isEqualTo(200);

    String loner = in(null, "Trainer without a school", "TRAINER");
    assertThat(
            api(client(), loner)
                .postJson("/api/v1/assignments", assignment(MODULE, "en", List.of(colleague), null))
                .statusCode())
        .isEqualTo(400);
    assertThat(json(api(client(), loner).get("/api/v1/teachers")).values()).isEmpty();

    WebClient pages = client();
    pages.signIn(trainer, PASSWORD);
    for (String page : List.of("/trainer", "/trainer/cohorts")) {
      String html = pages.get(page).body();
      assertThat(html).as(page).contains(colleague).contains(nearby).doesNotContain(distant);
      assertThat(html).as(page).doesNotContain(far.name());
    }

    HttpResponse<String> byAdmin =
        as("admin")
            .postJson(
                "/api/v1/cohorts/" + cohort + "/members",
                "{\"members\":[\"" + distant + "\",\"" + nowhere + "\"]}");
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
    assertThat(json(byAdmin).get("members").values())
        .extracting(m -> m.get("username").asString())
        .contains(colleague, nearby, distant, nowhere);
  }
}
