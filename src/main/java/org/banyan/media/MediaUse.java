package org.banyan.media;

/**
 * Whether a file is used by something published: the published revision of a live lesson, course or
 * training module. The content feature answers, so that media does not depend on it; where nothing
 * answers, no file counts as published.
 */
public interface MediaUse {

  /** Whether the published revision of a live item uses the file {@code mediaId}. */
  boolean isPublished(String mediaId);
}
