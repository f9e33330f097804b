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
}
