package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** With {@code BANYAN_CATALOG_PUBLIC=false}, visitors who are not signed in get nothing of it. */
@TestPropertySource(properties = "banyan.catalog.public=false")
class PrivateCatalogIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A database and data folder of its own: the seed files' bytes live in the data folder of the
   * context that imported them, so this context imports its own.
   */
  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.useFreshDatabase(registry, ADMIN_PASSWORD);
  }

  /** The URL of the seed lesson's worksheet, a file a published lesson uses. */
  private String publishedFile() {
    HttpResponse<String> lesson = as("teacher").get("/api/v1/lessons/en/naming-feelings");
    assertThat(lesson.statusCode()).isEqualTo(200);
    return JSON.readTree(lesson.body()).get("attachments").get(0).get("url").asString();
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
            "/api/v1/lessons/en/naming-feelings/related")) {
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
    assertThat(client().get("/").statusCode()).isEqualTo(200);
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
    HttpResponse<byte[]> file = browser.getBytes(publishedFile());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("private"));
  }
}
