package org.banyan.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in throttling, kept in the database so that every app node sees the same counts. A sign-in
 * is counted against three keys: its username from its address ({@value #PAIR_FAILURES} failures in
 * the window), its username from anywhere ({@value #USER_FAILURES}), and its address for any
 * username ({@value #ADDRESS_FAILURES}). A key that reaches its limit is refused for the lock time,
 * even with the right password.
 *
 * <p>A sign-in takes a slot in each key <em>before</em> its password is checked, by one conditional
 * update per key, so parallel guesses never get more checks than the limit. A sign-in that finds
 * every slot of a key taken by sign-ins still being checked, and the key not locked, waits up to
 * {@link #WAIT_FOR_SLOT} for one to be given back: parallel API calls with the right password (each
 * HTTP Basic request is a sign-in) queue instead of being refused. A flood of wrong passwords from
 * one address locks that address and that pair, not the username for people signing in from
 * elsewhere (it would take {@value #USER_FAILURES} failures from at least four addresses). Unknown
 * usernames are counted and locked just like real ones, so the answers never tell whether an
 * account exists.
 */
@Component
class LoginThrottle {

  static final int PAIR_FAILURES = 5;
  static final int USER_FAILURES = 20;
  static final int ADDRESS_FAILURES = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);
  static final Duration WAIT_FOR_SLOT = Duration.ofSeconds(3);
  private static final long RETRY_MILLIS = 25;

  /** The keys a sign-in holds a slot in, until its outcome is recorded. */
  record Attempt(String pairKey, String userKey, String addressKey) {

    List<String> keysInLockOrder() {
      return List.of(addressKey, pairKey, userKey).stream().sorted().toList();
    }

    int limitOf(String key) {
      return key.equals(pairKey)
          ? PAIR_FAILURES
          : key.equals(userKey) ? USER_FAILURES : ADDRESS_FAILURES;
    }
  }

  /** Every slot of a key is held by sign-ins being checked; the key is not locked. */
  private static final class SlotsBusy extends RuntimeException {
    SlotsBusy() {
      super(null, null, false, false);
    }
  }

  private final JdbcClient db;
  private final Clock clock;
  private final TransactionTemplate transactions;

  LoginThrottle(JdbcClient db, Clock clock, PlatformTransactionManager transactions) {
    this.db = db;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactions);
  }

  /**
   * Takes a slot for one sign-in in each of its keys, waiting a little while all of a key's slots
   * are held by sign-ins still being checked.
   *
   * @throws LoginThrottled when any key is locked, or its slots stay taken for {@link
   *     #WAIT_FOR_SLOT}; then none is taken
   */
  Attempt begin(String username, String address) {
    String user = key(username);
    String from = address == null || address.isBlank() ? "unknown" : clip(address, 64);
    Attempt attempt = new Attempt("pair:" + user + "@" + from, "user:" + user, "addr:" + from);
    long giveUpAt = System.nanoTime() + WAIT_FOR_SLOT.toNanos();
    while (true) {
      try {
        transactions.executeWithoutResult(status -> take(attempt));
        return attempt;
      } catch (SlotsBusy busy) {
        if (System.nanoTime() >= giveUpAt) {
          throw new LoginThrottled();
        }
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new LoginThrottled();
        }
      }
    }
  }

  /** One try at every key, in one transaction: all slots are taken, or none. */
  private void take(Attempt attempt) {
    OffsetDateTime now = now();
    for (String key : attempt.keysInLockOrder()) {
      db.sql(
              """
              INSERT INTO login_counters (throttle_key, failures, window_start)
              VALUES (:k, 0, :now) ON CONFLICT DO NOTHING
              """)
          .param("k", key)
          .param("now", now)
          .update();
      int taken =
          db.sql(
                  """
                  UPDATE login_counters
                  SET failures = CASE WHEN window_start <= :since THEN 1 ELSE failures + 1 END,
                      window_start = CASE WHEN window_start <= :since THEN :now ELSE window_start END
                  WHERE throttle_key = :k
                    AND (locked_until IS NULL OR locked_until <= :now)
                    AND (window_start <= :since OR failures < :max)
                  """)
              .param("k", key)
              .param("now", now)
              .param("since", now.minus(WINDOW))
              .param("max", attempt.limitOf(key))
              .update();
      if (taken == 0) {
        boolean locked =
            db.sql(
                        """
                    SELECT count(*) FROM login_counters
                    WHERE throttle_key = :k AND locked_until > :now
                    """)
                    .param("k", key)
                    .param("now", now)
                    .query(Long.class)
                    .single()
                > 0;
        throw locked ? new LoginThrottled() : new SlotsBusy();
      }
    }
  }

  /**
   * The password was wrong: the slots stay counted, and a key at its limit is locked. Keys whose
   * window and lock are both over are dropped, so that guessing random names leaves nothing behind.
   */
  @Transactional
  void failed(Attempt attempt) {
    OffsetDateTime now = now();
    db.sql(
            """
            DELETE FROM login_counters
            WHERE window_start <= :since AND (locked_until IS NULL OR locked_until <= :now)
            """)
        .param("since", now.minus(WINDOW))
        .param("now", now)
        .update();
    for (String key : attempt.keysInLockOrder()) {
      db.sql(
              """
              UPDATE login_counters SET locked_until = :until, failures = 0, window_start = :now
              WHERE throttle_key = :k AND failures >= :max
              """)
          .param("until", now.plus(LOCK))
          .param("now", now)
          .param("k", key)
          .param("max", attempt.limitOf(key))
          .update();
    }
  }

  /** The password was right: the username's counts start again, the address gives its slot back. */
  @Transactional
  void succeeded(Attempt attempt) {
    for (String key : attempt.keysInLockOrder()) {
      db.sql(
              """
              UPDATE login_counters
              SET failures = CASE WHEN :reset THEN 0
                                  WHEN failures > 0 THEN failures - 1 ELSE 0 END
              WHERE throttle_key = :k
              """)
          .param("reset", !key.equals(attempt.addressKey()))
          .param("k", key)
          .update();
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  static String key(String username) {
    return clip(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), 100);
  }

  private static String clip(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }
}
