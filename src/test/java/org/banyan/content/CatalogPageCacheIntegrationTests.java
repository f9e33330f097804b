package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.banyan.PostgresTestBase;
import org.banyan.TestNodes;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reader pages for visitors carry a validator and answer 304 to a matching conditional request;
 * they are made again as soon as anything in the catalog changes, and a signed-in user's pages are
 * neither kept nor revalidated.
 */
class CatalogPageCacheIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private long publish(ObjectNode lesson) {
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", lesson.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    republish(id);
    return id;
  }

  private void republish(long id) {
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    assertThat(
            as("reviewer")
                .postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}")
                .statusCode())
        .isEqualTo(200);
  }

  private static String etag(HttpResponse<?> response) {
    return response.headers().firstValue("ETag").orElse(null);
  }

  @Test
  void aVisitorsLessonPageIsRevalidatedAndMadeAgainWhenTheCatalogChanges() {
    String word = "kc" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String slug = "cache-" + word;
    long id = publish(TestNodes.lesson(slug, "Paper boats " + word));
    String path = "/lessons/en/" + slug;

    HttpResponse<String> first = client().get(path);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Paper boats " + word);
    String etag = etag(first);
    assertThat(etag).isNotNull();
    assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
    // Weak, so that the page is still sent gzipped (Tomcat does not compress with a strong one).
    assertThat(etag).startsWith("W/");
    HttpResponse<byte[]> gzipped = client().getBytes(path, "Accept-Encoding", "gzip");
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");

    HttpResponse<String> again = client().get(path);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(etag(again)).isEqualTo(etag);

    HttpResponse<String> unchanged = client().header("If-None-Match", etag).get(path);
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();

    // A new revision: the next visitor sees it at once, and the old validator no longer matches.
    ObjectNode edited = TestNodes.lesson(slug, "Paper kites " + word);
    edited.put("baseRevision", 1);
    HttpResponse<String> saved =
        as("author").putJson("/api/v1/authoring/lessons/" + id, edited.toString());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    republish(id);
    HttpResponse<String> changed = client().header("If-None-Match", etag).get(path);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body())
        .contains("Paper kites " + word)
        .doesNotContain("Paper boats " + word);
    assertThat(etag(changed)).isNotEqualTo(etag);

    // Archived: gone, not served from memory.
    as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/archive", "{}");
    assertThat(client().get(path).statusCode()).isEqualTo(404);
  }

  @Test
  void eachLanguageIsKeptApartAndSignedInPagesStayPrivate() {
    String path = "/lessons/en/worry-box";
    HttpResponse<String> english = client().header("Cookie", "banyan-lang=en").get(path);
    HttpResponse<String> chinese = client().header("Cookie", "banyan-lang=zh-CN").get(path);
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(chinese.statusCode()).isEqualTo(200);
    assertThat(english.body()).isNotEqualTo(chinese.body());
    assertThat(etag(english)).isNotEqualTo(etag(chinese));
    assertThat(english.headers().firstValue("Vary").orElse("")).containsIgnoringCase("cookie");

    WebClient teacher = browserAs("teacher");
    HttpResponse<String> signedIn = teacher.header("If-None-Match", etag(english)).get(path);
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.body()).contains("data-user=\"teacher\"");
    assertThat(etag(signedIn)).isNull();
    assertThat(signedIn.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    // And a visitor never gets the signed-in page.
    assertThat(client().header("Cookie", "banyan-lang=en").get(path).body())
        .doesNotContain("data-user");
  }
}
