package org.banyan.content;

import org.springframework.modulith.NamedInterface;

/**
 * One entry of the change journal: an item's place in the catalog changed (published, a new
 * revision, archived), or the taxonomy did. A follower reads the item's current state rather than
 * what the entry says, so applying an entry twice, or late, does no harm.
 *
 * @param position the entry's place in the journal, from 1, without gaps
 * @param itemId the item, for {@link Kind#ITEM}; null for {@link Kind#TAXONOMY}
 */
@NamedInterface("catalog")
public record CatalogChange(long position, Kind kind, Long itemId) {

  /** What changed. */
  @NamedInterface("catalog")
  public enum Kind {
    ITEM,
    TAXONOMY
  }
}
