package org.banyan.content;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The taxonomy of the last import, kept in the database so that every node reads the same one;
 * before any import, the one in {@code content/taxonomy.yml}. Each node keeps it in memory and
 * reads it again when the change journal says it changed.
 */
@Component
class TaxonomyHolder {

  private final ContentFolder folder;
  private final JdbcClient db;
  private final CatalogChanges changes;
  private final Clock clock;
  private volatile Taxonomy taxonomy;

  TaxonomyHolder(ContentFolder folder, JdbcClient db, CatalogChanges changes, Clock clock) {
    this.folder = folder;
    this.db = db;
    this.changes = changes;
    this.clock = clock;
    reload();
  }

  Taxonomy get() {
    return taxonomy;
  }

  /** Keeps {@code yaml} as the taxonomy of every node; the others read it from the journal. */
  @Transactional
  void set(String yaml) {
    Taxonomy parsed = ContentFolder.parseTaxonomy(yaml);
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    if (db.sql("UPDATE content_taxonomy SET yaml = :yaml, updated_at = :now WHERE id = 1")
            .param("yaml", yaml)
            .param("now", now)
            .update()
        == 0) {
      db.sql("INSERT INTO content_taxonomy (id, yaml, updated_at) VALUES (1, :yaml, :now)")
          .param("yaml", yaml)
          .param("now", now)
          .update();
    }
    changes.taxonomyChanged();
    this.taxonomy = parsed;
  }

  /** Reads the taxonomy again: the stored one, else the folder's. */
  void reload() {
    Optional<String> stored =
        db.sql("SELECT yaml FROM content_taxonomy WHERE id = 1").query(String.class).optional();
    this.taxonomy = stored.map(ContentFolder::parseTaxonomy).orElseGet(folder::taxonomy);
  }
}
