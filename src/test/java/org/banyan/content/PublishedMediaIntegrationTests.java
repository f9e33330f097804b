package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Which files the published catalog uses, as saving records it and as the migration finds it. */
class PublishedMediaIntegrationTests extends PostgresTestBase {

  private static final String USES =
      "SELECT u.item_id || '/' || u.revision || '/' || u.media_id FROM content_revision_media u"
          + " JOIN content_items i ON i.id = u.item_id"
          + " AND (u.revision = i.latest_revision OR u.revision = i.published_revision)"
          + " ORDER BY 1";

  @Autowired JdbcClient db;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theSeedCurriculumsFilesArePublicToEveryone() {
    JsonNode lesson = Json.read(client().get("/api/v1/lessons/en/naming-feelings"));
    String url = lesson.get("attachments").get(0).get("url").asString();
    HttpResponse<byte[]> file = client().getBytes(url);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
  }

  @Test
  void theMigrationFindsForEarlierRevisionsWhatSavingRecords() throws IOException {
    String picture = upload("picture.svg");
    String sheet = upload("sheet.svg");
    ObjectNode lesson = Json.lesson(Json.uniqueSlug("uses-files"), "en");
    lesson.put(
        "markdown", lesson.get("markdown").asString() + "\n![p](/media/" + picture + "/p)\n");
    lesson.putArray("attachments").addObject().put("mediaId", sheet).put("name", "sheet");
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", lesson.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    String backfill = migrationInsert();
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              List<String> saved = db.sql(USES).query(String.class).list();
              assertThat(saved)
                  .anyMatch(use -> use.endsWith("/" + picture))
                  .anyMatch(use -> use.endsWith("/" + sheet))
                  .hasSizeGreaterThan(2);
              db.sql("DELETE FROM content_revision_media").update();
              db.sql(backfill).update();
              assertThat(db.sql(USES).query(String.class).list()).isEqualTo(saved);
              status.setRollbackOnly();
            });
  }

  private String upload(String name) {
    byte[] svg =
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + System.nanoTime() + "\"></svg>")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> stored = as("author").upload("/api/v1/media", "file", name, svg);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    return Json.read(stored).get("id").asString();
  }

  /** The statement of V10 that fills the table for the revisions saved before it. */
  private static String migrationInsert() throws IOException {
    String sql =
        new ClassPathResource("db/migration/V10__content_published_media.sql")
            .getContentAsString(StandardCharsets.UTF_8);
    return Arrays.stream(sql.replaceAll("(?m)^--.*$", "").split(";"))
        .map(String::strip)
        .filter(statement -> statement.startsWith("INSERT"))
        .findFirst()
        .orElseThrow();
  }
}
