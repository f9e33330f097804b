package org.banyan.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * After {@value #MAX_FAILURES} failed sign-ins for one username within the window, that username is
 * refused for the lock time, even with the right password. Kept in the database, so that every app
 * node sees the same count. Unknown usernames are counted and locked just like real ones, so the
 * answers never tell whether an account exists.
 */
@Component
class LoginThrottle {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);

  private final JdbcClient db;
  private final Clock clock;

  LoginThrottle(JdbcClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  boolean isLocked(String username) {
    return db.sql("SELECT count(*) FROM login_lockouts WHERE username = :u AND locked_until > :now")
            .param("u", key(username))
            .param("now", now())
            .query(Long.class)
            .single()
        > 0;
  }

  @Transactional
  void recordFailure(String username) {
    String key = key(username);
    OffsetDateTime now = now();
    db.sql("DELETE FROM login_failures WHERE failed_at <= :since")
        .param("since", now.minus(WINDOW))
        .update();
    db.sql("INSERT INTO login_failures (username, failed_at) VALUES (:u, :now)")
        .param("u", key)
        .param("now", now)
        .update();
    long recent =
        db.sql("SELECT count(*) FROM login_failures WHERE username = :u AND failed_at > :since")
            .param("u", key)
            .param("since", now.minus(WINDOW))
            .query(Long.class)
            .single();
    if (recent >= MAX_FAILURES) {
      lock(key, now.plus(LOCK));
    }
  }

  @Transactional
  void recordSuccess(String username) {
    db.sql("DELETE FROM login_failures WHERE username = :u").param("u", key(username)).update();
  }

  private void lock(String key, OffsetDateTime until) {
    int updated =
        db.sql("UPDATE login_lockouts SET locked_until = :until WHERE username = :u")
            .param("until", until)
            .param("u", key)
            .update();
    if (updated == 0) {
      try {
        db.sql("INSERT INTO login_lockouts (username, locked_until) VALUES (:u, :until)")
            .param("u", key)
            .param("until", until)
            .update();
      } catch (DuplicateKeyException lockedConcurrently) {
        // Another request locked the same username a moment ago: it is locked either way.
      }
    }
    db.sql("DELETE FROM login_failures WHERE username = :u").param("u", key).update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  static String key(String username) {
    String folded = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return folded.length() > 100 ? folded.substring(0, 100) : folded;
  }
}
