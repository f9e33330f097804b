package org.banyan.content;

/**
 * Where an item's latest revision stands. {@code DRAFT → IN_REVIEW → PUBLISHED}, rejection back to
 * {@code DRAFT}, {@code PUBLISHED → ARCHIVED}. A published item whose author saves a new draft is
 * {@code DRAFT} again while readers keep seeing the published revision.
 */
public enum Status {
  DRAFT,
  IN_REVIEW,
  PUBLISHED,
  ARCHIVED
}
