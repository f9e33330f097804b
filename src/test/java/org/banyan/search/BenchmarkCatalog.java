package org.banyan.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.banyan.content.PublishedItem;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the benchmark's corpus in the app's own tables, each item published at its first revision,
 * so that a rebuild reads it from SQL as the admin action and a first start do. Rows go in by the
 * thousand; the content is written as the app writes it (its JSON).
 */
final class BenchmarkCatalog {

  private static final int BATCH = 1_000;

  private BenchmarkCatalog() {}

  static int publishAll(Iterator<PublishedItem> items, JsonMapper json, DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> revisions = new ArrayList<>();
    int count = 0;
    while (items.hasNext()) {
      PublishedItem item = items.next();
      Timestamp at = Timestamp.from(item.publishedAt().toInstant());
      String fields = json.writeValueAsString(item.content());
      rows.add(
          new Object[] {
            item.id(),
            item.type().name(),
            item.lang(),
            item.slug(),
            item.translationGroup(),
            item.revision(),
            item.revision(),
            at,
            at,
            at
          });
      revisions.add(
          new Object[] {
            item.id(), item.revision(), at, item.content().title(), fields, sha(fields)
          });
      count++;
      if (rows.size() == BATCH || !items.hasNext()) {
        jdbc.batchUpdate(
            "INSERT INTO content_items (id, type, lang, slug, translation_group, status,"
                + " latest_revision, published_revision, published_at, created_by, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, 'benchmark', ?, ?)",
            rows);
        jdbc.batchUpdate(
            "INSERT INTO content_revisions (item_id, revision, author, created_at, title, fields,"
                + " checksum) VALUES (?, ?, 'benchmark', ?, ?, ?, ?)",
            revisions);
        rows.clear();
        revisions.clear();
      }
    }
    jdbc.execute("ANALYZE content_items");
    jdbc.execute("ANALYZE content_revisions");
    return count;
  }

  private static String sha(String fields) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
