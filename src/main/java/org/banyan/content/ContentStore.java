package org.banyan.content;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of content items and their revisions. Every state change is a conditional update on the
 * state it expects, so two requests racing can never both win.
 */
@Repository
class ContentStore {

  record ItemRow(
      long id,
      ContentType type,
      String lang,
      String slug,
      String translationGroup,
      Status status,
      int latestRevision,
      Integer publishedRevision,
      OffsetDateTime publishedAt,
      LocalDate reviewBy,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  record RevisionRow(
      long itemId,
      int revision,
      String author,
      OffsetDateTime createdAt,
      String note,
      String title,
      String fields,
      String checksum) {}

  record ReviewRow(
      long id,
      long itemId,
      int revision,
      String reviewer,
      String decision,
      String comment,
      OffsetDateTime createdAt) {}

  private static final String ITEM =
      "SELECT id, type, lang, slug, translation_group, status, latest_revision, published_revision,"
          + " published_at, review_by, created_by, created_at, updated_at FROM content_items";
  private static final String REVISION =
      "SELECT item_id, revision, author, created_at, note, title, fields, checksum FROM content_revisions";

  private final JdbcClient db;

  ContentStore(JdbcClient db) {
    this.db = db;
  }

  Optional<ItemRow> item(long id) {
    return db.sql(ITEM + " WHERE id = :id").param("id", id).query(ItemRow.class).optional();
  }

  Optional<ItemRow> item(ContentType type, String lang, String slug) {
    return bySlug(ITEM + " WHERE type = :type AND lang = :lang AND slug = :slug", type, lang, slug)
        .query(ItemRow.class)
        .optional();
  }

  /** {@code sql} with its {@code :type}, {@code :lang} and {@code :slug} bound. */
  private JdbcClient.StatementSpec bySlug(String sql, ContentType type, String lang, String slug) {
    return db.sql(sql).param("type", type.name()).param("lang", lang).param("slug", slug);
  }

  List<ItemRow> items(ContentType type) {
    return db.sql(ITEM + " WHERE type = :type ORDER BY updated_at DESC, id DESC")
        .param("type", type.name())
        .query(ItemRow.class)
        .list();
  }

  List<ItemRow> allItems() {
    return db.sql(ITEM + " ORDER BY updated_at DESC, id DESC").query(ItemRow.class).list();
  }

  List<ItemRow> inReview() {
    return db.sql(ITEM + " WHERE status = 'IN_REVIEW' ORDER BY updated_at, id")
        .query(ItemRow.class)
        .list();
  }

  List<ItemRow> dueForReReview(LocalDate today) {
    return db.sql(
            ITEM
                + " WHERE published_revision IS NOT NULL AND status <> 'ARCHIVED'"
                + " AND review_by IS NOT NULL AND review_by < :today ORDER BY review_by, id")
        .param("today", today)
        .query(ItemRow.class)
        .list();
  }

  long insertItem(
      ContentType type,
      String lang,
      String slug,
      String translationGroup,
      String createdBy,
      OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    db.sql(
            """
            INSERT INTO content_items (type, lang, slug, translation_group, status, latest_revision,
                                       created_by, created_at, updated_at)
            VALUES (:type, :lang, :slug, :group, 'DRAFT', 1, :by, :now, :now)
            """)
        .param("type", type.name())
        .param("lang", lang)
        .param("slug", slug)
        .param("group", translationGroup)
        .param("by", createdBy)
        .param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void insertRevision(RevisionRow revision) {
    db.sql(
            """
            INSERT INTO content_revisions (item_id, revision, author, created_at, note, title, fields, checksum)
            VALUES (:item, :revision, :author, :at, :note, :title, :fields, :checksum)
            """)
        .param("item", revision.itemId())
        .param("revision", revision.revision())
        .param("author", revision.author())
        .param("at", revision.createdAt())
        .param("note", revision.note())
        .param("title", revision.title())
        .param("fields", revision.fields())
        .param("checksum", revision.checksum())
        .update();
  }

  /** Records which media files a revision uses; ids of no media file are left out. */
  void insertRevisionMedia(long itemId, int revision, Collection<String> mediaIds) {
    if (mediaIds.isEmpty()) {
      return;
    }
    db.sql(
            """
            INSERT INTO content_revision_media (item_id, revision, media_id)
            SELECT :item, :revision, id FROM media WHERE id IN (:ids)
            """)
        .param("item", itemId)
        .param("revision", revision)
        .param("ids", mediaIds)
        .update();
  }

  Optional<RevisionRow> revision(long itemId, int revision) {
    return db.sql(REVISION + " WHERE item_id = :item AND revision = :revision")
        .param("item", itemId)
        .param("revision", revision)
        .query(RevisionRow.class)
        .optional();
  }

  List<RevisionRow> revisions(long itemId) {
    return db.sql(REVISION + " WHERE item_id = :item ORDER BY revision DESC")
        .param("item", itemId)
        .query(RevisionRow.class)
        .list();
  }

  /**
   * Whether {@code author} wrote any revision up to {@code revision} since the last one that was
   * published (approved or imported), however it was archived since.
   */
  boolean wroteSincePublished(long itemId, int revision, String author) {
    return db.sql(
                """
                SELECT COUNT(*) FROM content_revisions
                WHERE item_id = :item AND revision <= :revision AND author = :author
                  AND revision > COALESCE((SELECT MAX(revision) FROM content_reviews
                                           WHERE item_id = :item
                                             AND decision IN ('APPROVED', 'IMPORTED')), 0)
                """)
            .param("item", itemId)
            .param("revision", revision)
            .param("author", author)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Moves the latest revision from {@code base} to {@code base + 1}, as a draft. */
  boolean advance(long id, int base, OffsetDateTime now) {
    return db.sql(
                """
                UPDATE content_items SET latest_revision = :next, status = 'DRAFT', updated_at = :now
                WHERE id = :id AND latest_revision = :base
                """)
            .param("next", base + 1)
            .param("now", now)
            .param("id", id)
            .param("base", base)
            .update()
        == 1;
  }

  boolean transition(long id, Status from, int latest, Status to, OffsetDateTime now) {
    return db.sql(
                """
                UPDATE content_items SET status = :to, updated_at = :now
                WHERE id = :id AND status = :from AND latest_revision = :latest
                """)
            .param("to", to.name())
            .param("now", now)
            .param("id", id)
            .param("from", from.name())
            .param("latest", latest)
            .update()
        == 1;
  }

  boolean publish(long id, int revision, LocalDate reviewBy, OffsetDateTime now) {
    return db.sql(
                """
                UPDATE content_items SET status = 'PUBLISHED', published_revision = :revision,
                       published_at = :now, review_by = :reviewBy, updated_at = :now
                WHERE id = :id AND status = 'IN_REVIEW' AND latest_revision = :revision
                """)
            .param("revision", revision)
            .param("now", now)
            .param("reviewBy", reviewBy)
            .param("id", id)
            .update()
        == 1;
  }

  /** Publishes revision {@code revision} straight away, as the importer does. */
  boolean publishImported(long id, int revision, LocalDate reviewBy, OffsetDateTime now) {
    return db.sql(
                """
                UPDATE content_items SET status = 'PUBLISHED', published_revision = :revision,
                       published_at = :now, review_by = :reviewBy, updated_at = :now
                WHERE id = :id AND latest_revision = :revision
                """)
            .param("revision", revision)
            .param("now", now)
            .param("reviewBy", reviewBy)
            .param("id", id)
            .update()
        == 1;
  }

  boolean archive(long id, OffsetDateTime now) {
    return db.sql(
                """
                UPDATE content_items SET status = 'ARCHIVED', published_revision = NULL,
                       published_at = NULL, review_by = NULL, updated_at = :now
                WHERE id = :id AND published_revision IS NOT NULL AND status <> 'ARCHIVED'
                """)
            .param("now", now)
            .param("id", id)
            .update()
        == 1;
  }

  void insertReview(
      long itemId,
      int revision,
      String reviewer,
      String decision,
      String comment,
      OffsetDateTime now) {
    db.sql(
            """
            INSERT INTO content_reviews (item_id, revision, reviewer, decision, comment, created_at)
            VALUES (:item, :revision, :reviewer, :decision, :comment, :now)
            """)
        .param("item", itemId)
        .param("revision", revision)
        .param("reviewer", reviewer)
        .param("decision", decision)
        .param("comment", comment)
        .param("now", now)
        .update();
  }

  List<ReviewRow> reviews(long itemId) {
    return db.sql(
            "SELECT id, item_id, revision, reviewer, decision, comment, created_at FROM content_reviews"
                + " WHERE item_id = :item ORDER BY id DESC")
        .param("item", itemId)
        .query(ReviewRow.class)
        .list();
  }
}
