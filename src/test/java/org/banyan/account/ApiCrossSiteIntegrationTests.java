package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;

/**
 * What a browser can send to the API from another site (a form post, text/plain, a request with a
 * foreign Origin) is refused; curl and scripts work as before, and the API never asks a browser for
 * Basic credentials it would then keep sending.
 */
class ApiCrossSiteIntegrationTests extends PostgresTestBase {

  private static final String LESSON =
      """
      {"slug":"%s","lang":"en","title":"Cross-site %s",
       "summary":"Children practise taking turns on the one swing in the school yard.",
       "competencies":["relationship-skills"],"topics":["friendship"],"grades":[1,2],
       "durationMinutes":40,"setting":"outdoors","materials":["chalk"],
       "objectives":["Children can wait for a turn and ask for one."],
       "markdown":"## Teacher background\\n\\nTurns matter.\\n\\n## Warm-up\\n\\n### Count to ten (5 min)\\n\\n## Safeguarding\\n\\nIf a child is often pushed off, follow the referral path.\\n\\n## Take-home note for guardians\\n\\nAsk your child who they played with today.\\n"}
      """;

  private HttpResponse<String> post(String path, String type, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("author:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HttpClient.newBuilder()
          .build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String lesson(String slug) {
    return LESSON.formatted(slug, slug);
  }

  @Test
  void aRequestWithAForeignOriginIsRefused() {
    HttpResponse<String> foreign =
        post(
            "/api/v1/authoring/lessons",
            "application/json",
            lesson("cross-origin-a"),
            "Origin",
            "https://evil.example");
    HttpResponse<String> nullOrigin =
        post(
            "/api/v1/authoring/lessons",
            "application/json",
            lesson("cross-origin-b"),
            "Origin",
            "null");
    HttpResponse<String> crossSite =
        post(
            "/api/v1/authoring/lessons",
            "application/json",
            lesson("cross-origin-c"),
            "Sec-Fetch-Site",
            "cross-site");

    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("\"status\":403");
    assertThat(nullOrigin.statusCode()).isEqualTo(403);
    assertThat(crossSite.statusCode()).isEqualTo(403);
  }

  @Test
  void theSameOriginAndPlainScriptsAreServed() {
    HttpResponse<String> sameOrigin =
        post(
            "/api/v1/authoring/lessons",
            "application/json",
            lesson("same-origin-a"),
            "Origin",
            "http://localhost:" + port,
            "Sec-Fetch-Site",
            "same-origin");
    HttpResponse<String> script =
        post("/api/v1/authoring/lessons", "application/json", lesson("same-origin-b"));

    assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(201);
    assertThat(script.statusCode()).as(script.body()).isEqualTo(201);
  }

  @Test
  void bodiesACrossSiteFormCanSendAreRefused() {
    HttpResponse<String> created =
        post("/api/v1/authoring/lessons", "application/json", lesson("form-like"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");

    HttpResponse<String> plainText =
        post("/api/v1/authoring/lessons/" + id + "/submit", "text/plain", "{}");
    HttpResponse<String> form =
        post(
            "/api/v1/authoring/lessons/" + id + "/submit",
            "application/x-www-form-urlencoded",
            "a=b");

    assertThat(plainText.statusCode()).isEqualTo(415);
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(plainText.body()).contains("JSON");
    HttpResponse<String> draft = as("author").get("/api/v1/authoring/lessons/" + id);
    assertThat(draft.body()).contains("\"DRAFT\"");
  }

  @Test
  void theApiDoesNotAskBrowsersForBasicCredentials() {
    HttpResponse<String> anonymous = client().get("/api/v1/me");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().allValues("WWW-Authenticate"))
        .isNotEmpty()
        .noneSatisfy(challenge -> assertThat(challenge).startsWithIgnoringCase("Basic"));
  }
}
