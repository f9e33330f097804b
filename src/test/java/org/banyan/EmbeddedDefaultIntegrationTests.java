package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.banyan.account.Accounts;
import org.banyan.account.NewUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Banyan as {@code mvn spring-boot:run} starts it: H2 in a data folder, nothing to install. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultIntegrationTests {

  static Path dataDir;

  @LocalServerPort int port;
  @Autowired Environment environment;
  @Autowired JdbcClient db;
  @Autowired Accounts accounts;

  @DynamicPropertySource
  static void dataFolder(DynamicPropertyRegistry registry) throws Exception {
    dataDir = Files.createTempDirectory("banyan-embedded");
    registry.add("banyan.data-dir", dataDir::toString);
    registry.add("banyan.admin-password", () -> "Embedded-admin-pass-1");
  }

  @Test
  void runsOnH2InTheDataFolderAndSignsIn() {
    assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
    assertThat(dataDir.resolve("db/banyan.mv.db")).exists();

    WebClient browser = new WebClient("http://localhost:" + port);
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
    assertThat(browser.get("/lessons?lang=en").body()).contains("/lessons/en/naming-feelings");
    assertThat(browser.get("/courses").body()).contains("/courses/zh-CN/feelings-first");
    browser.signIn("admin", "Embedded-admin-pass-1");
    assertThat(browser.get("/admin/users").body()).contains("teacher2");
    assertThat(
            new WebClient("http://localhost:" + port)
                .basic("admin", "Embedded-admin-pass-1")
                .get("/api/v1/me")
                .body())
        .contains("\"ADMIN\"");
  }

  @Test
  void hasTheDemoAccountsWithARandomPassword() {
    assertThat(db.sql("SELECT username FROM users ORDER BY username").query(String.class).list())
        .contains("author", "reviewer", "trainer", "teacher", "teacher2");
    assertThat(
            new WebClient("http://localhost:" + port)
                .basic("teacher", "Demo-Pass-For-Tests-42")
                .get("/api/v1/me")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void trainingProgressIsRecordedOnH2() {
    accounts.create(
        "test",
        new NewUser(
            "h2teacher", "H2 teacher", "Embedded-teacher-pass-1", List.of("TEACHER"), null));
    WebClient teacher =
        new WebClient("http://localhost:" + port).basic("h2teacher", "Embedded-teacher-pass-1");
    String unit =
        "/api/v1/modules/en/understanding-left-behind-children/units/what-separation-means/complete";
    assertThat(teacher.postJson(unit, "{}").body()).contains("\"status\":\"completed\"");
    assertThat(teacher.postJson(unit, "{}").statusCode()).isEqualTo(200);
    assertThat(
            db.sql("SELECT count(*) FROM training_completions WHERE username = 'h2teacher'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
