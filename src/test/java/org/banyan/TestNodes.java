package org.banyan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Banyan nodes started beside a test's own application, as a deployment runs several: the shared
 * test database, a data folder and a name of their own, the test passwords, small pools.
 */
public final class TestNodes {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TestNodes() {}

  /** The command-line arguments of a node; {@code extra} ones are added (and win). */
  public static List<String> arguments(Path dataDir, String name, String... extra) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--banyan.data-dir=" + dataDir,
                "--banyan.node.name=" + name,
                "--banyan.admin-password=" + PostgresTestBase.ADMIN_PASSWORD,
                "--banyan.demo-password=" + PostgresTestBase.DEMO_PASSWORD));
    arguments.addAll(PostgresTestBase.poolArguments());
    arguments.addAll(List.of(extra));
    return arguments;
  }

  /** Starts a node in this JVM on a free port. */
  public static ConfigurableApplicationContext start(Path dataDir, String name, String... extra) {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
    arguments.addAll(arguments(dataDir, name, extra));
    return new SpringApplicationBuilder(BanyanApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  /** The address of a node started by {@link #start}. */
  public static String base(ConfigurableApplicationContext node) {
    return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
  }

  /** A valid English lesson for the authoring API, titled {@code title}. */
  public static ObjectNode lesson(String slug, String title) {
    ObjectNode lesson = JSON.createObjectNode();
    lesson.put("slug", slug);
    lesson.put("lang", "en");
    lesson.put("title", title);
    lesson.put("summary", "A lesson made by the tests of several nodes.");
    lesson.putArray("competencies").add("self-awareness");
    lesson.putArray("topics").add("naming-feelings");
    lesson.putArray("grades").add(4);
    lesson.put("durationMinutes", 15);
    lesson.putArray("objectives").add("Children try something new.");
    lesson.put("markdown", "## Warm-up\n\nThe class talks about " + title + ".");
    return lesson;
  }
}
