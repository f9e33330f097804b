package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** With {@code BANYAN_CATALOG_PUBLIC=false}, visitors who are not signed in get nothing of it. */
@TestPropertySource(properties = "banyan.catalog.public=false")
class PrivateCatalogIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private String publishedFile;

  /**
   * The URL of a file a published lesson uses, uploaded and published by this test: the seed files'
   * bytes live in the data folder of whichever test context imported them first.
   */
  private synchronized String publishedFile() {
    if (publishedFile != null) {
      return publishedFile;
    }
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"private\"></svg>"
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> uploaded = as("author").upload("/api/v1/media", "file", "faces.svg", svg);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String url = JSON.readTree(uploaded.body()).get("url").asString();
    ObjectNode lesson = JSON.createObjectNode();
    lesson.put("slug", "private-media-" + System.nanoTime());
    lesson.put("lang", "en");
    lesson.put("title", "Faces we make");
    lesson.put("summary", "Children look at a sheet of faces and name the feelings.");
    lesson.putArray("competencies").add("self-awareness");
    lesson.putArray("topics").add("friendship");
    lesson.putArray("grades").add(3);
    lesson.put("durationMinutes", 30);
    lesson.put("setting", "whole-class");
    lesson.putArray("materials").add("none");
    lesson.putArray("objectives").add("Children can name three feelings.");
    lesson.put(
        "markdown",
        "## Teacher background\n\nFaces.\n\n![faces](" + url + ")\n\n## Safeguarding\n\nRefer.\n");
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", lesson.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    HttpResponse<String> published =
        as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    publishedFile = url;
    return url;
  }

  @Test
  void anonymousApiCallsToTheCatalogAre401() {
    for (String path :
        List.of(
            "/api/v1/lessons",
            "/api/v1/lessons/en/naming-feelings",
            "/api/v1/courses",
            "/api/v1/search?q=feelings",
            "/api/v1/suggest?q=feel",
            "/api/v1/lessons/en/naming-feelings/related",
            "/api/v1/courses/en/growing-up-together/pack")) {
      HttpResponse<String> refused = client().get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.body()).as(path).doesNotContain("naming-feelings");
    }
  }

  @Test
  void anonymousPagesOfTheCatalogAndItsFilesRedirectToSignIn() {
    for (String path :
        List.of(
            "/lessons",
            "/lessons/en/naming-feelings",
            "/courses",
            "/search",
            "/search?q=feelings",
            "/courses/en/growing-up-together/print",
            "/courses/en/growing-up-together/pack.zip",
            publishedFile())) {
      HttpResponse<String> refused = client().get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(302);
      assertThat(refused.headers().firstValue("Location"))
          .as(path)
          .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }
  }

  @Test
  void theHomeSignInAndCertificateCheckStayOpen() {
    HttpResponse<String> home = client().get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    // The home page lists courses only to those who may read them.
    assertThat(home.body()).doesNotContain("/courses/");
    assertThat(client().get("/login").statusCode()).isEqualTo(200);
    assertThat(client().get("/certificates/NO-SUCH-CODE").statusCode()).isNotIn(302, 401, 403);
    HttpResponse<String> check = client().get("/api/v1/certificates/NO-SUCH-CODE");
    assertThat(check.statusCode()).isNotIn(401, 403);
  }

  @Test
  void signedInTeachersStillSearchAndGetPublishedFilesPrivately() {
    assertThat(as("teacher").get("/api/v1/search?q=feelings").body()).contains("naming-feelings");
    assertThat(as("teacher").get("/api/v1/suggest?q=feel").statusCode()).isEqualTo(200);
    WebClient browser = browserAs("teacher");
    assertThat(browser.get("/search?q=feelings").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> pack = browser.getBytes("/courses/en/growing-up-together/pack.zip");
    assertThat(pack.statusCode()).isEqualTo(200);
    assertThat(pack.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
    HttpResponse<byte[]> file = browser.getBytes(publishedFile());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("private"));
  }
}
