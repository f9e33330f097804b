package org.banyan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real HAProxy in front of Banyan nodes, as a deployment of several nodes has it: round robin,
 * each node in rotation while its readiness endpoint answers 200, a failed connection retried on
 * another node. Runs in the foreground from a config file in a temporary folder; every response
 * names the node that served it in {@code X-Served-By}; its CSV statistics tell a node's state.
 * HAProxy comes from {@code BANYAN_TEST_HAPROXY} or the path ({@code .ci/tools.sh} installs it).
 */
public final class HaproxyTestServer {

  /** The response header HAProxy adds, naming the node that served a request. */
  public static final String SERVED_BY = "X-Served-By";

  private static final String BACKEND = "nodes";

  private final Process process;
  private final Path log;
  private final int port;
  private final int statsPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private HaproxyTestServer(Process process, Path log, int port, int statsPort) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.statsPort = statsPort;
  }

  /** Where HAProxy is installed, if it is. */
  public static Optional<Path> executable() {
    String configured = System.getenv("BANYAN_TEST_HAPROXY");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    Stream<String> path = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"));
    return Stream.concat(path, Stream.of("/usr/sbin", "/usr/local/sbin"))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "haproxy"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** A port free at the moment, for a server that needs to know its port before it starts. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts HAProxy on {@code port} of 127.0.0.1 in front of {@code nodes} (a name and a local port
   * each) and waits until it listens; the nodes may not be in rotation yet ({@link #awaitState}).
   */
  public static HaproxyTestServer start(Path haproxy, int port, Map<String, Integer> nodes) {
    try {
      Path dir = Files.createTempDirectory("banyan-haproxy");
      int statsPort = freePort();
      Path config = Files.writeString(dir.resolve("haproxy.cfg"), config(port, statsPort, nodes));
      Path log = dir.resolve("haproxy.log");
      Process process =
          new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      HaproxyTestServer server = new HaproxyTestServer(process, log, port, statsPort);
      server.awaitListening();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String config(int port, int statsPort, Map<String, Integer> nodes) {
    StringBuilder servers = new StringBuilder();
    nodes.forEach(
        (name, nodePort) ->
            servers.append("  server %s 127.0.0.1:%d check%n".formatted(name, nodePort)));
    return """
        global
          maxconn 256
          log stdout format raw local0 info

        defaults
          mode http
          log global
          option httplog
          option forwardfor
          # A request whose connection failed goes to the next node; a read that got no answer
          # too, but never a write, which the node may have done before it went silent.
          option redispatch 1
          retries 3
          retry-on conn-failure empty-response response-timeout
          timeout connect 1s
          timeout client 30s
          timeout server 15s
          timeout check 1s

        frontend banyan
          bind 127.0.0.1:%d
          default_backend %s

        backend %s
          balance roundrobin
          http-request disable-l7-retry unless METH_GET
          option httpchk GET /actuator/health/readiness
          http-check expect status 200
          default-server inter 500ms fall 2 rise 1
          http-response set-header %s %%[srv_name]
        %s
        listen stats
          bind 127.0.0.1:%d
          stats enable
          stats uri /
        """
        .formatted(port, BACKEND, BACKEND, SERVED_BY, servers, statsPort);
  }

  /** The address clients use, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The node that served {@code response}, as HAProxy names it. */
  public static String servedBy(HttpResponse<?> response) {
    return response.headers().firstValue(SERVED_BY).orElse("(none)");
  }

  /** A node's state in HAProxy's statistics: {@code UP}, {@code DOWN}, {@code UP 1/2}, … */
  public String state(String node) {
    String csv = get("/;csv").body();
    List<String> lines = csv.lines().toList();
    List<String> columns = Arrays.asList(lines.get(0).replaceFirst("^# ", "").split(","));
    int proxy = columns.indexOf("pxname");
    int server = columns.indexOf("svname");
    int status = columns.indexOf("status");
    return lines.stream()
        .skip(1)
        .map(line -> line.split(",", -1))
        .filter(row -> row[proxy].equals(BACKEND) && row[server].equals(node))
        .map(row -> row[status])
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No server " + node + " in\n" + csv));
  }

  /** Waits until each of {@code nodes} is in {@code state}; answers how long that took. */
  public Duration awaitState(String state, Duration timeout, String... nodes) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!Arrays.stream(nodes).allMatch(node -> state(node).equals(state))) {
      if (System.nanoTime() > deadline) {
        Map<String, String> states = new LinkedHashMap<>();
        Arrays.stream(nodes).forEach(node -> states.put(node, state(node)));
        throw new IllegalStateException(
            "HAProxy's nodes are not "
                + state
                + " after "
                + timeout
                + ": "
                + states
                + "\n"
                + log());
      }
      pause(50);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** What HAProxy logged: its warnings and a line for each request. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitListening() {
    for (int i = 0; i < 100; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException("HAProxy stopped as it started:\n" + log());
      }
      try {
        get("/");
        return;
      } catch (IllegalStateException notYet) {
        pause(50);
      }
    }
    stop();
    throw new IllegalStateException("HAProxy does not answer on its stats port:\n" + log());
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
