package org.banyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;

class PagesIntegrationTests extends PostgresTestBase {

  private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/theme/[^\"]+)\"");

  @Test
  void theHomePageWithEverythingItLoadsWeighsAtMost30KbGzipped() throws IOException {
    WebClient browser = client();
    HttpResponse<byte[]> home = browser.getBytes("/");
    assertThat(home.statusCode()).isEqualTo(200);
    List<String> assets = assets(new String(home.body(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(assets).isNotEmpty();
    long total = gzipped(home.body());
    for (String asset : assets) {
      HttpResponse<byte[]> file = browser.getBytes(asset);
      assertThat(file.statusCode()).as(asset).isEqualTo(200);
      total += gzipped(file.body());
    }
    assertThat(total).isLessThanOrEqualTo(30 * 1024);
    assertThat(new String(home.body(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("<script");
  }

  @Test
  void themeFilesHaveAContentHashInTheirUrlAndAreCachedForAYear() {
    String home = client().get("/").body();
    List<String> assets = assets(home);
    assertThat(assets).anyMatch(a -> a.matches("/theme/css/site-[0-9a-f]{32}\\.css"));
    HttpResponse<String> css = client().get(assets.get(0));
    assertThat(css.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
    String etag = css.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).contains(assets.get(0).replaceAll(".*-([0-9a-f]{32})\\..*", "$1"));
    HttpResponse<String> again = client().header("If-None-Match", etag).get(assets.get(0));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void contentSecurityPolicyAllowsNoInlineScript() {
    HttpResponse<String> home = client().get("/");
    String policy = home.headers().firstValue("Content-Security-Policy").orElseThrow();
    String scriptSrc =
        List.of(policy.split(";")).stream()
            .map(String::strip)
            .filter(d -> d.startsWith("script-src"))
            .findFirst()
            .orElseThrow();
    assertThat(scriptSrc).isEqualTo("script-src 'self'");
    assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void aFirstVisitFollowsAcceptLanguageAndFallsBackToChinese() {
    assertThat(client().header("Accept-Language", "en-US,en;q=0.9").get("/").body())
        .contains("<html lang=\"en\"")
        .contains("Sign in");
    assertThat(client().header("Accept-Language", "fr-FR").get("/").body())
        .contains("<html lang=\"zh-CN\"")
        .contains("登录");
    assertThat(client().get("/").body()).contains("<html lang=\"zh-CN\"");
  }

  @Test
  void theLanguageSwitchIsRememberedInACookie() {
    WebClient browser = client().header("Accept-Language", "zh-CN");
    assertThat(browser.get("/?locale=en").body()).contains("<html lang=\"en\"");
    assertThat(browser.cookie("banyan-lang")).isNotNull();
    assertThat(browser.get("/login").body()).contains("<html lang=\"en\"").contains("Password");
    assertThat(browser.get("/?locale=zh-CN").body()).contains("<html lang=\"zh-CN\"");
    assertThat(browser.get("/login").body()).contains("密码");
  }

  @Test
  void theLanguageSwitchLeadsToThisPageAgainKeepingItsQueryButNoToken() {
    String search = client().get("/search?q=swing&page=1&locale=zh-CN").body();
    assertThat(search)
        .contains("href=\"?q=swing&amp;page=1&amp;locale=en\"")
        .contains("href=\"?q=swing&amp;page=1&amp;locale=zh-CN\"");

    // A page answering a form post leads to the page the form was on, without its token; an
    // editor's page, which may answer a post to an address that is only posted to, to itself.
    WebClient admin = browserAs("admin");
    String users = admin.get("/admin/users/new").body();
    String refused =
        admin
            .header("Referer", "http://elsewhere.example/admin/users/new?x=1&locale=zh-CN")
            .postForm(
                "/admin/users",
                java.util.Map.of("_csrf", WebClient.csrfFrom(users), "username", "!"))
            .body();
    assertThat(refused).contains("href=\"/admin/users/new?x=1&amp;locale=en\"");
    // A Referer whose path a browser would read as another site's leads home instead.
    String sideways =
        admin
            .header("Referer", "http://elsewhere.example/\\evil.example/x")
            .postForm(
                "/admin/users",
                java.util.Map.of(
                    "_csrf",
                    WebClient.csrfFrom(admin.get("/admin/users/new").body()),
                    "username",
                    "!"))
            .body();
    assertThat(sideways).contains("href=\"/?locale=en\"").doesNotContain("evil.example");
    WebClient author = browserAs("author");
    String form = author.get("/authoring/modules/new").body();
    String token = WebClient.csrfFrom(form);
    String answered =
        author
            .header("Referer", "http://elsewhere.example/authoring/modules/new?locale=zh-CN&x=1")
            .postForm(
                "/authoring/modules?_csrf=" + token,
                java.util.Map.of("_csrf", token, "title", "", "action", "addUnit"))
            .body();
    assertThat(answered)
        .contains("href=\"/authoring/modules/new?locale=en\"")
        .doesNotContain("_csrf=" + token + "&amp;locale");
    assertThat(author.get("/authoring/modules/new?locale=en").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnsupportedLanguageFallsBackToASupportedOne() {
    assertThat(client().get("/?locale=fr").body()).contains("<html lang=\"zh-CN\"");
  }

  @Test
  void aMissingPageIsAThemedNotFoundWithoutAStackTrace() {
    WebClient teacher = client();
    teacher.signIn("teacher", DEMO_PASSWORD);
    HttpResponse<String> missing = teacher.get("/no/such/page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .contains("class=\"error-page\"")
        .contains("data-nav=\"training\"")
        .doesNotContain("Exception")
        .doesNotContain("at org.");
  }

  @Test
  void aWrongPasswordShowsAnErrorOnTheLoginForm() {
    WebClient browser = client();
    HttpResponse<String> failed = browser.signIn("reviewer", "not-the-password-1");
    String location = failed.headers().firstValue("Location").orElseThrow();
    assertThat(location).endsWith("/login?error");
    assertThat(browser.get("/login?error").body()).contains("id=\"login-error\"");
  }

  @Test
  void theHomePageOffersSearchWithoutJavaScript() {
    String home = client().get("/").body();
    assertThat(home).contains("<form method=\"get\" action=\"/search\"").contains("name=\"q\"");
    assertThat(client().get("/search?q=angry").statusCode()).isEqualTo(200);
  }

  @Test
  void healthIsPublic() {
    HttpResponse<String> health = client().get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  private static List<String> assets(String html) {
    List<String> found = new ArrayList<>();
    Matcher matcher = ASSET.matcher(html);
    while (matcher.find()) {
      if (!found.contains(matcher.group(1))) {
        found.add(matcher.group(1));
      }
    }
    return found;
  }

  private static long gzipped(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.size();
  }
}
