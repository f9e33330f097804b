package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.banyan.WebClient;
import org.banyan.account.Accounts;
import org.banyan.account.NewUser;
import org.banyan.content.ModuleContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fresh accounts and the requests the training tests make again and again. */
final class TrainingFixtures {

  static final String PASSWORD = "Hillside-school-road-9";
  static final String MODULE = "working-with-grandparents-and-parents";
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private TrainingFixtures() {}

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** A new user with a unique username; answers the username. */
  static String user(Accounts accounts, String displayName, String role, String school) {
    String username = "t" + (System.nanoTime() % 1_000_000_000L) + "x" + SEQUENCE.incrementAndGet();
    accounts.create("test", new NewUser(username, displayName, PASSWORD, List.of(role), school));
    return username;
  }

  /** A new teacher at the demo trainer's school, so within the demo trainer's reach. */
  static String nearTeacher(Accounts accounts, String displayName) {
    return user(
        accounts, displayName, "TEACHER", String.valueOf(accounts.get("trainer").school().id()));
  }

  static WebClient api(WebClient client, String username) {
    return client.basic(username, PASSWORD);
  }

  static long created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).get("id").asLong();
  }

  static String assignment(String module, String lang, List<String> assignees, Long cohort) {
    return "{\"moduleSlug\":\""
        + module
        + "\",\"lang\":\""
        + lang
        + "\",\"assignees\":["
        + assignees.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(","))
        + "]"
        + (cohort == null ? "" : ",\"cohortId\":" + cohort)
        + ",\"dueOn\":\""
        + LocalDate.now().plusDays(14)
        + "\"}";
  }

  /** The quiz answers that score {@code right} of the questions, in question order. */
  static String answers(ModuleContent.Quiz quiz, int right) {
    List<String> parts = new ArrayList<>();
    int index = 0;
    for (ModuleContent.Question q : quiz.questions()) {
      List<Integer> chosen =
          index++ < right ? q.correct() : List.of(wrongChoice(q.choices().size(), q.correct()));
      parts.add(
          "\""
              + q.id()
              + "\":["
              + chosen.stream().map(String::valueOf).collect(Collectors.joining(","))
              + "]");
    }
    return "{\"answers\":{" + String.join(",", parts) + "}}";
  }

  private static int wrongChoice(int choices, List<Integer> correct) {
    for (int i = 0; i < choices; i++) {
      if (!correct.contains(i)) {
        return i;
      }
    }
    throw new IllegalStateException("every choice is right");
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }
}
