package org.banyan.content;

import org.banyan.media.MediaUse;
import org.springframework.stereotype.Component;

/** Tells media which files the catalog's published revisions use. */
@Component
class PublishedMedia implements MediaUse {

  private final PublishedStore store;

  PublishedMedia(PublishedStore store) {
    this.store = store;
  }

  @Override
  public boolean isPublished(String mediaId) {
    return store.isMediaPublished(mediaId);
  }
}
