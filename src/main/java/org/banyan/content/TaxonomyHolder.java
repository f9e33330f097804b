package org.banyan.content;

import org.springframework.stereotype.Component;

/** The taxonomy read from {@code content/taxonomy.yml}, read again after each import. */
@Component
class TaxonomyHolder {

  private final ContentFolder folder;
  private volatile Taxonomy taxonomy;

  TaxonomyHolder(ContentFolder folder) {
    this.folder = folder;
    this.taxonomy = folder.taxonomy();
  }

  Taxonomy get() {
    return taxonomy;
  }

  void set(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  void reload() {
    this.taxonomy = folder.taxonomy();
  }
}
