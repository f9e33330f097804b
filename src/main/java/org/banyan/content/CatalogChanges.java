package org.banyan.content;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change journal every node follows (table {@code content_changes}): publishing and archiving
 * write an entry in their own transaction; each node reads the entries after the last one it
 * applied. On PostgreSQL the entry also sends a notification on {@link #CHANNEL}, delivered to the
 * listening nodes when the transaction commits.
 */
@NamedInterface("catalog")
@Component
public class CatalogChanges {

  /** The PostgreSQL notification channel; its payload is the entry's position. */
  public static final String CHANNEL = "banyan_catalog_changes";

  private final JdbcClient db;
  private final Clock clock;
  private final boolean postgres;

  CatalogChanges(JdbcClient db, DataSource dataSource, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.postgres = isPostgres(dataSource);
  }

  static boolean isPostgres(DataSource dataSource) {
    try {
      String product =
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return "PostgreSQL".equalsIgnoreCase(product);
    } catch (MetaDataAccessException e) {
      return false;
    }
  }

  /** Whether the journal lives on PostgreSQL, and so can wake its followers with notifications. */
  public boolean notifies() {
    return postgres;
  }

  /** Records that item {@code id} changed; part of the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  void itemChanged(long id) {
    append(CatalogChange.Kind.ITEM, id);
  }

  /** Records that the taxonomy changed; part of the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  void taxonomyChanged() {
    append(CatalogChange.Kind.TAXONOMY, null);
  }

  private void append(CatalogChange.Kind kind, Long itemId) {
    // Taking the next position locks the head row until this transaction ends: a later entry
    // cannot be written, let alone seen, before this one commits or rolls back.
    db.sql("UPDATE content_change_head SET seq = seq + 1 WHERE id = 1").update();
    long position =
        db.sql("SELECT seq FROM content_change_head WHERE id = 1").query(Long.class).single();
    db.sql(
            "INSERT INTO content_changes (seq, kind, item_id, recorded_at)"
                + " VALUES (:seq, :kind, :item, :now)")
        .param("seq", position)
        .param("kind", kind.name())
        .param("item", itemId)
        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .update();
    if (postgres) {
      db.sql("SELECT pg_notify(:channel, :payload)")
          .param("channel", CHANNEL)
          .param("payload", Long.toString(position))
          .query((rs, n) -> n)
          .list();
    }
  }

  /** The position of the last entry written, 0 when there is none. */
  public long head() {
    return db.sql("SELECT seq FROM content_change_head WHERE id = 1").query(Long.class).single();
  }

  /**
   * The first position still kept: entries before it were dropped for age. A follower at a position
   * below {@code firstKept() - 1} has missed entries and must rebuild.
   */
  public long firstKept() {
    long first =
        db.sql("SELECT coalesce(min(seq), -1) FROM content_changes").query(Long.class).single();
    return first < 0 ? head() + 1 : first;
  }

  /** Up to {@code limit} entries after {@code position}, in order. */
  public List<CatalogChange> after(long position, int limit) {
    return db.sql(
            "SELECT seq, kind, item_id FROM content_changes WHERE seq > :position"
                + " ORDER BY seq LIMIT :limit")
        .param("position", position)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              long item = rs.getLong("item_id");
              Long itemId = rs.wasNull() ? null : item;
              return new CatalogChange(
                  rs.getLong("seq"), CatalogChange.Kind.valueOf(rs.getString("kind")), itemId);
            })
        .list();
  }

  /**
   * Drops the entries recorded before {@code before}, always keeping the last one, so that the
   * journal's first kept position says how far back it reaches. Answers how many went.
   */
  public int dropRecordedBefore(Instant before) {
    return db.sql(
            "DELETE FROM content_changes WHERE recorded_at < :before"
                + " AND seq < (SELECT seq FROM content_change_head WHERE id = 1)")
        .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
        .update();
  }
}
