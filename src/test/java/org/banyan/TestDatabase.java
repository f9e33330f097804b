package org.banyan;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for this test run, created on first use on a real server, and dropped
 * when the JVM ends. The server is the one {@code BANYAN_TEST_PG_URL} names (with {@code _USER} and
 * {@code _PASSWORD}; {@code .ci/run} starts Debian's), else the one on 127.0.0.1:5432, else an
 * embedded one this JVM starts ({@link PostgresTestServer}).
 */
public final class TestDatabase {

  private static final String USER = env("BANYAN_TEST_PG_USER", "banyan_test");
  private static final String PASSWORD = env("BANYAN_TEST_PG_PASSWORD", "banyan_test");
  private static String server;
  private static String url;

  private TestDatabase() {}

  /** The database most tests share. */
  public static synchronized String url() {
    if (url == null) {
      url = fresh();
    }
    return url;
  }

  /** The {@code postgres} database of the server, chosen (and started) on first use. */
  private static synchronized String server() {
    if (server == null) {
      server = PostgresTestServer.url(env("BANYAN_TEST_PG_URL", null), USER, PASSWORD);
    }
    return server;
  }

  /** Another empty database, for a test that needs to start from nothing. */
  public static String fresh() {
    dropLeftovers();
    for (int attempt = 1; ; attempt++) {
      String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
      String url = server().substring(0, server().lastIndexOf('/') + 1) + name;
      // Held open until the JVM ends: a run going on beside this one drops the databases nobody
      // uses, and would drop this one before the application first connects to it.
      Connection hold;
      try {
        hold = DriverManager.getConnection(url, USER, PASSWORD);
      } catch (SQLException droppedMeanwhile) {
        if (attempt == 3) {
          throw new IllegalStateException(
              "Cannot connect to a new database " + url, droppedMeanwhile);
        }
        continue;
      }
      // Not forced: the application contexts close in shutdown hooks of their own, at the same
      // time, and one whose database vanished under it waits for connections until it times out.
      // A database still in use then is dropped by the next run.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    close(hold);
                    dropIfUnused(name);
                  }));
      return url;
    }
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // The database is dropped, or left for the next run, either way.
    }
  }

  private static final String PREFIX = "banyan_test_";
  private static boolean leftoversDropped;

  /** Drops the databases earlier runs left, unless one is in use (a run going on beside this). */
  private static synchronized void dropLeftovers() {
    if (leftoversDropped) {
      return;
    }
    leftoversDropped = true;
    java.util.List<String> names = new java.util.ArrayList<>();
    try (Connection connection = DriverManager.getConnection(server(), USER, PASSWORD);
        Statement statement = connection.createStatement();
        java.sql.ResultSet rows =
            statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    } catch (SQLException e) {
      return;
    }
    names.forEach(TestDatabase::dropIfUnused);
  }

  private static void dropIfUnused(String name) {
    try (Connection connection = DriverManager.getConnection(server(), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException inUse) {
      // Dropped by a later run.
    }
  }

  /**
   * Points a test context at a database of its own, with an empty data folder and the given admin
   * password.
   */
  public static void useFreshDatabase(
      org.springframework.test.context.DynamicPropertyRegistry registry, String adminPassword) {
    String database = fresh();
    registry.add("spring.datasource.url", () -> database);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    try {
      java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory("banyan-test");
      registry.add("banyan.data-dir", dataDir::toString);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    registry.add("banyan.admin-password", () -> adminPassword);
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(server(), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot reach the test PostgreSQL server at "
              + server()
              + " as "
              + USER
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
