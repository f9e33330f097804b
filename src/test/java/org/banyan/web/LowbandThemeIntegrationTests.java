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
}
