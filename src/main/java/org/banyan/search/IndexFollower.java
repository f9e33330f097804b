package org.banyan.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.banyan.content.Catalog;
import org.banyan.content.CatalogChange;
import org.banyan.content.CatalogChanges;
import org.banyan.content.CatalogVersion;
import org.banyan.content.PublishedListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's search index and suggestions in step with the change journal that publishing
 * and archiving write on any node. On start it applies what it missed, or rebuilds from SQL when it
 * has no usable index or missed more than the journal keeps; after that it applies new entries when
 * woken ({@link JournalWatch}), and a periodic check compares the whole index with the catalog. One
 * thing at a time: catching up, rebuilding and checking never overlap on a node.
 */
public final class IndexFollower {

  private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

  /** Entries read per query while catching up. */
  static final int BATCH = 500;

  private final SearchIndex index;
  private final Suggestions suggestions;
  private final Catalog catalog;
  private final CatalogChanges changes;
  private final CatalogVersion version;

  /** Held while catching up, rebuilding or checking: one at a time on a node. */
  private final ReentrantLock lock = new ReentrantLock();

  private volatile IndexStatus.State state = IndexStatus.State.STARTING;
  private volatile boolean notified;
  private volatile boolean closed;
  private volatile long head;

  IndexFollower(
      SearchIndex index,
      Suggestions suggestions,
      Catalog catalog,
      CatalogChanges changes,
      CatalogVersion version) {
    this.index = index;
    this.version = version;
    this.suggestions = suggestions;
    this.catalog = catalog;
    this.changes = changes;
  }

