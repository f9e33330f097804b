package org.banyan.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did what, when, and from where: sign-ins, user and role changes, and (from other features)
 * workflow steps. Append-only.
 */
@Service
public class AuditLog {

  /**
   * One line of the audit log; {@code actor}, {@code target}, {@code detail} and {@code ip} may be
   * null.
   */
  public record Entry(
      long id,
      OffsetDateTime occurredAt,
      String actor,
      String action,
      String target,
      String detail,
      String ip) {}

  private final JdbcClient db;

  AuditLog(JdbcClient db) {
    this.db = db;
  }

  /** Appends an entry, taking the client address from the current request when there is one. */
  public void record(String actor, String action, String target, String detail) {
    recordFrom(currentIp(), actor, action, target, detail);
  }

  void recordFrom(String ip, String actor, String action, String target, String detail) {
    db.sql(
            """
            INSERT INTO audit_events (occurred_at, actor, action, target, detail, ip)
            VALUES (:at, :actor, :action, :target, :detail, :ip)
            """)
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .param("actor", clip(actor, 64))
        .param("action", clip(action, 64))
        .param("target", clip(target, 200))
        .param("detail", clip(detail, 1000))
        .param("ip", clip(ip, 64))
        .update();
  }

  /** The newest entries first, optionally only those of one action. */
  public List<Entry> recent(String action, int limit) {
    String filter = action == null || action.isBlank() ? "" : " WHERE action = :action";
    var query =
        db.sql(
                "SELECT id, occurred_at, actor, action, target, detail, ip FROM audit_events"
                    + filter
                    + " ORDER BY id DESC LIMIT :limit")
            .param("limit", limit);
    if (!filter.isEmpty()) {
      query = query.param("action", action);
    }
    return query.query(Entry.class).list();
  }

  static String currentIp() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
