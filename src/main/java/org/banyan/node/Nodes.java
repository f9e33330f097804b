package org.banyan.node;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.banyan.content.CatalogChanges;
import org.banyan.media.BlobStore;
import org.banyan.search.IndexFollower;
import org.banyan.search.IndexStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The nodes of this deployment, as each writes its own row in {@code cluster_nodes}: when it is
 * ready, every few seconds after (where its search index stands in the change journal), and when it
 * stops. A node that finds another live node keeping uploaded files elsewhere says so at start.
 */
@Service
public class Nodes {

  private static final Logger log = LoggerFactory.getLogger(Nodes.class);

  /** A node not seen for this long is shown as gone. */
  public static final Duration ALIVE = Duration.ofSeconds(30);

  private final JdbcClient db;
  private final NodeIdentity identity;
  private final IndexFollower index;
  private final CatalogChanges changes;
  private final BlobStore blobs;
  private final Clock clock;
  private final String version;
  private final OffsetDateTime startedAt;
  private volatile boolean ready;

  Nodes(
      JdbcClient db,
      NodeIdentity identity,
      IndexFollower index,
      CatalogChanges changes,
      BlobStore blobs,
      Clock clock,
      ObjectProvider<BuildProperties> build) {
    this.db = db;
    this.identity = identity;
    this.index = index;
    this.changes = changes;
    this.blobs = blobs;
    this.clock = clock;
    BuildProperties properties = build.getIfAvailable();
    this.version = properties == null ? null : properties.getVersion();
    this.startedAt = now();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** Writes this node's row once it serves, and warns about a blob store the others do not see. */
  @EventListener(ApplicationReadyEvent.class)
  public void ready() {
    ready = true;
    heartbeat();
    warnAboutBlobStore();
  }

  /** Where this node stands, every few seconds (on each node: it is that node's own row). */
  @Scheduled(
      fixedDelayString = "${banyan.node.heartbeat-interval:PT5S}",
      initialDelayString = "${banyan.node.heartbeat-interval:PT5S}")
  public void heartbeat() {
    if (!ready) {
      return;
    }
    IndexStatus status = index.refreshHead();
    OffsetDateTime now = now();
    int updated =
        db.sql(
                """
                UPDATE cluster_nodes SET name = :name, seen_at = :now, stopped_at = NULL,
                  index_position = :position, index_items = :items, index_state = :state,
                  blob_store = :blobs, version = :version
                WHERE id = :id
                """)
            .params(row(status, now))
            .update();
    if (updated == 0) {
      db.sql(
              """
              INSERT INTO cluster_nodes (id, name, started_at, seen_at, index_position,
                index_items, index_state, blob_store, version)
              VALUES (:id, :name, :started, :now, :position, :items, :state, :blobs, :version)
              """)
          .params(row(status, now))
          .update();
    } else {
      db.sql(
              "UPDATE cluster_nodes SET started_at = :started WHERE id = :id AND started_at < :started")
          .param("started", startedAt)
          .param("id", identity.id())
          .update();
    }
  }

  private java.util.Map<String, Object> row(IndexStatus status, OffsetDateTime now) {
    java.util.Map<String, Object> row = new java.util.HashMap<>();
    row.put("id", identity.id());
    row.put("name", identity.name());
    row.put("started", startedAt);
    row.put("now", now);
    row.put("position", status.position());
    row.put("items", status.items());
    row.put("state", status.state().name());
    row.put("blobs", blobs.identity());
    row.put("version", version);
    return row;
  }

  @EventListener(ContextClosedEvent.class)
  public void stopped() {
    if (!ready) {
      return;
    }
    ready = false;
    try {
      db.sql("UPDATE cluster_nodes SET stopped_at = :now WHERE id = :id")
          .param("now", now())
          .param("id", identity.id())
          .update();
    } catch (RuntimeException e) {
      log.warn("Could not record that this node stopped: {}", e.toString());
    }
  }

  void warnAboutBlobStore() {
    String mine = blobs.identity();
    for (NodeView other : list()) {
      if (!other.self() && other.live() && !other.sharesBlobs()) {
        log.warn(
            """

            *** Uploaded files are not shared with node {} ***
            This node keeps uploaded files in {} ({}), but node {} (seen {} s ago) keeps them in {}.
            A picture or worksheet uploaded through one node will be missing on the other.
            Several nodes need one store they all use: an S3 server (BANYAN_STORAGE_TYPE=minio and
            BANYAN_STORAGE_MINIO_*), or one folder every node mounts (BANYAN_STORAGE_FOLDER).
            """,
            other.name(),
            blobs.describe(),
            mine,
            other.name(),
            other.secondsSinceSeen(now()),
            other.blobStore());
      }
    }
  }

  /** Every node that has a row, live ones first, with its lag against the journal's head now. */
  public List<NodeView> list() {
    long head = changes.head();
    OffsetDateTime now = now();
    String mine = blobs.identity();
    return db
        .sql(
            """
            SELECT id, name, started_at, seen_at, stopped_at, index_position, index_items,
              index_state, blob_store, version
            FROM cluster_nodes ORDER BY name, id
            """)
        .query(
            (rs, n) -> {
              OffsetDateTime seen = rs.getObject("seen_at", OffsetDateTime.class);
              OffsetDateTime stopped = rs.getObject("stopped_at", OffsetDateTime.class);
              long position = rs.getLong("index_position");
              String id = rs.getString("id");
              return new NodeView(
                  id,
                  rs.getString("name"),
                  id.equals(identity.id()),
                  stopped == null && seen.isAfter(now.minus(ALIVE)),
                  rs.getObject("started_at", OffsetDateTime.class),
                  seen,
                  stopped,
                  rs.getString("index_state"),
                  position,
                  Math.max(0, head - position),
                  rs.getInt("index_items"),
                  rs.getString("blob_store"),
                  rs.getString("blob_store").equals(mine),
                  rs.getString("version"));
            })
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing((NodeView v) -> !v.live()))
        .toList();
  }

  /** Drops the rows of nodes stopped or unseen for longer than {@code age}. */
  int forgetOlderThan(Duration age) {
    return db.sql("DELETE FROM cluster_nodes WHERE seen_at < :before")
        .param("before", now().minus(age))
        .update();
  }
}
