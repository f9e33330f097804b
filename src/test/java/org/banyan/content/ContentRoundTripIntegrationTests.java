package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.banyan.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole seed curriculum into an empty database without a single error; then export, import into
 * an empty database again, export again: the same files.
 */
@SpringBootTest
class ContentRoundTripIntegrationTests {

  @Autowired ContentImporter importer;
  @Autowired ContentExporter exporter;
  @Autowired ContentFolder folder;
  @Autowired JdbcClient db;

  @DynamicPropertySource
  static void emptyStart(DynamicPropertyRegistry registry) throws Exception {
    TestDatabase.useFreshDatabase(registry, "Roundtrip-admin-pass-3");
    org.banyan.PostgresTestBase.POOL.forEach(registry::add);
    Path emptyContent = Files.createTempDirectory("banyan-no-content");
    registry.add("banyan.content-dir", emptyContent::toString);
  }

  @Test
  void theSeedCurriculumImportsCleanlyAndSurvivesARoundTrip() throws Exception {
    assertThat(db.sql("SELECT count(*) FROM content_items").query(Long.class).single()).isZero();

    ImportReport seed =
        importer.importFiles(
            "system", new ContentFolder(new ContentSettings(Path.of("content"), null)).files());
    assertThat(seed.errors()).isEmpty();
    assertThat(seed.imported()).isGreaterThanOrEqualTo(64 + 8 + 10);

    Map<String, byte[]> first = exporter.files();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    exporter.writeZip(zip);

    for (String table :
        new String[] {
          "content_reviews", "content_revision_media", "content_revisions", "content_items", "media"
        }) {
      db.sql("DELETE FROM " + table).update();
    }
    ImportReport again = importer.importZip("system", new ByteArrayInputStream(zip.toByteArray()));
    assertThat(again.errors()).isEmpty();
    assertThat(again.imported()).isEqualTo(seed.imported());

    Map<String, byte[]> second = exporter.files();
    assertThat(second.keySet()).isEqualTo(first.keySet());
    Map<String, String> differing = new TreeMap<>();
    first.forEach(
        (path, bytes) -> {
          if (!java.util.Arrays.equals(bytes, second.get(path))) {
            differing.put(
                path, new String(second.get(path), java.nio.charset.StandardCharsets.UTF_8));
          }
        });
    assertThat(differing.keySet()).isEmpty();
    assertThat(first)
        .containsKeys(
            "taxonomy.yml",
            "lessons/naming-feelings.en.md",
            "lessons/naming-feelings.zh-CN.md",
            "courses/feelings-first.zh-CN.md",
            "training/teacher-wellbeing.en.md",
            "media/feelings-faces.svg");
  }
}
