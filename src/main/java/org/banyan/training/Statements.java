package org.banyan.training;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.banyan.account.Accounts;
import org.banyan.account.User;
import org.banyan.content.ModuleContent;
import org.banyan.problem.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training record: an append-only log of xAPI 1.0.3 statements, one for each thing a teacher
 * did, from which progress is derived. Statements are only ever added; {@link #page} reads them in
 * the order they were stored.
 */
@Service
class Statements {

  static final String VERSION = "1.0.3";
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  /** The ADL verbs the training record uses. */
  enum Verb {
    EXPERIENCED,
    ANSWERED,
    ATTEMPTED,
    PASSED,
    FAILED,
    COMPLETED;

    String iri() {
      return "http://adlnet.gov/expapi/verbs/" + display();
    }

    String display() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The module a statement is about, at the revision the teacher works through. */
  record ModuleRef(long itemId, String lang, String slug, int revision, String title) {}

  /**
   * What a statement says about its result; every field may be null.
   *
   * @param extensions keyed by the last part of the extension IRI under the base URL
   */
  record Result(
      Integer raw,
      Integer max,
      Boolean success,
      Boolean completion,
      String response,
      Map<String, Object> extensions) {

    static Result completed() {
      return new Result(null, null, null, true, null, null);
    }
  }

  /**
   * One page of the log.
   *
   * @param more the relative URL of the next page; null when this is the last
   */
  public record Page(List<JsonNode> statements, String more) {}

  record Row(long seq, String statement) {}

  private final JdbcClient db;
  private final Accounts accounts;
  private final JsonMapper json;
  private final TrainingTime time;
  private final String base;
  private final StatementShape shape;

  Statements(
      JdbcClient db,
      Accounts accounts,
      JsonMapper json,
      TrainingTime time,
      @Value("${banyan.base-url}") String base) {
    this.db = db;
    this.accounts = accounts;
    this.json = json;
    this.time = time;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.shape = new StatementShape(this.base);
  }

  /** The deployment's base URL, the home of every account and activity IRI. */
  String base() {
    return base;
  }

  /**
   * Appends a statement that {@code actor} did {@code verb} to the module or (when {@code unit} is
   * not null) one of its units; answers its id.
   */
  UUID append(String actor, Verb verb, ModuleRef module, ModuleContent.Unit unit, Result result) {
    UUID id = UUID.randomUUID();
    appendWithId(id, actor, verb, module, unit, result);
    return id;
  }

  /**
   * Takes the log's append lock until the transaction ends. Every transaction that writes progress
   * takes it first, before any other lock: statements then get their sequence numbers in commit
   * order, so a reader paging by sequence ({@code since}/{@code more}) never skips a statement that
   * a slower transaction commits later, and one lock order rules out deadlocks.
   */
  void lock() {
    db.sql("SELECT id FROM xapi_append_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
  }

  /** Appends a statement with an id chosen beforehand (a completion row names it first). */
  void appendWithId(
      UUID id, String actor, Verb verb, ModuleRef module, ModuleContent.Unit unit, Result result) {
    OffsetDateTime now = time.now().truncatedTo(ChronoUnit.MILLIS);
    String stamp = DateTimeFormatter.ISO_INSTANT.format(now.toInstant());
    String name = accounts.find(actor).map(User::displayName).orElse(actor);
    String objectIri = unit == null ? shape.moduleIri(module) : shape.unitIri(module, unit.id());
    Map<String, Object> statement =
        shape.statement(id, actor, name, verb, objectIri, module, unit, result, stamp);
    db.sql(
            """
            INSERT INTO xapi_statements (id, actor, verb, object_iri, module_item_id, module_revision,
                unit_id, score_raw, score_max, score_scaled, success, completion, occurred_at,
                stored_at, statement)
            VALUES (:id, :actor, :verb, :object, :item, :revision, :unit, :raw, :max, :scaled,
                :success, :completion, :now, :now, :statement)
            """)
        .param("id", id)
        .param("actor", actor)
        .param("verb", verb.iri())
        .param("object", objectIri)
        .param("item", module.itemId())
        .param("revision", module.revision())
        .param("unit", unit == null ? null : unit.id())
        .param("raw", result == null ? null : result.raw())
        .param("max", result == null ? null : result.max())
        .param("scaled", result == null ? null : StatementShape.scaled(result))
        .param("success", result == null ? null : result.success())
        .param("completion", result == null ? null : result.completion())
        .param("now", now)
        .param("statement", json.writeValueAsString(statement))
        .update();
  }

  /**
   * Statements in the order they were stored.
   *
   * @param viewer a trainer sees a teacher's statements only about the module of one of the
   *     trainer's assignments that the teacher is an assignee of; a cohort alone shows nothing
   * @param all true for an administrator, who sees every statement
   * @param since a cursor from a {@code more} URL, or an ISO-8601 time: statements stored after it;
   *     null for the beginning
   * @param limit how many at most, 1 to 500; null for 100
   */
  public Page page(String viewer, boolean all, String since, Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw InvalidInput.of("limit", "invalid.search.range", 1, MAX_LIMIT);
    }
    long after = 0;
    OffsetDateTime storedAfter = null;
    if (since != null && !since.isBlank()) {
      String value = since.strip();
      if (value.chars().allMatch(Character::isDigit) && value.length() < 19) {
        after = Long.parseLong(value);
      } else {
        try {
          storedAfter = OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          try {
            storedAfter = OffsetDateTime.parse(value);
          } catch (DateTimeParseException again) {
            throw InvalidInput.of("since", "invalid.training.since");
          }
        }
      }
    }
    StringBuilder sql =
        new StringBuilder("SELECT seq, statement FROM xapi_statements WHERE seq > :after");
    if (storedAfter != null) {
      sql.append(" AND stored_at > :since");
    }
    if (!all) {
      sql.append(
          """
           AND EXISTS (
            SELECT 1 FROM training_assignees s
              JOIN training_assignments a ON a.id = s.assignment_id
            WHERE a.trainer = :viewer AND s.username = xapi_statements.actor
              AND a.module_item_id = xapi_statements.module_item_id)
          """);
    }
    sql.append(" ORDER BY seq LIMIT :limit");
    JdbcClient.StatementSpec query =
        db.sql(sql.toString()).param("after", after).param("limit", size + 1);
    if (storedAfter != null) {
      query = query.param("since", storedAfter);
    }
    if (!all) {
      query = query.param("viewer", viewer);
    }
    List<Row> rows = query.query(Row.class).list();
    List<JsonNode> statements = new ArrayList<>();
    rows.stream().limit(size).forEach(row -> statements.add(json.readTree(row.statement())));
    String more =
        rows.size() > size
            ? "/api/v1/xapi/statements?since=" + rows.get(size - 1).seq() + "&limit=" + size
            : null;
    return new Page(statements, more);
  }
}
