package org.banyan.content;

import org.banyan.media.MediaUse;
import org.springframework.stereotype.Component;

/** Tells media which files the catalog's published revisions use. */
@Component
class PublishedMedia implements MediaUse {

  private final ContentStore store;

  PublishedMedia(ContentStore store) {
    this.store = store;
  }

  @Override
  public boolean isPublished(String mediaId) {
    return store.isMediaPublished(mediaId);
  }
}
