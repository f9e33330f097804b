package org.banyan.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.banyan.content.CatalogChanges;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes this node's {@link IndexFollower} when any node writes to the change journal: on PostgreSQL
 * by {@code LISTEN}ing on a connection of its own, which the database wakes when the writing
 * transaction commits; and in any case every {@code poll} interval, so that a lost connection or
 * notification delays an update by one interval at most. On one node with the embedded database,
 * the node's own publishing wakes it ({@link #wake}).
 */
final class JournalWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JournalWatch.class);

  private final IndexFollower follower;
  private final CatalogChanges changes;
  private final String url;
  private final Properties credentials;
  private final Duration poll;
  private final Thread thread;
  private final Object signal = new Object();

  private volatile boolean closed;
  private volatile Connection listening;
  private boolean woken;
  private boolean failing;

  JournalWatch(
      IndexFollower follower,
      CatalogChanges changes,
      String url,
      String user,
      String password,
      Duration poll) {
    this.follower = follower;
    this.changes = changes;
    this.url = url;
    this.credentials = new Properties();
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    this.poll = poll;
    this.thread = new Thread(this::run, "journal-watch");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Has the follower look at the journal now (after this node wrote to it). */
  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void run() {
    while (!closed) {
      if (changes.notifies()) {
        listen();
      }
      if (!closed) {
        // No notifications (the embedded database, or the listening connection was lost): poll.
        catchUp();
        pause();
      }
    }
  }

  /** Listens until the connection fails or the watch closes. */
  private void listen() {
    try (Connection connection = DriverManager.getConnection(url, credentials)) {
      listening = connection;
      try (Statement statement = connection.createStatement()) {
        statement.execute("LISTEN " + CatalogChanges.CHANNEL);
      }
      PGConnection notifications = connection.unwrap(PGConnection.class);
      follower.notified(true);
      // Whatever was written before the LISTEN took effect.
      catchUp();
      while (!closed) {
        // Returns when a notification arrives, or after one poll interval without any.
        notifications.getNotifications((int) poll.toMillis());
        catchUp();
      }
    } catch (SQLException | RuntimeException e) {
      if (!closed) {
        log.warn(
            "Not listening for change journal notifications ({}); polling every {} s until it can",
            e.toString(),
            poll.toSeconds());
      }
    } finally {
      listening = null;
      follower.notified(false);
    }
  }

  private void pause() {
    synchronized (signal) {
      if (!woken && !closed) {
        try {
          signal.wait(poll.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          closed = true;
        }
      }
      woken = false;
    }
  }

  private void catchUp() {
    try {
      follower.catchUp();
      if (failing) {
        log.info("The search index follows the change journal again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        log.warn("Could not apply the change journal to the search index; retrying", e);
        failing = true;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    Connection connection = listening;
    if (connection != null) {
      try {
        // Ends a wait for notifications under way.
        connection.close();
      } catch (SQLException e) {
        // Closing anyway.
      }
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
