package org.banyan.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.banyan.content.PublishedItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of assignments: the assignment rows, their assignees and the dashboard's one query. */
@Component
class AssignmentStore {

  record AssignmentRow(
      long id,
      String trainer,
      long moduleItemId,
      String moduleLang,
      String moduleSlug,
      int moduleRevision,
      Long cohortId,
      String cohortName,
      LocalDate dueOn,
      OffsetDateTime createdAt,
      OffsetDateTime withdrawnAt,
      int assignees) {}

  record ProgressRow(
      String username,
      String displayName,
      int done,
      OffsetDateTime lastCompleted,
      OffsetDateTime lastActivity,
      Double bestScore,
      LocalDate practiceOn,
      Integer practiceRating) {}

  private static final String ASSIGNMENT =
      """
      SELECT a.id, a.trainer, a.module_item_id, a.module_lang, a.module_slug, a.module_revision,
             a.cohort_id, c.name AS cohort_name, a.due_on, a.created_at, a.withdrawn_at,
             (SELECT count(*) FROM training_assignees s WHERE s.assignment_id = a.id) AS assignees
      FROM training_assignments a LEFT JOIN training_cohorts c ON c.id = a.cohort_id
      """;

  /**
   * The dashboard of one assignment in one query: every assignee with their units done (of the
   * pinned revision), latest activity, best quiz score and practice lesson.
   */
  private static final String DASHBOARD =
      """
      SELECT s.username, coalesce(u.display_name, s.username) AS display_name,
             coalesce(c.done, 0) AS done, c.last_completed,
             x.last_activity, x.best_score,
             p.practice_on, p.practice_rating
      FROM training_assignees s
      LEFT JOIN users u ON u.username = s.username
      LEFT JOIN (
          SELECT username, count(*) AS done, max(completed_at) AS last_completed
          FROM training_completions
          WHERE module_item_id = :item AND unit_id IN (:units)
            AND username IN (SELECT username FROM training_assignees WHERE assignment_id = :id)
          GROUP BY username) c ON c.username = s.username
      LEFT JOIN (
          SELECT actor, max(occurred_at) AS last_activity,
                 max(CASE WHEN unit_id IN (:quizzes) THEN score_scaled END) AS best_score
          FROM xapi_statements
          WHERE module_item_id = :item
            AND actor IN (SELECT username FROM training_assignees WHERE assignment_id = :id)
          GROUP BY actor) x ON x.actor = s.username
      LEFT JOIN training_completions p
          ON p.username = s.username AND p.module_item_id = :item AND p.unit_id = :practice
      WHERE s.assignment_id = :id
      ORDER BY display_name, s.username
      """;

  private final JdbcClient db;
  private final Inserts inserts;
  private final TrainingTime time;

  AssignmentStore(JdbcClient db, Inserts inserts, TrainingTime time) {
    this.db = db;
    this.inserts = inserts;
    this.time = time;
  }

  /** Records an assignment of the module's published revision; its id. */
  long insert(String trainer, PublishedItem module, Long cohortId, LocalDate due) {
    KeyHolder key = new GeneratedKeyHolder();
    db.sql(
            """
            INSERT INTO training_assignments (trainer, module_item_id, module_lang, module_slug,
                module_revision, cohort_id, due_on, created_at)
            VALUES (:trainer, :item, :lang, :slug, :revision, :cohort, :due, :now)
            """)
        .param("trainer", trainer)
        .param("item", module.id())
        .param("lang", module.lang())
        .param("slug", module.slug())
        .param("revision", module.revision())
        .param("cohort", cohortId)
        .param("due", due)
        .param("now", time.now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Adds an assignee, unless they are one already. */
  void assign(long assignment, String username, Long cohort) {
    inserts.ifAbsent(
        () ->
            db.sql(
                    """
                    INSERT INTO training_assignees (assignment_id, username, via_cohort_id, added_at)
                    VALUES (:assignment, :username, :cohort, :now)
                    """)
                .param("assignment", assignment)
                .param("username", username)
                .param("cohort", cohort)
                .param("now", time.now())
                .update());
  }

  /** Moves the unfinished enrolments of {@code teachers} in the module up to {@code revision}. */
  void moveEnrolmentsUp(long itemId, int revision, List<String> teachers) {
    db.sql(
            """
            UPDATE training_enrolments SET module_revision = :revision
            WHERE module_item_id = :item AND username IN (:teachers) AND completed_at IS NULL
              AND module_revision < :revision
            """)
        .param("revision", revision)
        .param("item", itemId)
        .param("teachers", teachers)
        .update();
  }

  /** Every assignment, or those {@code trainer} made when not null; newest first. */
  List<AssignmentRow> all(String trainer) {
    return (trainer == null
            ? db.sql(ASSIGNMENT + " ORDER BY a.created_at DESC, a.id DESC")
            : db.sql(
                    ASSIGNMENT
                        + " WHERE a.trainer = :trainer ORDER BY a.created_at DESC, a.id DESC")
                .param("trainer", trainer))
        .query(AssignmentRow.class)
        .list();
  }

  Optional<AssignmentRow> find(long id) {
    return db.sql(ASSIGNMENT + " WHERE a.id = :id")
        .param("id", id)
        .query(AssignmentRow.class)
        .optional();
  }

  void changeDue(long id, LocalDate due) {
    db.sql("UPDATE training_assignments SET due_on = :due WHERE id = :id")
        .param("due", due)
        .param("id", id)
        .update();
  }

  void withdraw(long id) {
    db.sql(
            "UPDATE training_assignments SET withdrawn_at = :now WHERE id = :id"
                + " AND withdrawn_at IS NULL")
        .param("now", time.now())
        .param("id", id)
        .update();
  }

  /** The dashboard rows of an assignment, by name. */
  List<ProgressRow> dashboard(
      long id, long itemId, List<String> units, List<String> quizzes, String practiceUnit) {
    return db.sql(DASHBOARD)
        .param("id", id)
        .param("item", itemId)
        .param("units", orNone(units))
        .param("quizzes", orNone(quizzes))
        .param("practice", practiceUnit == null ? "" : practiceUnit)
        .query(ProgressRow.class)
        .list();
  }

  /** The teacher's assignments that stand, soonest due first. */
  List<AssignmentRow> standingFor(String teacher) {
    return db.sql(
            ASSIGNMENT
                + " JOIN training_assignees m ON m.assignment_id = a.id"
                + " WHERE m.username = :teacher AND a.withdrawn_at IS NULL"
                + " ORDER BY a.due_on, a.id")
        .param("teacher", teacher)
        .query(AssignmentRow.class)
        .list();
  }

  /** The units the teacher has completed, by module. */
  Map<Long, Set<String>> completedUnits(String teacher) {
    Map<Long, Set<String>> done = new HashMap<>();
    db.sql("SELECT module_item_id, unit_id FROM training_completions WHERE username = :teacher")
        .param("teacher", teacher)
        .query(
            (rs, n) ->
                done.computeIfAbsent(rs.getLong("module_item_id"), k -> new HashSet<>())
                    .add(rs.getString("unit_id")))
        .list();
    return done;
  }

  /** The modules the teacher has done anything in. */
  Set<Long> activeModules(String teacher) {
    return new HashSet<>(
        db.sql("SELECT DISTINCT module_item_id FROM xapi_statements WHERE actor = :teacher")
            .param("teacher", teacher)
            .query(Long.class)
            .list());
  }

  private static List<String> orNone(List<String> ids) {
    return ids.isEmpty() ? List.of("") : ids;
  }
}
