package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ContentImportIntegrationTests extends PostgresTestBase {

  @Autowired ContentImporter importer;
  @Autowired Catalog catalog;

  private static ContentFile file(String path, String text) {
    return new ContentFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private static String lesson(String slug, String title, String topicsLine) {
    return """
        ---
        slug: %s
        lang: en
        title: %s
        summary: Taking turns on the village swing.
        competencies: [relationship-skills]
        %s
        grades: [1, 2]
        durationMinutes: 40
        objectives:
          - Children can wait for a turn.
        ---
        ## Warm-up

        ### Count together (40 min)
        """
        .formatted(slug, title, topicsLine);
  }

  @Test
  void warnsWhereMarkdownWouldStillShowAnEmphasisMarkerAndImportsTheFileAnyway() {
    String clean = Json.uniqueSlug("bold");
    String leftover = Json.uniqueSlug("stars");
    List<ContentFile> files =
        List.of(
            file(
                "lessons/" + clean + ".en.md",
                lesson(clean, "Bold next to Chinese", "topics: [friendship]")
                    + "\n**画一幅画。**画你想念的人\n"),
            file(
                "lessons/" + leftover + ".en.md",
                lesson(leftover, "A bold that never closes", "topics: [friendship]")
                    + "\nSay **thank you to the driver.\n"));

    ImportReport report = importer.importFiles("admin", files);

    assertThat(report.errors()).isEmpty();
    assertThat(report.imported()).isEqualTo(2);
    assertThat(report.warnings())
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.path()).isEqualTo("lessons/" + leftover + ".en.md");
              assertThat(warning.line()).isEqualTo(17);
              assertThat(warning.reason()).contains("**thank");
            });
  }

  @Test
  void reportsEachBadFileWithItsPathLineAndReasonAndImportsTheRest() {
    String good = Json.uniqueSlug("good");
    String unknownTopic = Json.uniqueSlug("topic");
    String badYaml = Json.uniqueSlug("yaml");
    String missingTitle = Json.uniqueSlug("title");
    String course = Json.uniqueSlug("course");
    List<ContentFile> files =
        List.of(
            file("lessons/" + good + ".en.md", lesson(good, "Good one", "topics: [friendship]")),
            file(
                "lessons/" + unknownTopic + ".en.md",
                lesson(unknownTopic, "Bad topic", "topics: [space-travel]")),
            file(
                "lessons/" + badYaml + ".en.md",
                "---\nslug: " + badYaml + "\nlang: en\ntitle: [unclosed\n---\nbody\n"),
            file(
                "lessons/" + missingTitle + ".en.md",
                "---\nslug: " + missingTitle + "\nlang: en\n---\nbody\n"),
            file(
                "lessons/wrong-name.en.md",
                lesson("other-slug", "Mismatch", "topics: [friendship]")),
            file(
                "courses/" + course + ".en.md",
                "---\nslug: "
                    + course
                    + "\nlang: en\ntitle: C\nsummary: S\ngrades: [1]\nunits:\n  - title: U\n    lessons: [no-such-lesson]\n---\nText\n"),
            file("lessons/no-front-matter.en.md", "# Just markdown\n"));

    ImportReport report = importer.importFiles("admin", files);

    assertThat(report.imported()).isEqualTo(1);
    assertThat(catalog.find(ContentType.LESSON, "en", good)).isPresent();
    assertThat(report.errors()).hasSize(6);
    assertThat(report.errors())
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("lessons/" + unknownTopic + ".en.md");
              assertThat(e.line()).isEqualTo(7);
              assertThat(e.reason()).contains("space-travel");
            })
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("lessons/" + badYaml + ".en.md");
              assertThat(e.line()).isBetween(4, 5);
              assertThat(e.reason()).contains("YAML");
            })
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("lessons/" + missingTitle + ".en.md");
              assertThat(e.reason()).contains("title");
            })
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("lessons/wrong-name.en.md");
              assertThat(e.line()).isEqualTo(2);
            })
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("courses/" + course + ".en.md");
              assertThat(e.reason()).contains("no-such-lesson");
            })
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("lessons/no-front-matter.en.md");
              assertThat(e.line()).isEqualTo(1);
            });
  }

  @Test
  void anImportIsIdempotentAndAChangedFileBecomesANewRevision() {
    String slug = Json.uniqueSlug("again");
    ContentFile original =
        file("lessons/" + slug + ".en.md", lesson(slug, "First words", "topics: [friendship]"));
    assertThat(importer.importFiles("admin", List.of(original)).imported()).isEqualTo(1);

    ImportReport unchanged = importer.importFiles("admin", List.of(original));
    assertThat(unchanged.skipped()).isEqualTo(1);
    assertThat(unchanged.imported() + unchanged.updated()).isZero();

    ContentFile changed =
        file("lessons/" + slug + ".en.md", lesson(slug, "Better words", "topics: [friendship]"));
    ImportReport updated = importer.importFiles("admin", List.of(changed));
    assertThat(updated.updated()).isEqualTo(1);
    PublishedItem item = catalog.find(ContentType.LESSON, "en", slug).orElseThrow();
    assertThat(item.revision()).isEqualTo(2);
    assertThat(item.content().title()).isEqualTo("Better words");
  }

  @Test
  void theAdminApiImportsAZipAndAnswersTheReport() throws Exception {
    String slug = Json.uniqueSlug("zipped");
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("lessons/" + slug + ".en.md"));
      out.write(
          lesson(slug, "From a zip", "topics: [friendship]").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      out.putNextEntry(new ZipEntry("lessons/broken.en.md"));
      out.write("---\nslug: broken\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    var response =
        as("admin").upload("/api/v1/admin/import", "file", "content.zip", zip.toByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = Json.read(response);
    assertThat(report.get("imported").asInt()).isEqualTo(1);
    assertThat(report.get("errors").get(0).get("path").asString())
        .isEqualTo("lessons/broken.en.md");
    assertThat(report.get("errors").get(0).has("line")).isTrue();
    assertThat(report.get("errors").get(0).has("reason")).isTrue();
    assertThat(client().get("/api/v1/lessons/en/" + slug).statusCode()).isEqualTo(200);

    var folder = as("admin").postJson("/api/v1/admin/import", "");
    assertThat(folder.statusCode()).isIn(200, 415);
  }

  /** A zip whose entries are {@code size} zero bytes each: a few bytes each once deflated. */
  private static byte[] zeros(int entries, int size, String prefix) throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
      for (int e = 0; e < entries; e++) {
        out.putNextEntry(new ZipEntry(prefix + e + ".png"));
        for (int written = 0; written < size; written += chunk.length) {
          out.write(chunk, 0, Math.min(chunk.length, size - written));
        }
        out.closeEntry();
      }
    }
    return zip.toByteArray();
  }

  private void assertRefusedNaming(byte[] zip, String limit) {
    var response = as("admin").upload("/api/v1/admin/import", "file", "bomb.zip", zip);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = Json.read(response);
    assertThat(error.get("fields").get(0).get("field").asString()).isEqualTo("file");
    assertThat(error.get("message").asString()).contains(limit);
    assertThat(client().get("/api/v1/lessons").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAZipEntryThatInflatesPastTheUploadLimit() throws Exception {
    byte[] bomb = zeros(1, 64 * 1024 * 1024, "media/bomb-");
    assertThat(bomb.length).isLessThan(100_000);
    assertRefusedNaming(bomb, "2 MB");
  }

  @Test
  void refusesAZipThatInflatesPastTheTotalLimitAndKeepsServing() throws Exception {
    byte[] bomb = zeros(300, 2 * 1024 * 1024 - 1, "media/part-");
    assertThat(bomb.length).isLessThan(1_000_000);
    assertRefusedNaming(bomb, "500 MB");
  }

  @Test
  void theAdminPageSaysWhichLimitAZipPassed() throws Exception {
    var admin = browserAs("admin");
    String token = org.banyan.WebClient.csrfFrom(admin.get("/admin/content").body());
    var page =
        admin.upload(
            "/admin/content/import?_csrf=" + token + "&locale=en",
            "file",
            "bomb.zip",
            zeros(1, 16 * 1024 * 1024, "media/bomb-"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"file-error\"")
        .contains("unpacks to more than 2 MB")
        .doesNotContain("id=\"import-report\"");
  }

  @Test
  void refusesAZipWithMoreEntriesThanTheLimit() throws Exception {
    assertRefusedNaming(zeros(5001, 0, "media/empty-"), "5000");
  }

  @Test
  void refusesAFileThatIsNotAZipWith400() {
    byte[] junk = new byte[4096];
    junk[0] = 'P';
    junk[1] = 'K';
    junk[2] = 3;
    junk[3] = 4;
    var response = as("admin").upload("/api/v1/admin/import", "file", "junk.zip", junk);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
  }

  @Test
  void attachmentNamesAreCleanedSoNoExportedEntryLeavesItsFolder() throws Exception {
    byte[] mp3 = new byte[2000];
    mp3[0] = 'I';
    mp3[1] = 'D';
    mp3[2] = '3';
    var uploaded = as("author").upload("/api/v1/media", "file", "clip.mp3", mp3);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String mediaId = Json.read(uploaded).get("id").asString();
    String slug = Json.uniqueSlug("evil-names");
    var lesson = Json.lesson(slug, "en");
    var attachments = lesson.putArray("attachments");
    for (String name :
        List.of(
            "../../evil.sh",
            "/etc/passwd",
            "..\\..\\windows\\evil.bat",
            "C:evil.txt",
            "bell\u0007\nline.mp3",
            "..",
            " ")) {
      attachments.addObject().put("mediaId", mediaId).put("name", name);
    }
    var created = as("author").postJson("/api/v1/authoring/lessons", lesson.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Json.read(created).get("id").asLong();
    JsonNode saved = Json.read(as("author").get("/api/v1/authoring/lessons/" + id));
    assertThat(saved.get("content").get("attachments").values())
        .extracting(a -> a.get("name").asString())
        .first()
        .isEqualTo("evil.sh");
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    assertThat(
            as("reviewer")
                .postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}")
                .statusCode())
        .isEqualTo(200);

    var export = as("admin").getBytes("/api/v1/admin/export");
    assertThat(export.statusCode()).isEqualTo(200);
    List<String> names = new java.util.ArrayList<>();
    try (var zip =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export.body()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    assertThat(names).isNotEmpty();
    for (String name : names) {
      java.nio.file.Path root = java.nio.file.Path.of("/export");
      assertThat(name)
          .as(name)
          .matches("(taxonomy\\.yml|(lessons|courses|training|media)/[^/\\\\:\\p{Cntrl}]+)")
          .doesNotContain("..");
      assertThat(root.resolve(name).normalize().startsWith(root)).as(name).isTrue();
    }
    assertThat(names).contains("media/evil.sh");
  }
}
