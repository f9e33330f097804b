package org.banyan.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.banyan.content.ModuleContent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of a teacher's progress: enrolments, unit completions, the quiz tallies and reflections
 * read back from the statements, and the assignments' revision and due date that bear on them.
 */
@Component
class ProgressStore {

  /** A teacher's enrolment in a module, at the revision they work through. */
  record Enrolment(
      String username,
      long moduleItemId,
      String moduleLang,
      String moduleSlug,
      int moduleRevision,
      OffsetDateTime startedAt,
      OffsetDateTime completedAt,
      String certificateCode) {}

  record Completion(
      String unitId, OffsetDateTime completedAt, LocalDate practiceOn, Integer practiceRating) {}

  record QuizTally(String unitId, int attempts, Double best, OffsetDateTime lastAttempt) {

    /** What a teacher with {@code tally} (null: no attempt yet) may still try at {@code now}. */
    static QuizAttempts.Allowance allowance(
        ModuleContent.Quiz quiz, QuizTally tally, OffsetDateTime now) {
      return QuizAttempts.of(
          quiz,
          tally == null ? 0 : tally.attempts(),
          tally == null ? null : tally.lastAttempt(),
          now);
    }
  }

  private static final String ENROLMENT =
      "SELECT username, module_item_id, module_lang, module_slug, module_revision, started_at,"
          + " completed_at, certificate_code FROM training_enrolments";

  private final JdbcClient db;
  private final TrainingTime time;
  private final JsonMapper json;
  private final Inserts inserts;

  ProgressStore(JdbcClient db, TrainingTime time, JsonMapper json, Inserts inserts) {
    this.db = db;
    this.time = time;
    this.json = json;
    this.inserts = inserts;
  }

  Optional<Enrolment> enrolment(String teacher, long itemId) {
    return db.sql(ENROLMENT + " WHERE username = :teacher AND module_item_id = :item")
        .param("teacher", teacher)
        .param("item", itemId)
        .query(Enrolment.class)
        .optional();
  }

  /** The enrolment, locked until the transaction ends. */
  Enrolment lockEnrolment(String teacher, long itemId) {
    return db.sql(ENROLMENT + " WHERE username = :teacher AND module_item_id = :item FOR UPDATE")
        .param("teacher", teacher)
        .param("item", itemId)
        .query(Enrolment.class)
        .single();
  }

  /** Enrols the teacher unless they are already; whether this call did. */
  boolean enrol(String teacher, long itemId, String lang, String slug, int revision) {
    return inserts.ifAbsent(
        () ->
            db.sql(
                    """
                    INSERT INTO training_enrolments (username, module_item_id, module_lang,
                        module_slug, module_revision, started_at)
                    VALUES (:teacher, :item, :lang, :slug, :revision, :now)
                    """)
                .param("teacher", teacher)
                .param("item", itemId)
                .param("lang", lang)
                .param("slug", slug)
                .param("revision", revision)
                .param("now", time.now())
                .update());
  }

  /** The teacher's enrolments, most recent first. */
  List<Enrolment> enrolments(String teacher) {
    return db.sql(ENROLMENT + " WHERE username = :teacher ORDER BY started_at DESC")
        .param("teacher", teacher)
        .query(Enrolment.class)
        .list();
  }

  /** The teacher's enrolments in modules of one language. */
  List<Enrolment> enrolments(String teacher, String lang) {
    return db.sql(ENROLMENT + " WHERE username = :teacher AND module_lang = :lang")
        .param("teacher", teacher)
        .param("lang", lang)
        .query(Enrolment.class)
        .list();
  }

  /**
   * The modules of one language the teacher has live assignments of, each at its latest assigned
   * revision, as enrolments not yet made (no start, completion or certificate).
   */
  List<Enrolment> assigned(String teacher, String lang) {
    return db.sql(
            """
            SELECT a.module_item_id, a.module_lang, a.module_slug, max(a.module_revision) AS revision
            FROM training_assignments a JOIN training_assignees s ON s.assignment_id = a.id
            WHERE s.username = :teacher AND a.module_lang = :lang AND a.withdrawn_at IS NULL
            GROUP BY a.module_item_id, a.module_lang, a.module_slug
            """)
        .param("teacher", teacher)
        .param("lang", lang)
        .query(
            (rs, n) ->
                new Enrolment(
                    teacher,
                    rs.getLong("module_item_id"),
                    rs.getString("module_lang"),
                    rs.getString("module_slug"),
                    rs.getInt("revision"),
                    null,
                    null,
                    null))
        .list();
  }

