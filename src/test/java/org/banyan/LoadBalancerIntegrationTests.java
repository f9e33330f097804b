package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two equal Banyan nodes on one PostgreSQL database and one S3 server, behind a real HAProxy that
 * spreads requests round robin and keeps a node in rotation while its readiness check answers 200.
 * Every request goes through the load balancer: users stay signed in on either node, media uploaded
 * to one is served by both, a published lesson is found on both within a second, and when a node
 * stops its users do not notice. The last test stops node B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancerIntegrationTests {

  private static final String A = "node-a";
  private static final String B = "node-b";
  private static final String DEMO_PASSWORD = PostgresTestBase.DEMO_PASSWORD;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static S3TestServer s3;
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;
  private static HaproxyTestServer balancer;

  @BeforeAll
  static void startNodesBehindTheBalancer() throws Exception {
    Assumptions.assumeFalse(
        "1".equals(System.getenv("BANYAN_TEST_NO_HAPROXY")),
        "BANYAN_TEST_NO_HAPROXY=1: the load balancer test is skipped");
    Path haproxy =
        HaproxyTestServer.executable()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No HAProxy found (BANYAN_TEST_HAPROXY, PATH, /usr/sbin): run `bash"
                            + " .ci/test`, which installs Debian's haproxy package, or set"
                            + " BANYAN_TEST_NO_HAPROXY=1 to skip this test"));
    s3 = S3TestServer.start();
    int port = HaproxyTestServer.freePort();
    // One after the other: the first one to start migrates the database and adds the demo data.
    nodeA = node(A, port);
    nodeB = node(B, port);
    balancer = HaproxyTestServer.start(haproxy, port, Map.of(A, portOf(nodeA), B, portOf(nodeB)));
    balancer.awaitState("UP", Duration.ofSeconds(20), A, B);
  }

  @AfterAll
  static void stopAll() {
    if (balancer != null) {
      balancer.stop();
    }
    for (ConfigurableApplicationContext node :
        new ConfigurableApplicationContext[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (s3 != null) {
      s3.stop();
    }
  }

  /** A node as production runs one: its own data folder, the shared database and S3 bucket. */
  private static ConfigurableApplicationContext node(String name, int balancerPort)
      throws Exception {
    return TestNodes.start(
        Files.createTempDirectory("banyan-" + name),
        name,
        "--banyan.base-url=http://127.0.0.1:" + balancerPort,
        "--banyan.storage.type=minio",
        "--banyan.storage.minio.endpoint=" + s3.endpoint(),
        "--banyan.storage.minio.access-key=" + S3TestServer.ACCESS_KEY,
        "--banyan.storage.minio.secret-key=" + S3TestServer.SECRET_KEY,
        "--banyan.storage.minio.bucket=banyan-media");
  }

  private static int portOf(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  private static WebClient client() {
    return new WebClient(balancer.url());
  }

  /** An API client with HTTP Basic. */
  private static WebClient as(String username) {
    return client().basic(username, DEMO_PASSWORD);
  }

  /** A browser signed in through the form: the form's page and its post may meet two nodes. */
  private static WebClient browserAs(String username) {
    WebClient browser = client();
    HttpResponse<String> signedIn = browser.signIn(username, DEMO_PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
    return browser;
  }

  /** How many of {@code responses} each node served. */
  private static Map<String, Integer> servedBy(List<? extends HttpResponse<?>> responses) {
    Map<String, Integer> counts = new TreeMap<>();
    responses.forEach(r -> counts.merge(HaproxyTestServer.servedBy(r), 1, Integer::sum));
    return counts;
  }

  private static HttpResponse<String> teacherPage(WebClient teacher, String path) {
    HttpResponse<String> page = teacher.get(path);
    assertThat(page.statusCode())
        .as("%s on %s", path, HaproxyTestServer.servedBy(page))
        .isEqualTo(200);
    assertThat(page.body()).contains("data-user=\"teacher\"");
    return page;
  }

  @Test
  @Order(1)
  void aSignedInTeacherKeepsWorkingWhicheverNodeServesTheRequest() {
    WebClient teacher = browserAs("teacher");
    String name = "Balanced class " + System.nanoTime();
    HttpResponse<String> created =
        teacher.submit(
            "/classes",
            "/classes",
            Map.of("name", name, "grade", "4", "pupils", "20", "course", "en/feelings-first"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String classPage = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

    List<HttpResponse<String>> pages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pages.add(teacherPage(teacher, "/classes"));
      HttpResponse<String> page = teacherPage(teacher, classPage);
      assertThat(page.body()).contains(name);
      pages.add(page);
    }
    Map<String, Integer> counts = servedBy(pages);
    assertThat(counts.keySet()).containsExactly(A, B);
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(5));
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  @Order(2)
  void anImageUploadedThroughOneNodeIsServedByBoth() throws Exception {
    byte[] image = png();
    HttpResponse<String> uploaded = as("author").upload("/api/v1/media", "file", "map.png", image);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode media = JSON.readTree(uploaded.body());
    assertThat(media.get("contentType").asString()).isEqualTo("image/png");
    String url = media.get("url").asString();

    WebClient author = browserAs("author");
    List<HttpResponse<byte[]>> downloads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      HttpResponse<byte[]> download = author.getBytes(url);
      assertThat(download.statusCode())
          .as("download %d on %s", i, HaproxyTestServer.servedBy(download))
          .isEqualTo(200);
      assertThat(download.body()).isEqualTo(image);
      assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
      downloads.add(download);
    }
    assertThat(servedBy(downloads).keySet()).containsExactly(A, B);
  }

  private static ObjectNode lesson(String slug, String word) {
    return TestNodes.lesson(slug, "Breathing like a " + word);
  }

  /** A search through the balancer: which node answered, when it was sent and answered. */
  private record Search(String node, long sent, long answered, boolean found) {

    static Search of(String word, String slug, long since) {
      long sent = millisSince(since);
      HttpResponse<String> response = client().get("/api/v1/search?q=" + word);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      boolean found =
          JSON.readTree(response.body()).get("hits").values().stream()
              .anyMatch(hit -> hit.get("slug").asString().equals(slug));
      return new Search(HaproxyTestServer.servedBy(response), sent, millisSince(since), found);
    }

    @Override
    public String toString() {
      return "%s %d-%d ms: %s".formatted(node, sent, answered, found ? "found" : "not found");
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** Two searches at once, which round robin sends to the two nodes. */
  private static List<Search> searchBothNodes(
      ExecutorService pair, String word, String slug, long since) {
    List<CompletableFuture<Search>> searches =
        List.of(
            CompletableFuture.supplyAsync(() -> Search.of(word, slug, since), pair),
            CompletableFuture.supplyAsync(() -> Search.of(word, slug, since), pair));
    return searches.stream().map(CompletableFuture::join).toList();
  }

  @Test
  @Order(3)
  void aPublishedLessonIsFoundOnEveryNodeWithinASecond() throws Exception {
    String slug = "balanced-" + System.nanoTime();
    String word = "quokkafern" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    ExecutorService pair = Executors.newFixedThreadPool(2);
    try {
      List<Search> before = searchBothNodes(pair, word, slug, System.nanoTime());
      assertThat(before).noneMatch(Search::found);
      assertThat(before).extracting(Search::node).containsExactlyInAnyOrder(A, B);

      HttpResponse<String> created =
          as("author").postJson("/api/v1/authoring/lessons", lesson(slug, word).toString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      long id = JSON.readTree(created.body()).get("id").asLong();
      String lesson = "/api/v1/authoring/lessons/" + id;
      assertThat(as("author").postJson(lesson + "/submit", "{}").statusCode()).isEqualTo(200);
      HttpResponse<String> published = as("reviewer").postJson(lesson + "/publish", "{}");
      assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
      long publishedAt = System.nanoTime();

      // Each node finds the lesson with a search sent within a second of the publish and, once
      // it has answered one so, with every search after.
      List<Search> searches = new ArrayList<>();
      Map<String, Long> foundFrom = new TreeMap<>();
      int roundsAfterBoth = 0;
      while (roundsAfterBoth < 5 && millisSince(publishedAt) < 3000) {
        for (Search search : searchBothNodes(pair, word, slug, publishedAt)) {
          searches.add(search);
          if (search.found()) {
            foundFrom.merge(search.node(), search.answered(), Math::min);
          }
        }
        if (foundFrom.size() == 2) {
          roundsAfterBoth++;
        }
        Thread.sleep(20);
      }
      String timeline =
          "searches after the publish:\n"
              + searches.stream().map(Search::toString).collect(Collectors.joining("\n"));
      System.out.println("Found on each node, " + timeline.replace("\n", "; "));
      for (String node : List.of(A, B)) {
        assertThat(searches)
            .as(timeline)
            .anyMatch(s -> s.node().equals(node) && s.found() && s.sent() <= 1000);
        long found = foundFrom.get(node);
        assertThat(searches)
            .as(timeline)
            .filteredOn(s -> s.node().equals(node) && s.sent() > found)
            .allMatch(Search::found);
      }
    } finally {
      pair.shutdownNow();
    }
  }

  @Test
  @Order(4)
  void whenANodeStopsTheBalancerTakesItOutAndSignedInUsersCarryOn() throws Exception {
    WebClient teacher = browserAs("teacher");
    List<HttpResponse<String>> before = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      before.add(teacherPage(teacher, "/classes"));
    }
    assertThat(servedBy(before).keySet()).containsExactly(A, B);

    // While node B stops, the teacher goes on clicking; what the balancer answers meanwhile is
    // kept, to be told apart from what it answers once its checks have seen B go.
    AtomicBoolean stopping = new AtomicBoolean(true);
    List<String> whileStopping = new ArrayList<>();
    WebClient meanwhile = browserAs("teacher");
    Thread clicking =
        new Thread(
            () -> {
              while (stopping.get()) {
                try {
                  HttpResponse<String> page = meanwhile.get("/classes");
                  whileStopping.add(
                      page.statusCode() + " from " + HaproxyTestServer.servedBy(page));
                } catch (RuntimeException e) {
                  whileStopping.add(e.toString());
                }
              }
            });
    clicking.start();
    long closing = System.nanoTime();
    nodeB.close();
    long closedMillis = (System.nanoTime() - closing) / 1_000_000;
    Duration takenOut = balancer.awaitState("DOWN", Duration.ofSeconds(5), B);
    stopping.set(false);
    clicking.join();
    System.out.printf(
        "Node B closed in %d ms, out of rotation %d ms later; while it stopped: %s%n",
        closedMillis, takenOut.toMillis(), summary(whileStopping));

    Thread.sleep(200);
    List<HttpResponse<String>> after = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      after.add(teacherPage(teacher, "/classes"));
    }
    assertThat(servedBy(after)).containsExactly(Map.entry(A, 20));
    assertThat(whileStopping).allSatisfy(outcome -> assertThat(outcome).startsWith("200 "));
  }

  private static Map<String, Integer> summary(List<String> outcomes) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    outcomes.forEach(o -> counts.merge(o, 1, Integer::sum));
    return counts;
  }
}
