package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node killed with {@code kill -9} while teachers complete training units on it: every completion
 * it acknowledged is in the database, the users it signed in keep working on the other node, and
 * the other node goes on. The killed node is a JVM of its own, started from this test's classpath.
 */
class NodeKilledIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TEACHER_PASSWORD = "Village-school-road-9";
  private static final int TEACHERS = 4;

  @Autowired JdbcClient db;

  private record Unit(String module, String id, String type) {}

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts a node as a JVM of its own on the shared database; answers once it is ready. */
  private static Process startNodeProcess(int port, Path dataDir, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx400m",
                "-cp",
                System.getProperty("java.class.path"),
                BanyanApplication.class.getName(),
                "--server.port=" + port));
    command.addAll(TestNodes.arguments(dataDir, "node-killed"));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    WebClient node = new WebClient("http://localhost:" + port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The node ended at start:\n" + Files.readString(log));
      }
      try {
        if (node.get("/actuator/health/readiness").statusCode() == 200) {
          return process;
        }
      } catch (RuntimeException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The node was not ready in 120 s:\n" + Files.readString(log));
  }

  /** The reading and reflection units of the published English modules. */
  private List<Unit> units(WebClient teacher) {
    List<Unit> units = new ArrayList<>();
    List<String> modules =
        db.sql(
                "SELECT slug FROM content_items WHERE type = 'MODULE' AND lang = 'en'"
                    + " AND status = 'PUBLISHED' ORDER BY slug")
            .query(String.class)
            .list();
    for (String module : modules) {
      JsonNode progress = JSON.readTree(teacher.get("/api/v1/me/modules/en/" + module).body());
      for (JsonNode unit : progress.get("units").values()) {
        String type = unit.get("type").asString();
        if (type.equals("reading") || type.equals("reflection")) {
          units.add(new Unit(module, unit.get("id").asString(), type));
        }
      }
    }
    return units;
  }

  private static HttpResponse<String> complete(WebClient teacher, Unit unit) {
    String body =
        unit.type().equals("reflection")
            ? "{\"text\":\"The children drew their families and talked about them.\"}"
            : "{}";
    return teacher.postJson(
        "/api/v1/modules/en/" + unit.module() + "/units/" + unit.id() + "/complete", body);
  }

  private Set<String> completedInDatabase(String teacher) {
    return new HashSet<>(
        db.sql(
                "SELECT ci.slug || '/' || tc.unit_id FROM training_completions tc"
                    + " JOIN content_items ci ON ci.id = tc.module_item_id"
                    + " WHERE tc.username = :teacher")
            .param("teacher", teacher)
            .query(String.class)
            .list());
  }

  @Test
  void aNodeKilledWhileTeachersCompleteUnitsLosesNothingItAcknowledged() throws Exception {
    List<String> teachers = new ArrayList<>();
    for (int i = 0; i < TEACHERS; i++) {
      String name = "killtest" + i + System.nanoTime() % 100_000;
      assertThat(
              as("admin")
                  .postJson(
                      "/api/v1/users",
                      "{\"username\":\""
                          + name
                          + "\",\"displayName\":\"Teacher "
                          + i
                          + "\",\"password\":\""
                          + TEACHER_PASSWORD
                          + "\",\"roles\":[\"TEACHER\"]}")
                  .statusCode())
          .isEqualTo(201);
      teachers.add(name);
    }
    List<Unit> units = units(client().basic(teachers.get(0), TEACHER_PASSWORD));
    assertThat(units).hasSizeGreaterThan(8);

    int port = freePort();
    Path dataDir = Files.createTempDirectory("banyan-node-killed");
    Path log = dataDir.resolve("node.log");
    Process node = startNodeProcess(port, dataDir, log);
    String killedBase = "http://localhost:" + port;

    // A page session made on the node about to die.
    WebClient signedIn = new WebClient(killedBase);
    signedIn.signIn(teachers.get(0), TEACHER_PASSWORD);
    String session = signedIn.cookie("JSESSIONID");

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(TEACHERS);
    for (String teacher : teachers) {
      pool.submit(
          () -> {
            WebClient client = new WebClient(killedBase).basic(teacher, TEACHER_PASSWORD);
            for (Unit unit : units) {
              if (killed.get()) {
                return;
              }
              try {
                if (complete(client, unit).statusCode() == 200) {
                  acknowledged.add(teacher + " " + unit.module() + "/" + unit.id());
                }
              } catch (RuntimeException connectionLost) {
                return;
              }
            }
          });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acknowledged.size() < 2 * TEACHERS && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    // kill -9: no shutdown hook, no flush, mid-request for some of the teachers.
    node.destroyForcibly();
    killed.set(true);
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).as("completions acknowledged before the kill").isNotEmpty();

    for (String teacher : teachers) {
      Set<String> stored = completedInDatabase(teacher);
      for (String ack : acknowledged) {
        if (ack.startsWith(teacher + " ")) {
          assertThat(stored).contains(ack.substring(teacher.length() + 1));
        }
      }
    }

    // The other node goes on: the session made on the killed node works here, and every teacher
    // completes the rest of the units.
    HttpResponse<String> page = client().header("Cookie", "JSESSIONID=" + session).get("/classes");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-user=\"" + teachers.get(0) + "\"");
    WebClient onA = client().basic(teachers.get(1), TEACHER_PASSWORD);
    for (Unit unit : units) {
      assertThat(complete(onA, unit).statusCode()).isEqualTo(200);
    }
    assertThat(completedInDatabase(teachers.get(1))).hasSize(units.size());
  }
}
