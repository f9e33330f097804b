package org.banyan;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, on this run's own database on the real PostgreSQL server,
 * with the demo accounts and a known admin password. Subclasses share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PostgresTestBase {

  public static final String ADMIN_PASSWORD = "Admin-Pass-For-Tests-42";
  public static final String DEMO_PASSWORD = "Demo-Pass-For-Tests-42";

  @LocalServerPort protected int port;

  @DynamicPropertySource
  public static void database(DynamicPropertyRegistry registry) throws Exception {
    Path dataDir = Files.createTempDirectory("banyan-test-data");
    registry.add("spring.datasource.url", TestDatabase::url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add("banyan.data-dir", dataDir::toString);
    registry.add("banyan.admin-password", () -> ADMIN_PASSWORD);
    registry.add("banyan.demo-password", () -> DEMO_PASSWORD);
    registry.add("banyan.storage.max-file-size", () -> "2MB");
    // Many applications stay open side by side on one server (each test configuration, second
    // nodes): an idle one soon keeps no pooled connection,
    // not ten (only the one its change-journal watch listens on).
    POOL.forEach(registry::add);
  }

  /** Connection-pool settings for every application a test starts on the shared database. */
  public static final java.util.Map<String, java.util.function.Supplier<Object>> POOL =
      java.util.Map.of(
          "spring.datasource.hikari.maximum-pool-size", () -> "6",
          "spring.datasource.hikari.minimum-idle", () -> "0",
          "spring.datasource.hikari.idle-timeout", () -> "10000");

  /** The same settings as command-line arguments, for a node started beside the test's own. */
  static java.util.List<String> poolArguments() {
    return POOL.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue().get()).toList();
  }

  protected WebClient client() {
    return new WebClient("http://localhost:" + port);
  }

  /** An API client signed in as a demo account (or {@code admin}). */
  protected WebClient as(String username) {
    return client().basic(username, username.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD);
  }

  /** A browser-like client signed in through the form as a demo account (or {@code admin}). */
  protected WebClient browserAs(String username) {
    WebClient browser = client();
    browser.signIn(username, username.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD);
    return browser;
  }
}
