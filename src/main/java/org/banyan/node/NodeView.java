package org.banyan.node;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One node as the administrators' page and API show it.
 *
 * @param live whether it was seen within the last {@link Nodes#ALIVE}
 * @param lag how many journal entries its search index has still to apply
 * @param sharesBlobs whether it keeps uploaded files in the same store as this node
 */
public record NodeView(
    String id,
    String name,
    boolean self,
    boolean live,
    OffsetDateTime startedAt,
    OffsetDateTime seenAt,
    OffsetDateTime stoppedAt,
    String indexState,
    long indexPosition,
    long lag,
    int indexItems,
    String blobStore,
    boolean sharesBlobs,
    String version) {

  /** Seconds since the node last wrote its row, for the page. */
  public long secondsSinceSeen(OffsetDateTime now) {
    return Math.max(0, Duration.between(seenAt, now).toSeconds());
  }
}
