package org.banyan.content;

import org.banyan.media.MediaLibrary;
import org.springframework.stereotype.Component;

/** What the content rules look up: the taxonomy, lessons in the store, uploaded media. */
@Component
class ContentLookups implements ContentRules.Lookups {

  private final ContentStore store;
  private final MediaLibrary media;
  private final TaxonomyHolder taxonomy;

  ContentLookups(ContentStore store, MediaLibrary media, TaxonomyHolder taxonomy) {
    this.store = store;
    this.media = media;
    this.taxonomy = taxonomy;
  }

  @Override
  public Taxonomy taxonomy() {
    return taxonomy.get();
  }

  @Override
  public boolean lessonExists(String lang, String slug) {
    return slug != null && store.item(ContentType.LESSON, lang, slug).isPresent();
  }

  @Override
  public boolean mediaExists(String mediaId) {
    return media.find(mediaId).isPresent();
  }
}
