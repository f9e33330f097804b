package org.banyan.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.banyan.problem.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API: {@code Authorization: Bearer <token>}, acting with the
 * owner's roles. The secret is shown once, when made, and kept only as its SHA-256: a token is 256
 * random bits, so unlike a password it needs no slow hash, and checking one costs one indexed
 * query. Every check reads the database, so a revoked or expired token is refused at once on every
 * node.
 */
@Service
class ApiTokens {

  /** A token, as its owner sees it in the list: never its secret. */
  public record Token(
      long id,
      String name,
      String prefix,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime lastUsedAt,
      OffsetDateTime revokedAt) {

    public boolean active(OffsetDateTime now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }
  }

  /** A token just made: the only time its secret is seen. */
  public record Created(long id, String name, String token, OffsetDateTime expiresAt) {}

  /** Who a token acts for. */
  record Bearer(long id, String username) {}

  static final String PREFIX = "banyan_";
  static final int DEFAULT_DAYS = 90;
  static final int MAX_DAYS = 365;
  static final int MAX_NAME = 100;

  /** Live tokens one user may hold. */
  static final int MAX_ACTIVE = 20;

  /** How stale "last used" may be: it is written at most this often per token. */
  static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient db;
  private final AuditLog audit;
  private final Clock clock;

  ApiTokens(JdbcClient db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /**
   * Makes a token for {@code username}, valid {@code expiresInDays} days (90 when null, at most
   * 365).
   *
   * @throws InvalidInput naming {@code name} or {@code expiresInDays}, or {@code name} when the
   *     user already holds {@value #MAX_ACTIVE} live tokens
   */
  @Transactional
  public Created create(String username, String name, Integer expiresInDays) {
    String cleanName = name == null ? "" : name.strip();
    if (cleanName.isEmpty()) {
      throw InvalidInput.of("name", "invalid.required");
    }
    if (cleanName.length() > MAX_NAME) {
      throw InvalidInput.of("name", "invalid.tooLong", MAX_NAME);
    }
    int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
    if (days < 1 || days > MAX_DAYS) {
      throw InvalidInput.of("expiresInDays", "invalid.token.days", MAX_DAYS);
    }
    OffsetDateTime now = now();
    long active =
        db.sql(
                "SELECT count(*) FROM api_tokens WHERE username = :username"
                    + " AND revoked_at IS NULL AND expires_at > :now")
            .param("username", username)
            .param("now", now)
            .query(Long.class)
            .single();
    if (active >= MAX_ACTIVE) {
      throw InvalidInput.of("name", "invalid.token.tooMany", MAX_ACTIVE);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    OffsetDateTime expires = now.plusDays(days);
    org.springframework.jdbc.support.GeneratedKeyHolder keys =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    db.sql(
            "INSERT INTO api_tokens (username, name, token_hash, prefix, created_at, expires_at)"
                + " VALUES (:username, :name, :hash, :prefix, :now, :expires)")
        .param("username", username)
        .param("name", cleanName)
        .param("hash", hash(token))
        .param("prefix", token.substring(0, PREFIX.length() + 4))
        .param("now", now)
        .param("expires", expires)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    audit.record(username, "TOKEN_CREATED", username, "token " + id + " '" + cleanName + "'");
    return new Created(id, cleanName, token, expires);
  }

  /** The user's tokens, newest first, live and not. */
  public List<Token> list(String username) {
    return db.sql(
            "SELECT id, name, prefix, created_at, expires_at, last_used_at, revoked_at"
                + " FROM api_tokens WHERE username = :username ORDER BY created_at DESC, id DESC")
        .param("username", username)
        .query(
            (rs, n) ->
                new Token(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("prefix"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("expires_at", OffsetDateTime.class),
                    rs.getObject("last_used_at", OffsetDateTime.class),
                    rs.getObject("revoked_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * Revokes the user's token {@code id}; refused at once on every node.
   *
   * @throws TokenNotFound when the user has no such token (another user's is not found either)
   */
  @Transactional
  public void revoke(String username, long id) {
    int found =
        db.sql(
                "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, :now)"
                    + " WHERE id = :id AND username = :username")
            .param("now", now())
            .param("id", id)
            .param("username", username)
            .update();
    if (found == 0) {
      throw TokenNotFound.withId(id);
    }
    audit.record(username, "TOKEN_REVOKED", username, "token " + id);
  }

  /** Who {@code token} acts for, when it is live; notes that it was used, at most once a minute. */
  Optional<Bearer> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    OffsetDateTime now = now();
    Optional<Live> live =
        db.sql(
                "SELECT id, username, last_used_at FROM api_tokens WHERE token_hash = :hash"
                    + " AND revoked_at IS NULL AND expires_at > :now")
            .param("hash", hash(token))
            .param("now", now)
            .query(
                (rs, n) ->
                    new Live(
                        new Bearer(rs.getLong("id"), rs.getString("username")),
                        rs.getObject("last_used_at", OffsetDateTime.class)))
            .optional();
    live.filter(
            l -> l.lastUsed() == null || l.lastUsed().isBefore(now.minus(LAST_USED_GRANULARITY)))
        .ifPresent(l -> touched(l.bearer().id(), now));
    return live.map(Live::bearer);
  }

  private record Live(Bearer bearer, OffsetDateTime lastUsed) {}

  /** Records the use; the condition keeps it to one write a minute even across nodes. */
  private void touched(long id, OffsetDateTime now) {
    db.sql(
            "UPDATE api_tokens SET last_used_at = :now WHERE id = :id"
                + " AND (last_used_at IS NULL OR last_used_at < :before)")
        .param("now", now)
        .param("id", id)
        .param("before", now.minus(LAST_USED_GRANULARITY))
        .update();
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
