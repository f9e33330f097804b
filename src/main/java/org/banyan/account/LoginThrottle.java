package org.banyan.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling, kept in the database so that every app node sees the same counts. A sign-in
 * is counted against three keys: its username from its address ({@value #PAIR_FAILURES} failures in
 * the window), its username from anywhere ({@value #USER_FAILURES}), and its address for any
 * username ({@value #ADDRESS_FAILURES}). A key that reaches its limit is refused for the lock time,
 * even with the right password.
 *
 * <p>A sign-in takes a slot in each key <em>before</em> its password is checked, by one conditional
 * update per key, so parallel guesses never get more checks than the limit. A flood of wrong
 * passwords from one address locks that address and that pair, not the username for people signing
 * in from elsewhere (it would take {@value #USER_FAILURES} failures from at least four addresses).
 * Unknown usernames are counted and locked just like real ones, so the answers never tell whether
 * an account exists.
 */
@Component
class LoginThrottle {

  static final int PAIR_FAILURES = 5;
  static final int USER_FAILURES = 20;
  static final int ADDRESS_FAILURES = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);

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

  private final JdbcClient db;
  private final Clock clock;

  LoginThrottle(JdbcClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Takes a slot for one sign-in in each of its keys.
   *
   * @throws LoginThrottled when any key is locked or all its slots are taken; then none is taken
   */
  @Transactional
  Attempt begin(String username, String address) {
    String user = key(username);
    String from = address == null || address.isBlank() ? "unknown" : clip(address, 64);
    Attempt attempt = new Attempt("pair:" + user + "@" + from, "user:" + user, "addr:" + from);
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
        throw new LoginThrottled();
      }
    }
    return attempt;
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