  /** Brings the index up to date when the node starts: catch up from its position, or rebuild. */
  void start() {
    lock.lock();
    try {
      long started = System.nanoTime();
      head = changes.head();
      String rebuildBecause = rebuildReason(index.position(), changes.firstKept(), head);
      if (rebuildBecause != null) {
        log.info("Rebuilding the search index: {}", rebuildBecause);
        int count = rebuild();
        log.info(
            "Built the search index: {} items in {} ms, at journal position {}",
            count,
            (System.nanoTime() - started) / 1_000_000,
            index.position());
        return;
      }
      long from = index.position();
      List<PublishedListing> live = catalog.listings();
      suggestions.rebuild(() -> live, catalog.taxonomy());
      state = IndexStatus.State.FOLLOWING;
      int applied = catchUp();
      log.info(
          "Search index caught up from journal position {} to {}: {} entries in {} ms",
          from,
          index.position(),
          applied,
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      lock.unlock();
    }
  }

  /** Why an index at {@code position} must be rebuilt, or null when it can catch up. */
  String rebuildReason(long position, long firstKept, long head) {
    if (index.needsRebuild()) {
      return "there is no usable index";
    }
    if (position == SearchIndex.UNKNOWN_POSITION) {
      return "the index does not say how far it followed the change journal";
    }
    if (position > head) {
      return "the index is ahead of the change journal (position "
          + position
          + ", journal at "
          + head
          + "): it was made on another database";
    }
    if (position < firstKept - 1) {
      return "the index is at journal position "
          + position
          + " but the journal keeps entries from "
          + firstKept
          + " only";
    }
    return null;
  }

  /**
   * Rebuilds the whole index from SQL, and the suggestions with it, then applies what was written
   * meanwhile. Answers how many items were indexed.
   */
  public int rebuild() {
    lock.lock();
    try {
      IndexStatus.State before = state;
      state = IndexStatus.State.REBUILDING;
      try {
        // Entries up to here are in what the rebuild reads; any later one is applied after it.
        long at = changes.head();
        int count = index.rebuild(catalog::eachPublished);
        index.position(at);
        index.commit();
        suggestions.rebuild(catalog::listings, catalog.taxonomy());
        state = IndexStatus.State.FOLLOWING;
        catchUp();
        return count;
      } catch (RuntimeException e) {
        state = before;
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies every journal entry after the index's position, in order, and makes the result
   * searchable. Answers how many entries were applied. A failure leaves the position at the last
   * entry applied, so the next call starts again from there.
   */
  public int catchUp() {
    lock.lock();
    try {
      if (state == IndexStatus.State.STARTING || closed) {
        // Before start (the first import on an empty database): start reads what is there.
        // After close: the index is closing under it.
        return 0;
      }
      int applied = 0;
      while (!closed) {
        long position = index.position();
        List<CatalogChange> batch = changes.after(position, BATCH);
        head =
            Math.max(
                head, batch.isEmpty() ? changes.head() : batch.get(batch.size() - 1).position());
        if (batch.isEmpty()) {
          break;
        }
        if (batch.get(0).position() > position + 1) {
          log.warn(
              "The change journal no longer holds the entries after position {}: rebuilding",
              position);
          rebuild();
          return applied + batch.size();
        }
        Set<Long> items = new LinkedHashSet<>();
        boolean taxonomy = false;
        for (CatalogChange change : batch) {
          switch (change.kind()) {
            case ITEM -> items.add(change.itemId());
            case TAXONOMY -> taxonomy = true;
          }
        }
        if (taxonomy) {
          catalog.reloadTaxonomy();
        }
        // An item changed twice in the batch is read once, as it is now.
        List<PublishedListing> suggested = new ArrayList<>();
        List<Long> unsuggested = new ArrayList<>();
        for (long id : items) {
          apply(id, suggested, unsuggested);
        }
        suggestions.update(suggested, unsuggested);
        if (taxonomy) {
          suggestions.rebuild(catalog::listings, catalog.taxonomy());
        }
        index.position(batch.get(batch.size() - 1).position());
        applied += batch.size();
      }
      if (applied > 0) {
        index.refreshNow();
      }
      version.applied(index.position());
      return applied;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Catches up unless the index is busy (a rebuild or a check) for longer than {@code waitMillis};
   * then the {@link JournalWatch} applies the entries when it is free. Answers whether it caught
   * up.
   */
  boolean catchUpUnlessBusy(long waitMillis) {
    try {
      if (!lock.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      catchUp();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Puts item {@code id} in the index as the catalog has it now, or takes it out. A failure to read
   * the catalog stops the catch-up (it is tried again from the same entry); an item that cannot be
   * indexed is logged and left to the drift check, so that one bad item never holds back every
   * change after it, on every node.
   */
  private void apply(long id, List<PublishedListing> suggested, List<Long> unsuggested) {
    catalog
        .published(id)
        .ifPresentOrElse(
            item -> {
              try {
                index.put(item);
                suggested.add(item.listing());
              } catch (RuntimeException e) {
                log.error("Could not index item {}; the drift check tries it again", id, e);
              }
            },
            () -> {
              index.remove(id);
              unsuggested.add(id);
            });
  }

  /**
   * Compares the whole index with the catalog and repairs what differs: a safety net under the
   * journal. Answers how many items it brought up to date.
   */
  public int checkDrift() {
    lock.lock();
    try {
      catchUp();
      int changed = index.reconcile(catalog.listings(), catalog::published);
      if (changed > 0) {
        log.warn("The search index differed from the catalog in {} items; repaired", changed);
        version.repaired();
        suggestions.rebuild(catalog::listings, catalog.taxonomy());
      }
      return changed;
    } finally {
      lock.unlock();
    }
  }

  /** Where the index stands; the head is the last one seen, refreshed by {@link #refreshHead}. */
  public IndexStatus status() {
    return new IndexStatus(
        state, index.position(), Math.max(head, index.position()), index.count(), notified);
  }

  /**
   * Stops following, once a catch-up under way has finished its batch: the index and the
   * suggestions close after this.
   */
  void close() {
    closed = true;
    lock.lock();
    lock.unlock();
  }

  /** Whether the journal wakes this node when it changes (else it polls), as the watch says. */
  void notified(boolean notified) {
    this.notified = notified;
  }

  /** Reads the journal's head again, for the lag a status reports. */
  public IndexStatus refreshHead() {
    head = changes.head();
    return status();
  }
}
