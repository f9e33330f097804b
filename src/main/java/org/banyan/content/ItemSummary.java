package org.banyan.content;

import java.time.OffsetDateTime;

/**
 * Where a content item stands, as authors and reviewers see it.
 *
 * @param revision the latest revision's number
 * @param publishedRevision the revision readers see; null when none is
 * @param publishedAt when that revision went live; null when none is
 * @param title the latest revision's title
 * @param latestAuthor who wrote the latest revision
 */
public record ItemSummary(
    long id,
    ContentType type,
    String lang,
    String slug,
    String translationGroup,
    Status status,
    int revision,
    Integer publishedRevision,
    OffsetDateTime publishedAt,
    String title,
    String latestAuthor,
    OffsetDateTime updatedAt) {

  public boolean isLive() {
    return publishedRevision != null && status != Status.ARCHIVED;
  }
}
