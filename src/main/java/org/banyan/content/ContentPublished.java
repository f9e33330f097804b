package org.banyan.content;

import org.springframework.modulith.NamedInterface;

/**
 * An item's revision went live. Published inside the transaction that made it live, and kept by
 * Spring Modulith's event publication registry, so a listener hears of it once that transaction
 * committed, and again after a failure, never for a change that was rolled back. It names the item
 * rather than carrying it: the registry stores it as JSON, and a listener reads what is current.
 */
@NamedInterface("events")
public record ContentPublished(long id, ContentType type, String lang, String slug, int revision) {

  static ContentPublished of(PublishedItem item) {
    return new ContentPublished(item.id(), item.type(), item.lang(), item.slug(), item.revision());
  }
}
