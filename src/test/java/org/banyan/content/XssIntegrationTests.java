package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever an author types into a lesson, published and shown to readers, no payload of the corpus
 * reaches a page or the API's html as markup.
 */
class XssIntegrationTests extends PostgresTestBase {

  @Test
  void noPayloadReachesAPageOrTheApiAsMarkup() {
    List<String> payloads = XssCorpus.payloads();
    for (int i = 0; i < payloads.size(); i++) {
      String payload = payloads.get(i);
      String slug = Json.uniqueSlug("xss" + i);
      ObjectNode lesson = Json.lesson(slug, "en");
      String title = "Lesson " + payload.substring(0, Math.min(payload.length(), 150));
      lesson.put("title", title);
      lesson.put("summary", payload);
      lesson.putArray("objectives").add(payload).add("Plain objective");
      lesson.putArray("materials").add(payload.substring(0, Math.min(payload.length(), 250)));
      lesson.put(
          "markdown",
          "## Teacher background\n\n" + payload + "\n\n## Safeguarding\n\n" + payload + "\n");
      HttpResponse<String> created =
          as("author").postJson("/api/v1/authoring/lessons", lesson.toString());
      assertThat(created.statusCode()).as(payload + " " + created.body()).isEqualTo(201);
      long id = Json.read(created).get("id").asLong();
      as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
      assertThat(
              as("reviewer")
                  .postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}")
                  .statusCode())
          .isEqualTo(200);

      String page = client().get("/lessons/en/" + slug).body();
      assertThat(region(page, "<title>", "</title>")).doesNotContain("<");
      assertSafe(payload, region(page, "<main", "</main>"));
      assertSafe(
          payload,
          region(client().get("/lessons/en/" + slug + "/print").body(), "<main", "</main>"));
      assertNoActiveMarkup(
          payload, region(browserPage("/authoring/lessons/" + id), "<main", "</main>"));
      assertNoActiveMarkup(
          payload, region(browserPage("/review/lessons/" + id), "<main", "</main>"));

      JsonNode api = Json.read(client().get("/api/v1/lessons/en/" + slug));
      assertSafe(payload, api.get("html").asString());
      assertThat(api.get("title").asString()).isEqualTo(title.strip());
    }
  }

  private String browserPage(String path) {
    return (path.startsWith("/review") ? reviewer() : author()).get(path).body();
  }

  private org.banyan.WebClient authorBrowser;
  private org.banyan.WebClient reviewerBrowser;

  private org.banyan.WebClient author() {
    if (authorBrowser == null) {
      authorBrowser = browserAs("author");
    }
    return authorBrowser;
  }

  private org.banyan.WebClient reviewer() {
    if (reviewerBrowser == null) {
      reviewerBrowser = browserAs("reviewer");
    }
    return reviewerBrowser;
  }

  private static String region(String page, String start, String end) {
    int from = page.indexOf(start);
    int to = page.indexOf(end, from);
    assertThat(from).as("page has " + start).isNotNegative();
    return page.substring(from + start.length(), to);
  }

  private static void assertSafe(String payload, String html) {
    assertThat(XssCorpus.problems(html.replaceFirst("^[^>]*>", ""), false))
        .as("payload %s rendered as %s", payload, html)
        .isEmpty();
  }

  /** The authoring pages have forms of their own; nothing else may be active. */
  private static void assertNoActiveMarkup(String payload, String html) {
    assertThat(XssCorpus.problems(html.replaceFirst("^[^>]*>", ""), true))
        .as("payload %s rendered as %s", payload, html)
        .isEmpty();
  }
}
