package org.banyan.search;

import org.banyan.content.ContentArchived;
import org.banyan.content.ContentPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's own publishing: once the publishing transaction has committed, the index catches up
 * at once, so that whoever published finds it in the next search. The change journal is what
 * carries the change, here and on every other node; this only saves the wait for the journal watch.
 *
 * <p>The one listener between features that is not an {@code @ApplicationModuleListener}: those run
 * on another thread, and the request that published would answer before its own search could find
 * it. It runs on the publishing thread after commit instead; Spring Modulith's registry still keeps
 * each event until it has run, and a failure here only leaves the change to the journal watch.
 */
@Component
class PublishingListener {

  private static final Logger log = LoggerFactory.getLogger(PublishingListener.class);

  /** How long a publish waits for a rebuild or check under way before leaving it to the watch. */
  private static final long WAIT_MILLIS = 2_000;

  private final IndexFollower follower;
  private final JournalWatch watch;

  PublishingListener(IndexFollower follower, JournalWatch watch) {
    this.follower = follower;
    this.watch = watch;
  }

  @TransactionalEventListener
  void published(ContentPublished event) {
    catchUp();
  }

  @TransactionalEventListener
  void archived(ContentArchived event) {
    catchUp();
  }

  private void catchUp() {
    try {
      if (!follower.catchUpUnlessBusy(WAIT_MILLIS)) {
        watch.wake();
      }
    } catch (RuntimeException e) {
      log.warn("Could not apply the change journal at once; the watch retries", e);
      watch.wake();
    }
  }
}