  /** Records a unit's completion unless it is recorded already; whether this call did. */
  boolean complete(
      String teacher,
      long itemId,
      String unitId,
      UUID statementId,
      LocalDate practiceOn,
      Integer practiceRating) {
    return inserts.ifAbsent(
        () ->
            db.sql(
                    """
                    INSERT INTO training_completions (username, module_item_id, unit_id, completed_at,
                        statement_id, practice_on, practice_rating)
                    VALUES (:teacher, :item, :unit, :now, :statement, :on, :rating)
                    """)
                .param("teacher", teacher)
                .param("item", itemId)
                .param("unit", unitId)
                .param("now", time.now())
                .param("statement", statementId)
                .param("on", practiceOn)
                .param("rating", practiceRating)
                .update());
  }

  /** How many of {@code units} the teacher has completed in the module. */
  int countDone(String teacher, long itemId, List<String> units) {
    return units.isEmpty()
        ? 0
        : db.sql(
                "SELECT count(*) FROM training_completions WHERE username = :teacher"
                    + " AND module_item_id = :item AND unit_id IN (:units)")
            .param("teacher", teacher)
            .param("item", itemId)
            .param("units", units)
            .query(Integer.class)
            .single();
  }

  /** Marks the module complete with its certificate code, unless it was already. */
  void markCompleted(String teacher, long itemId, String certificate) {
    db.sql(
            "UPDATE training_enrolments SET completed_at = :now, certificate_code = :code"
                + " WHERE username = :teacher AND module_item_id = :item AND completed_at IS NULL")
        .param("now", time.now())
        .param("code", certificate)
        .param("teacher", teacher)
        .param("item", itemId)
        .update();
  }

  /** The revision of the teacher's latest live assignment of the module, if any. */
  Optional<Integer> assignedRevision(String teacher, long itemId) {
    return db
        .sql(
            """
            SELECT a.module_revision FROM training_assignments a
            JOIN training_assignees s ON s.assignment_id = a.id
            WHERE s.username = :teacher AND a.module_item_id = :item AND a.withdrawn_at IS NULL
            ORDER BY a.created_at DESC, a.id DESC
            """)
        .param("teacher", teacher)
        .param("item", itemId)
        .query(Integer.class)
        .list()
        .stream()
        .findFirst();
  }

  /** The earliest due date of the teacher's live assignments of the module; null for none. */
  LocalDate earliestDue(String teacher, long itemId) {
    return db.sql(
            """
            SELECT min(a.due_on) FROM training_assignments a
            JOIN training_assignees s ON s.assignment_id = a.id
            WHERE s.username = :teacher AND a.module_item_id = :item AND a.withdrawn_at IS NULL
            """)
        .param("teacher", teacher)
        .param("item", itemId)
        .query(LocalDate.class)
        .optional()
        .orElse(null);
  }

  boolean overdue(String teacher, long itemId, LocalDate today) {
    LocalDate due = earliestDue(teacher, itemId);
    return due != null && due.isBefore(today);
  }

  Map<String, Completion> completions(String teacher, long itemId) {
    Map<String, Completion> done = new HashMap<>();
    db.sql(
            "SELECT unit_id, completed_at, practice_on, practice_rating FROM training_completions"
                + " WHERE username = :teacher AND module_item_id = :item")
        .param("teacher", teacher)
        .param("item", itemId)
        .query(Completion.class)
        .list()
        .forEach(c -> done.put(c.unitId(), c));
    return done;
  }

  Map<String, QuizTally> quizTallies(String teacher, long itemId) {
    Map<String, QuizTally> tallies = new HashMap<>();
    db.sql(
            """
            SELECT unit_id, count(*) AS attempts, max(score_scaled) AS best,
                   max(occurred_at) AS last_attempt
            FROM xapi_statements
            WHERE actor = :teacher AND module_item_id = :item AND verb IN (:verbs)
            GROUP BY unit_id
            """)
        .param("teacher", teacher)
        .param("item", itemId)
        .param("verbs", List.of(Statements.Verb.PASSED.iri(), Statements.Verb.FAILED.iri()))
        .query(QuizTally.class)
        .list()
        .forEach(t -> tallies.put(t.unitId(), t));
    return tallies;
  }

  /** The latest reflection text of each unit, read back from the statements. */
  Map<String, String> responses(String teacher, long itemId) {
    Map<String, String> latest = new HashMap<>();
    db.sql(
            """
            SELECT unit_id, statement FROM xapi_statements
            WHERE actor = :teacher AND module_item_id = :item AND verb = :verb ORDER BY seq
            """)
        .param("teacher", teacher)
        .param("item", itemId)
        .param("verb", Statements.Verb.ANSWERED.iri())
        .query(
            (rs, n) -> {
              JsonNode response = json.readTree(rs.getString("statement")).path("result");
              latest.put(rs.getString("unit_id"), response.path("response").asString(null));
              return null;
            })
        .list();
    return latest;
  }
}
