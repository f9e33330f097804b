package org.banyan.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.banyan.content.Markdown;
import org.banyan.content.PublishedItem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The comparison baseline: PostgreSQL full-text search over the same items, a tsvector with a GIN
 * index and ts_rank_cd; English through the english configuration, Chinese pre-split into
 * overlapping bigrams through the simple one; title weighted A, summary and objectives B, body D.
 * PostgreSQL-only SQL, so it lives here and not in the application's migrations.
 */
final class PostgresFullText {

  private final JdbcClient db;
  private final Markdown markdown = new Markdown();

  PostgresFullText(JdbcClient db) {
    this.db = db;
  }

  void create() {
    db.sql("DROP TABLE IF EXISTS fts_docs").update();
    db.sql(
            """
            CREATE TABLE fts_docs (
              id BIGSERIAL PRIMARY KEY, type TEXT, lang TEXT, slug TEXT, published BIGINT,
              doc_type TEXT, grades TEXT, tsv TSVECTOR)
            """)
        .update();
  }

  void index() {
    db.sql("CREATE INDEX fts_docs_tsv ON fts_docs USING GIN (tsv)").update();
    db.sql("ANALYZE fts_docs").update();
  }

  void add(PublishedItem item, Documents.Text text) {
    add(
        item.type().key(),
        item.lang(),
        item.slug(),
        item.publishedAt().toInstant().toEpochMilli(),
        text);
  }

  /** Adds many items in batches; answers how many. */
  int addAll(
      java.util.Iterator<PublishedItem> items,
      Documents documents,
      javax.sql.DataSource dataSource) {
    org.springframework.jdbc.core.JdbcTemplate jdbc =
        new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    String sql =
        "INSERT INTO fts_docs (type, lang, slug, published, grades, tsv) VALUES (?, ?, ?, ?, ?,"
            + " setweight(to_tsvector(CAST(? AS regconfig), ?), 'A') ||"
            + " setweight(to_tsvector(CAST(? AS regconfig), ?), 'B') ||"
            + " setweight(to_tsvector(CAST(? AS regconfig), ?), 'D'))";
    List<Object[]> batch = new ArrayList<>();
    int count = 0;
    while (items.hasNext()) {
      PublishedItem item = items.next();
      Documents.Text text = documents.text(item.content());
      boolean chinese = "zh-CN".equals(item.lang());
      String config = chinese ? "simple" : "english";
      String grades =
          item.content() instanceof org.banyan.content.LessonContent lesson
              ? ","
                  + lesson.grades().stream().map(String::valueOf).collect(Collectors.joining(","))
                  + ","
              : "";
      String summary = text.summary() + " " + text.objectives();
      batch.add(
          new Object[] {
            item.type().key(),
            item.lang(),
            item.slug(),
            item.publishedAt().toInstant().toEpochMilli(),
            grades,
            config,
            chinese ? bigrams(text.title()) : text.title(),
            config,
            chinese ? bigrams(summary) : summary,
            config,
            chinese ? bigrams(text.body()) : text.body()
          });
      count++;
      if (batch.size() == 1000) {
        jdbc.batchUpdate(sql, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      jdbc.batchUpdate(sql, batch);
    }
    return count;
  }

  void add(String type, String lang, String slug, long published, Documents.Text text) {
    boolean chinese = "zh-CN".equals(lang);
    String config = chinese ? "simple" : "english";
    db.sql(
            """
            INSERT INTO fts_docs (type, lang, slug, published, tsv) VALUES (:type, :lang, :slug, :published,
              setweight(to_tsvector(CAST(:config AS regconfig), :title), 'A') ||
              setweight(to_tsvector(CAST(:config AS regconfig), :summary), 'B') ||
              setweight(to_tsvector(CAST(:config AS regconfig), :objectives), 'B') ||
              setweight(to_tsvector(CAST(:config AS regconfig), :body), 'D'))
            """)
        .param("type", type)
        .param("lang", lang)
        .param("slug", slug)
        .param("published", published)
        .param("config", config)
        .param("title", chinese ? bigrams(text.title()) : text.title())
        .param("summary", chinese ? bigrams(text.summary()) : text.summary())
        .param("objectives", chinese ? bigrams(text.objectives()) : text.objectives())
        .param("body", chinese ? bigrams(text.body()) : text.body())
        .update();
  }

  /** The top ten keys ({@code type:lang:slug}) for a query, best first. */
  List<String> search(String text, int limit, String typeFilter) {
    return search(text, limit, typeFilter, null);
  }

  /** As {@link #search(String, int, String)}, only among items of {@code grade} when it is set. */
  List<String> search(String text, int limit, String typeFilter, String grade) {
    String bigrams = bigrams(text);
    String orBigrams =
        java.util.Arrays.stream(bigrams.split(" "))
            .filter(t -> !t.isBlank())
            .map(t -> t.replaceAll("[^\\p{L}\\p{N}]", ""))
            .filter(t -> !t.isBlank())
            .collect(Collectors.joining(" | "));
    String filter =
        (typeFilter == null ? "" : " AND type = :typeFilter")
            + (grade == null ? "" : " AND grades LIKE :grade");
    var query =
        db.sql(
                """
                WITH q AS (SELECT
                  CASE WHEN numnode(plainto_tsquery('english', :text)) = 0 THEN NULL
                       ELSE CAST(replace(CAST(plainto_tsquery('english', :text) AS text), '&', '|') AS tsquery) END AS en,
                  CASE WHEN :bigrams = '' THEN NULL ELSE to_tsquery('simple', :bigrams) END AS zh)
                SELECT type || ':' || lang || ':' || slug AS key,
                       ts_rank_cd(tsv, coalesce(q.en, q.zh) || coalesce(q.zh, q.en)) AS rank
                FROM fts_docs, q
                WHERE (q.en IS NOT NULL OR q.zh IS NOT NULL)
                  AND tsv @@ (coalesce(q.en, q.zh) || coalesce(q.zh, q.en))
                """
                    + filter
                    + " ORDER BY rank DESC LIMIT :limit")
            .param("text", text)
            .param("bigrams", orBigrams)
            .param("limit", limit);
    if (typeFilter != null) {
      query = query.param("typeFilter", typeFilter);
    }
    if (grade != null) {
      query = query.param("grade", "%," + grade + ",%");
    }
    return query.query((rs, row) -> rs.getString("key")).list();
  }

  /** Chinese text as overlapping two-character words; other words kept as they are. */
  static String bigrams(String text) {
    if (text == null) {
      return "";
    }
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        run.append(c);
      } else {
        flush(run, out);
        if (Character.isLetterOrDigit(c)) {
          int start = i;
          while (i < text.length()
              && Character.isLetterOrDigit(text.charAt(i))
              && Character.UnicodeScript.of(text.charAt(i)) != Character.UnicodeScript.HAN) {
            i++;
          }
          out.add(text.substring(start, i).toLowerCase(java.util.Locale.ROOT));
          i--;
        }
      }
    }
    flush(run, out);
    return String.join(" ", out);
  }

  private static void flush(StringBuilder run, List<String> out) {
    if (run.length() == 1) {
      out.add(run.toString());
    }
    for (int i = 0; i + 1 < run.length(); i++) {
      out.add(run.substring(i, i + 2));
    }
    run.setLength(0);
  }
}
