package org.banyan.content;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * How far this node's view of the catalog has got: the change-journal position its search index has
 * applied (the same number on every node that has applied as much), and how many repairs the drift
 * check made here. Anything derived from the whole catalog (a reader page lists related lessons and
 * translations) is current for one version and made again for the next.
 */
@NamedInterface("catalog")
@Component
public class CatalogVersion {

  private volatile long position = -1;
  private volatile long repairs;

  /** The journal has been applied up to {@code position}. */
  public void applied(long position) {
    if (position > this.position) {
      this.position = position;
    }
  }

  /** Something changed that the journal did not say (the drift check repaired it). */
  public synchronized void repaired() {
    repairs++;
  }

  /** The version as a word for a validator: {@code <position>.<repairs>}. */
  public String current() {
    return position + "." + repairs;
  }

  /** Whether the node has applied the journal at all yet (before, nothing is cached). */
  boolean known() {
    return position >= 0;
  }
}
