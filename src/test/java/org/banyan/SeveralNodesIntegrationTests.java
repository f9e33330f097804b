package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.banyan.content.Catalog;
import org.banyan.content.CatalogChanges;
import org.banyan.search.IndexFollower;
import org.banyan.search.IndexStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two Banyan nodes on one database, as behind a load balancer: node A is the test's application,
 * node B a second one started beside it with its own data folder (its own search index). What is
 * published or archived on one is found, or gone, on the other within a second; a node that was
 * stopped catches up when it starts, or rebuilds when it missed more than the journal keeps; a
 * signed-in user works on either.
 */
class SeveralNodesIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Path nodeBData;
  private static ConfigurableApplicationContext nodeB;

  @Autowired JdbcClient db;
  @Autowired CatalogChanges changes;
  @Autowired IndexFollower indexA;

  /** Node B, started on first use and kept for the class: the same database, its own folder. */
  private static synchronized ConfigurableApplicationContext nodeB() throws Exception {
    if (nodeB == null || !nodeB.isActive()) {
      if (nodeBData == null) {
        nodeBData = Files.createTempDirectory("banyan-node-b");
      }
      nodeB = startNode(nodeBData);
    }
    return nodeB;
  }

  static ConfigurableApplicationContext startNode(Path dataDir) {
    return TestNodes.start(dataDir, "node-b");
  }

  private static synchronized void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
      nodeB = null;
    }
  }

  @AfterAll
  static void stopNodes() {
    stopNodeB();
  }

  private static String base(ConfigurableApplicationContext node) {
    return TestNodes.base(node);
  }

  private static WebClient on(ConfigurableApplicationContext node, String session) {
    return new WebClient(base(node)).header("Cookie", "JSESSIONID=" + session);
  }

  private static ObjectNode lesson(String slug, String title) {
    return TestNodes.lesson(slug, title);
  }

  /** Creates and publishes a lesson on node A; answers its id. */
  private long publishOnA(String slug, String title) {
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", lesson(slug, title).toString());
    assertThat(created.statusCode()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    assertThat(
            as("reviewer")
                .postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}")
                .statusCode())
        .isEqualTo(200);
    return id;
  }

  private void archiveOnA(long id) {
    assertThat(
            as("reviewer")
                .postJson("/api/v1/authoring/lessons/" + id + "/archive", "{}")
                .statusCode())
        .isEqualTo(200);
  }

  private static boolean finds(ConfigurableApplicationContext node, String word, String slug) {
    return finds(base(node), word, slug);
  }

  private static boolean finds(String base, String word, String slug) {
    HttpResponse<String> response =
        new WebClient(base)
            .get("/api/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    for (JsonNode hit : JSON.readTree(response.body()).get("hits").values()) {
      if (hit.get("slug").asString().equals(slug)) {
        return true;
      }
    }
    return false;
  }

  private static boolean suggests(ConfigurableApplicationContext node, String prefix) {
    HttpResponse<String> response =
        new WebClient(base(node))
            .get("/api/v1/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
    return response.statusCode() == 200 && response.body().contains(prefix);
  }

  /** Milliseconds until {@code found} answers {@code expected}, or -1 after {@code limitMillis}. */
  private static long millisUntil(boolean expected, long limitMillis, Check found)
      throws Exception {
    long started = System.nanoTime();
    while (true) {
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      if (found.holds() == expected) {
        return elapsed;
      }
      if (elapsed > limitMillis) {
        return -1;
      }
      Thread.sleep(10);
    }
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private static String word() {
    return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @Test
  void publishedOnOneNodeIsSearchableOnTheOtherWithinASecondAndArchivedGoesAsFast()
      throws Exception {
    ConfigurableApplicationContext b = nodeB();
    String word = word();
    String slug = "nodes-" + word;

    long id = publishOnA(slug, "Kites " + word);
    long found = millisUntil(true, 5_000, () -> finds(b, word, slug));
    assertThat(found).as("ms until node B finds what A published").isBetween(0L, 1_000L);
    assertThat(suggests(b, "Kites " + word.substring(0, 6))).isTrue();

    archiveOnA(id);
    long gone = millisUntil(false, 5_000, () -> finds(b, word, slug));
    assertThat(gone).as("ms until node B drops what A archived").isBetween(0L, 1_000L);
    assertThat(millisUntil(false, 1_000, () -> suggests(b, "Kites " + word.substring(0, 6))))
        .isNotNegative();

    // And the other way round: published on B, found on A.
    String other = word();
    HttpResponse<String> created =
        new WebClient(base(b))
            .basic("author", DEMO_PASSWORD)
            .postJson("/api/v1/authoring/lessons", lesson("nodes-" + other, other).toString());
    long onB = JSON.readTree(created.body()).get("id").asLong();
    new WebClient(base(b))
        .basic("author", DEMO_PASSWORD)
        .postJson("/api/v1/authoring/lessons/" + onB + "/submit", "{}");
    assertThat(
            new WebClient(base(b))
                .basic("reviewer", DEMO_PASSWORD)
                .postJson("/api/v1/authoring/lessons/" + onB + "/publish", "{}")
                .statusCode())
        .isEqualTo(200);
    // Whoever published finds it at once on the node that answered; node A within a second.
    assertThat(finds(b, other, "nodes-" + other)).isTrue();
    String nodeA = "http://localhost:" + port;
    assertThat(millisUntil(true, 5_000, () -> finds(nodeA, other, "nodes-" + other)))
        .isBetween(0L, 1_000L);
  }

  @Test
  void aNodeThatWasStoppedCatchesUpFromTheJournalWhenItStarts() throws Exception {
    nodeB();
    long before = nodeB().getBean(IndexFollower.class).status().position();
    stopNodeB();

    String kept = word();
    String dropped = word();
    publishOnA("nodes-" + kept, kept);
    long droppedId = publishOnA("nodes-" + dropped, dropped);
    archiveOnA(droppedId);

    ConfigurableApplicationContext b = nodeB();
    IndexStatus status = b.getBean(IndexFollower.class).refreshHead();
    assertThat(status.state()).isEqualTo(IndexStatus.State.FOLLOWING);
    assertThat(status.position()).isGreaterThanOrEqualTo(before + 3).isEqualTo(changes.head());
    // Caught up before it served its first request.
    assertThat(finds(b, kept, "nodes-" + kept)).isTrue();
    assertThat(finds(b, dropped, "nodes-" + dropped)).isFalse();
  }

  @Test
  void aNodeThatMissedMoreThanTheJournalKeepsRebuildsFromTheCatalog() throws Exception {
    nodeB();
    stopNodeB();

    String missed = word();
    String last = word();
    publishOnA("nodes-" + missed, missed);
    publishOnA("nodes-" + last, last);
    // Retention drops everything but the last entry: B's position is now out of the journal.
    changes.dropRecordedBefore(Instant.now().plusSeconds(60));
    assertThat(changes.firstKept()).isEqualTo(changes.head());

    ConfigurableApplicationContext b = nodeB();
    assertThat(b.getBean(IndexFollower.class).status().position()).isEqualTo(changes.head());
    assertThat(finds(b, missed, "nodes-" + missed)).isTrue();
    assertThat(finds(b, last, "nodes-" + last)).isTrue();
  }

  @Test
  void theDriftCheckRepairsWhatTheJournalNeverSaid() throws Exception {
    ConfigurableApplicationContext b = nodeB();
    String word = word();
    long id = publishOnA("nodes-" + word, word);
    assertThat(millisUntil(true, 5_000, () -> finds(b, word, "nodes-" + word))).isNotNegative();

    // Archived behind the application's back: no journal entry, so no node hears of it.
    db.sql("UPDATE content_items SET status = 'ARCHIVED', published_revision = NULL WHERE id = :id")
        .param("id", id)
        .update();
    assertThat(finds(b, word, "nodes-" + word)).isTrue();

    assertThat(b.getBean(IndexFollower.class).checkDrift()).isGreaterThanOrEqualTo(1);
    assertThat(finds(b, word, "nodes-" + word)).isFalse();
    indexA.checkDrift();
  }

  @Test
  void aNewTaxonomyImportedOnOneNodeIsReadByTheOther() throws Exception {
    ConfigurableApplicationContext b = nodeB();
    Catalog catalogB = b.getBean(Catalog.class);
    String yaml =
        Files.readString(Path.of("content/taxonomy.yml"))
            .replaceFirst(
                "(?m)^topics:\\s*$",
                "topics:\n  - id: kite-flying\n    zh: 放风筝\n    en: Kite flying\n");
    assertThat(yaml).contains("kite-flying");
    byte[] zip = zipOf("taxonomy.yml", yaml);
    try {
      HttpResponse<String> imported =
          as("admin").upload("/api/v1/admin/import", "file", "taxonomy.zip", zip);
      assertThat(imported.statusCode()).isEqualTo(200);
      assertThat(
              millisUntil(true, 5_000, () -> catalogB.taxonomy().topic("kite-flying").isPresent()))
          .isBetween(0L, 1_000L);
    } finally {
      as("admin")
          .upload(
              "/api/v1/admin/import",
              "file",
              "taxonomy.zip",
              zipOf("taxonomy.yml", Files.readString(Path.of("content/taxonomy.yml"))));
    }
    assertThat(
            millisUntil(false, 5_000, () -> catalogB.taxonomy().topic("kite-flying").isPresent()))
        .isNotNegative();
  }

  private static byte[] zipOf(String name, String text) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry(name));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void eachNodeAnswersReadinessAndAdministratorsSeeEveryNode() throws Exception {
    ConfigurableApplicationContext b = nodeB();
    HttpResponse<String> ready = new WebClient(base(b)).get("/actuator/health/readiness");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode health = JSON.readTree(ready.body());
    assertThat(health.get("status").asString()).isEqualTo("UP");
    JsonNode index = health.get("components").get("index");
    assertThat(index.get("details").get("lag").asLong()).isZero();
    assertThat(index.get("details").get("state").asString()).isEqualTo("FOLLOWING");
    // On PostgreSQL the node is woken by notifications, not left to poll.
    assertThat(index.get("details").get("woken").asString()).isEqualTo("notifications");
    assertThat(health.get("components").has("db")).isTrue();
    assertThat(health.get("components").has("blobStore")).isTrue();

    b.getBean(org.banyan.node.Nodes.class).heartbeat();
    JsonNode nodes = JSON.readTree(as("admin").get("/api/v1/admin/nodes").body());
    List<String> names =
        nodes.get("nodes").values().stream()
            .filter(n -> n.get("live").asBoolean())
            .map(n -> n.get("name").asString())
            .toList();
    assertThat(names).contains("node-b");
    assertThat(as("teacher").get("/api/v1/admin/nodes").statusCode()).isEqualTo(403);

    HttpResponse<String> page = browserAs("admin").get("/admin/nodes");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("node-b");
  }

  @Test
  void aUserSignedInOnOneNodeKeepsWorkingOnAnotherAndWhenTheFirstStops() throws Exception {
    ConfigurableApplicationContext b = nodeB();
    WebClient onA = browserAs("teacher");
    String session = onA.cookie("JSESSIONID");
    assertThat(session).isNotNull();

    HttpResponse<String> onB = on(b, session).get("/classes");
    assertThat(onB.statusCode()).isEqualTo(200);
    assertThat(onB.body()).contains("data-user=\"teacher\"");

    WebClient signedInOnB = new WebClient(base(b));
    signedInOnB.signIn("trainer", DEMO_PASSWORD);
    String trainerSession = signedInOnB.cookie("JSESSIONID");
    stopNodeB();

    HttpResponse<String> backOnA =
        client().header("Cookie", "JSESSIONID=" + trainerSession).get("/trainer");
    assertThat(backOnA.statusCode()).isEqualTo(200);
    assertThat(backOnA.body()).contains("data-user=\"trainer\"");
  }

  @Test
  void aNodeStartsOnADatabaseWithContentAndAnEmptyChangeJournal() throws Exception {
    // As after the upgrade that adds the journal: the catalog is there, no entry yet.
    db.sql("DELETE FROM content_changes").update();
    try (ConfigurableApplicationContext nodeC =
        TestNodes.start(Files.createTempDirectory("banyan-node-c"), "node-c")) {
      IndexStatus index = nodeC.getBean(IndexFollower.class).status();
      assertThat(index.state()).isEqualTo(IndexStatus.State.FOLLOWING);
      assertThat(index.items()).isPositive();
      assertThat(index.position()).isEqualTo(changes.head());
    }
  }
}
