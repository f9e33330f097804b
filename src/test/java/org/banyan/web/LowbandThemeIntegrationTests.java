package org.banyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "banyan.theme=lowband")
class LowbandThemeIntegrationTests extends PostgresTestBase {

  @Test
  void servesTheSamePagesWithItsOwnLayoutAndStyle() {
    String home = client().get("/").body();
    assertThat(home).contains("class=\"lowband").doesNotContain("<img");
    String css = home.replaceAll("(?s).*href=\"(/theme/css/site-[0-9a-f]+\\.css)\".*", "$1");
    assertThat(client().get(css).body()).contains("lowband: text first");
  }

  @Test
  void fallsBackToDefaultForWhatItDoesNotOverride() {
    WebClient browser = client();
    String login = browser.get("/login").body();
    assertThat(login).contains("class=\"lowband login\"").contains("name=\"password\"");
    browser.signIn("admin", ADMIN_PASSWORD);
    assertThat(browser.get("/admin/users").body()).contains("class=\"lowband").contains("teacher2");
  }

  @Test
  void theTrainingPagesUseTheLowbandLayoutWithTheirNavigation() {
    WebClient teacher = browserAs("teacher");
    String training = teacher.get("/training").body();
    assertThat(training).contains("class=\"lowband").contains("data-nav=\"training\"");
    assertThat(training).contains("id=\"others\"");
    assertThat(teacher.get("/modules/en/teacher-wellbeing").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/training/modules/en/teacher-wellbeing"));
    assertThat(teacher.get("/training/modules/en/teacher-wellbeing").body())
        .contains("class=\"lowband module-player")
        .contains("data-type=\"quiz\"");
    String trainer = browserAs("trainer").get("/trainer").body();
    assertThat(trainer)
        .contains("class=\"lowband")
        .contains("data-nav=\"trainer\"")
        .contains("id=\"new-assignment\"")
        .contains("href=\"/classes/report\"");
  }

  @Test
  void authorsPreviewInTheOtherThemeToo() {
    String body =
        """
        {"slug":"lowband-preview-%d","lang":"en","title":"Both themes","summary":"One unit.",
         "markdown":"Read.","units":[{"id":"read","type":"reading","title":"Read","markdown":"Words."}]}
        """
            .formatted(System.nanoTime());
    var created = as("author").postJson("/api/v1/authoring/modules", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
    WebClient author = browserAs("author").header("Accept-Language", "en");
    String preview = "/authoring/modules/" + id + "/preview";

    assertThat(author.get(preview).body())
        .contains("class=\"lowband module-player")
        .contains("data-theme=\"lowband\">Low bandwidth");
    String standard = author.get(preview + "?theme=default").body();
    assertThat(standard)
        .doesNotContain("class=\"lowband")
        .contains("Both themes")
        .contains("href=\"" + preview + "?theme=lowband\"");
    String css =
        standard.replaceAll("(?s).*href=\"(/themes/default/css/site-[0-9a-f]+\\.css)\".*", "$1");
    assertThat(client().get(css).body()).doesNotContain("lowband: text first").contains("--leaf");
  }
}
