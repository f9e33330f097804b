package org.banyan.content;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What readers see: the published revision of each live item. */
@NamedInterface("catalog")
@Service
public class Catalog {

  private final PublishedStore published;
  private final ContentStore store;
  private final ContentCodec codec;
  private final TaxonomyHolder taxonomy;

  Catalog(
      PublishedStore published, ContentStore store, ContentCodec codec, TaxonomyHolder taxonomy) {
    this.published = published;
    this.store = store;
    this.codec = codec;
    this.taxonomy = taxonomy;
  }

  /** The published revision of an item, if it is live. */
  public Optional<PublishedItem> find(ContentType type, String lang, String slug) {
    return published.published(type, lang, slug).map(this::item);
  }

  /**
   * A revision that a class or an enrolment follows: the one live when they began, kept as it was
   * (revisions never change) after newer ones are published.
   *
   * @throws ContentNotFound when there is no such item of {@code type} or no such revision
   */
  public Content revision(ContentType type, long id, int revision) {
    store
        .item(id)
        .filter(item -> item.type() == type)
        .orElseThrow(() -> ContentNotFound.forId(type, id));
    return store
        .revision(id, revision)
        .map(r -> codec.read(type, r.fields()))
        .orElseThrow(() -> ContentNotFound.forRevision(id, revision));
  }

  /** The live items of a type and language among {@code slugs}, by slug; one query for all. */
  public java.util.Map<String, PublishedItem> find(
      ContentType type, String lang, java.util.Collection<String> slugs) {
    java.util.Map<String, PublishedItem> found = new java.util.HashMap<>();
    for (PublishedStore.PublishedRow row : published.published(type, lang, slugs)) {
      found.put(row.slug(), item(row));
    }
    return found;
  }

  public PublishedItem get(ContentType type, String lang, String slug) {
    return find(type, lang, slug).orElseThrow(() -> ContentNotFound.forSlug(type, lang, slug));
  }

  /** The published revision of an item by id, if it is live. */
  public Optional<PublishedItem> published(long id) {
    return published.published(id).map(this::item);
  }

  /**
   * Hands every live item to {@code each} in turn, read from the database a few at a time: what a
   * rebuild of the search index reads, however large the catalog. One read-only transaction, so the
   * items are those of one moment.
   */
  @Transactional(readOnly = true)
  public void eachPublished(Consumer<PublishedItem> each) {
    published.eachPublished(row -> each.accept(item(row)));
  }

  /** Every live item's published revision and title, in id order, without its content. */
  public List<PublishedListing> listings() {
    return published.publishedListings();
  }

  /**
   * Every live item, all in memory: for what needs them all at once. A whole catalog is better read
   * with {@link #eachPublished}.
   */
  public List<PublishedItem> all() {
    return published.published().stream().map(this::item).toList();
  }

  /** Every live item of a type in a language, by title. */
  public List<PublishedItem> all(ContentType type, String lang) {
    return published.published(type, lang).stream()
        .map(this::item)
        .sorted(java.util.Comparator.comparing(i -> i.content().title()))
        .toList();
  }

  /** The live translations of an item, in other languages. */
  public List<PublishedItem> translations(PublishedItem item) {
    return published.publishedGroup(item.type(), item.translationGroup()).stream()
        .filter(row -> row.id() != item.id())
        .map(this::item)
        .toList();
  }

  public Taxonomy taxonomy() {
    return taxonomy.get();
  }

  /** Reads the taxonomy again, when the change journal says another node imported a new one. */
  public void reloadTaxonomy() {
    taxonomy.reload();
  }

  private PublishedItem item(PublishedStore.PublishedRow row) {
    return new PublishedItem(
        row.id(),
        row.type(),
        row.lang(),
        row.slug(),
        row.translationGroup(),
        row.publishedRevision(),
        row.publishedAt(),
        codec.read(row.type(), row.fields()));
  }
}
