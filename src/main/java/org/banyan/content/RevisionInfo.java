package org.banyan.content;

import java.time.OffsetDateTime;

/**
 * One saved revision.
 *
 * @param note what the author said of it; may be null
 */
public record RevisionInfo(
    int revision, String author, OffsetDateTime createdAt, String note, String title) {}
