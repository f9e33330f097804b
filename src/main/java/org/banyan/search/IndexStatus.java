package org.banyan.search;

/**
 * Where this node's search index stands against the change journal.
 *
 * @param state {@code STARTING} before the first catch-up or rebuild, {@code REBUILDING} while it
 *     is rebuilt from SQL, {@code FOLLOWING} after
 * @param position the last journal entry the index has applied
 * @param head the last journal entry written, when the node last looked
 * @param items how many items the index holds
 * @param notified whether PostgreSQL wakes the node when the journal changes; without it the node
 *     polls, and follows up to one poll interval late
 */
public record IndexStatus(State state, long position, long head, int items, boolean notified) {

  /** How many journal entries the index has still to apply. */
  public long lag() {
    return Math.max(0, head - position);
  }

  /** The index's state. */
  public enum State {
    STARTING,
    REBUILDING,
    FOLLOWING
  }
}
