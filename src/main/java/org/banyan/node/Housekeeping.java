package org.banyan.node;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.banyan.content.CatalogChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The deployment's scheduled work, each job once across the nodes (a ShedLock lock per job, held at
 * least most of its interval so that a node whose schedule is shifted does not run it again).
 */
@Component
class Housekeeping {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final CatalogChanges changes;
  private final JdbcIndexedSessionRepository sessions;
  private final FailedEventPublications failed;
  private final CompletedEventPublications completed;
  private final Nodes nodes;
  private final Clock clock;
  private final Duration journalRetention;

  Housekeeping(
      CatalogChanges changes,
      JdbcIndexedSessionRepository sessions,
      FailedEventPublications failed,
      CompletedEventPublications completed,
      Nodes nodes,
      Clock clock,
      @Value("${banyan.journal.retention:P7D}") Duration journalRetention) {
    this.changes = changes;
    this.sessions = sessions;
    this.failed = failed;
    this.completed = completed;
    this.nodes = nodes;
    this.clock = clock;
    this.journalRetention = journalRetention;
  }

  /**
   * Drops change-journal entries older than {@code banyan.journal.retention}: a node stopped for
   * longer rebuilds its index from SQL when it starts.
   */
  @Scheduled(cron = "0 7 * * * *")
  @SchedulerLock(name = "journal-retention", lockAtLeastFor = "PT50M", lockAtMostFor = "PT55M")
  void dropOldJournalEntries() {
    int dropped = changes.dropRecordedBefore(clock.instant().minus(journalRetention));
    if (dropped > 0) {
      log.info("Dropped {} change-journal entries older than {}", dropped, journalRetention);
    }
  }

  /** Deletes expired page sessions (in place of Spring Session's own job, which every node ran). */
  @Scheduled(cron = "30 * * * * *")
  @SchedulerLock(name = "expired-sessions", lockAtLeastFor = "PT50S")
  void deleteExpiredSessions() {
    sessions.cleanUpExpiredSessions();
  }

  /**
   * Runs again the events between features whose listener failed, or whose node stopped before it
   * finished (marked failed once stale).
   */
  @Scheduled(
      fixedDelayString = "${banyan.events.resubmit-interval:PT1M}",
      initialDelayString = "${banyan.events.resubmit-interval:PT1M}")
  @SchedulerLock(name = "resubmit-events", lockAtLeastFor = "PT5S")
  void resubmitFailedEvents() {
    failed.resubmit(ResubmissionOptions.defaults());
  }

  /** Forgets events handled more than a week ago, and nodes gone for a day. */
  @Scheduled(cron = "0 17 3 * * *")
  @SchedulerLock(name = "daily-cleanup", lockAtLeastFor = "PT1H", lockAtMostFor = "PT2H")
  void daily() {
    completed.deletePublicationsOlderThan(Duration.ofDays(7));
    int forgotten = nodes.forgetOlderThan(Duration.ofDays(1));
    if (forgotten > 0) {
      log.info("Forgot {} nodes not seen for a day", forgotten);
    }
  }
}
