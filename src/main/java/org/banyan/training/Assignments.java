package org.banyan.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
import org.banyan.web.InvalidInput;
import org.banyan.web.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainers assign a module, at the revision published at that moment, to teachers and cohorts with
 * a due date, and follow each teacher's progress. A trainer sees only their own assignments; an
 * administrator sees all; anyone else is told there is no such assignment.
 */
@Service
public class Assignments {

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
  private final Modules modules;
  private final Cohorts cohorts;
  private final TeacherReach reach;
  private final Inserts inserts;
  private final TrainingTime time;

  Assignments(
      JdbcClient db,
      Modules modules,
      Cohorts cohorts,
      TeacherReach reach,
      Inserts inserts,
      TrainingTime time) {
    this.db = db;
    this.modules = modules;
    this.cohorts = cohorts;
    this.reach = reach;
    this.inserts = inserts;
    this.time = time;
  }

  /**
   * Assigns a published module to teachers in the trainer's reach ({@link TeacherReach}) and to the
   * members of one of the trainer's cohorts who are still in reach.
   *
   * @throws InvalidInput naming an unknown module, unknown (or out of reach) users or non-teachers,
   *     another trainer's cohort, nobody to assign to, or a missing or past due date
   */
  @Transactional
  public long create(String trainer, boolean admin, NewAssignment request) {
    List<Violation> violations = new ArrayList<>();
    PublishedItem module = modules.find(request.lang(), strip(request.moduleSlug())).orElse(null);
    if (module == null) {
      violations.add(
          Violation.of(
              "moduleSlug",
              "invalid.training.module",
              String.valueOf(request.lang()) + "/" + String.valueOf(request.moduleSlug())));
    }
    Set<String> direct =
        new LinkedHashSet<>(
            reach.resolve(trainer, admin, "assignees", request.assignees(), null, violations));
    List<String> viaCohort = List.of();
    if (request.cohortId() != null) {
      try {
        cohorts.get(trainer, false, request.cohortId());
        viaCohort = reach.within(trainer, admin, cohorts.usernames(request.cohortId()));
      } catch (CohortNotFound e) {
        violations.add(Violation.of("cohortId", "invalid.training.cohort"));
      }
    }
    LocalDate due = dueDate(request.dueOn(), violations);
    if (violations.isEmpty() && direct.isEmpty() && viaCohort.isEmpty()) {
      violations.add(Violation.of("assignees", "invalid.training.nobody"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
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
        .param("cohort", request.cohortId())
        .param("due", due)
        .param("now", time.now())
        .update(key, "id");
    long id = key.getKey().longValue();
    for (String username : direct) {
      assign(id, username, null);
    }
    for (String username : viaCohort) {
      assign(id, username, request.cohortId());
    }
    Set<String> everyone = new LinkedHashSet<>(direct);
    everyone.addAll(viaCohort);
    db.sql(
            """
            UPDATE training_enrolments SET module_revision = :revision
            WHERE module_item_id = :item AND username IN (:teachers) AND completed_at IS NULL
              AND module_revision < :revision
            """)
        .param("revision", module.revision())
        .param("item", module.id())
        .param("teachers", List.copyOf(everyone))
        .update();
    return id;
  }

  /** The assignments {@code viewer} made, or every one for an administrator; newest first. */
  public List<AssignmentSummary> visible(String viewer, boolean all) {
    return (all
            ? db.sql(ASSIGNMENT + " ORDER BY a.created_at DESC, a.id DESC")
            : db.sql(
                    ASSIGNMENT
                        + " WHERE a.trainer = :trainer ORDER BY a.created_at DESC, a.id DESC")
                .param("trainer", viewer))
        .query(AssignmentRow.class).list().stream().map(this::summary).toList();
  }

  /**
   * One assignment.
   *
   * @throws AssignmentNotFound when there is none, or the viewer did not make it (unless {@code
   *     all})
   */
  public AssignmentSummary get(String viewer, boolean all, long id) {
    return summary(row(viewer, all, id));
  }

  /** Moves the due date; it may not be in the past. */
  @Transactional
  public AssignmentSummary changeDue(String viewer, boolean all, long id, String dueOn) {
    row(viewer, all, id);
    List<Violation> violations = new ArrayList<>();
    LocalDate due = dueDate(dueOn, violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    db.sql("UPDATE training_assignments SET due_on = :due WHERE id = :id")
        .param("due", due)
        .param("id", id)
        .update();
    return get(viewer, all, id);
  }

  /** Withdraws an assignment; the teachers' progress is kept. Withdrawing twice changes nothing. */
  @Transactional
  public AssignmentSummary withdraw(String viewer, boolean all, long id) {
    row(viewer, all, id);
    db.sql(
            "UPDATE training_assignments SET withdrawn_at = :now WHERE id = :id"
                + " AND withdrawn_at IS NULL")
        .param("now", time.now())
        .param("id", id)
        .update();
    return get(viewer, all, id);
  }

  /**
   * Every assignee's progress on the assignment's revision, by name, in one query.
   *
   * @param status only the teachers with this status; null for all
   */
  public List<TeacherProgress> progress(
      String viewer, boolean all, long id, TrainingStatus status) {
    AssignmentRow assignment = row(viewer, all, id);
    ModuleContent content =
        modules.revision(assignment.moduleItemId(), assignment.moduleRevision());
    List<String> units = Modules.unitIds(content);
    List<String> quizzes = Modules.unitIds(content, "quiz");
    ModuleContent.Unit practice =
        content.units().stream().filter(u -> "practice".equals(u.type())).findFirst().orElse(null);
    int total = units.size();
    boolean late = assignment.withdrawnAt() == null && assignment.dueOn().isBefore(time.today());
    return db
        .sql(DASHBOARD)
        .param("id", id)
        .param("item", assignment.moduleItemId())
        .param("units", orNone(units))
        .param("quizzes", orNone(quizzes))
        .param("practice", practice == null ? "" : practice.id())
        .query(ProgressRow.class)
        .list()
        .stream()
        .map(
            r -> {
              TrainingStatus derived =
                  TrainingStatus.of(r.done(), total, r.lastActivity() != null, late);
              return new TeacherProgress(
                  r.username(),
                  r.displayName(),
                  derived,
                  TrainingStatus.percent(r.done(), total),
                  r.lastActivity(),
                  r.bestScore() == null ? null : Progress.percent(r.bestScore()),
                  derived == TrainingStatus.COMPLETED ? r.lastCompleted() : null,
                  r.practiceOn() == null
                      ? null
                      : new TeacherProgress.Practice(
                          practice.lessonSlug(), r.practiceOn(), r.practiceRating()));
            })
        .filter(p -> status == null || p.status() == status)
        .toList();
  }

  /** The teacher's assignments that stand, soonest due first, with where they are in each. */
  public List<MyAssignment> mine(String teacher) {
    List<AssignmentRow> rows =
        db.sql(
                ASSIGNMENT
                    + " JOIN training_assignees m ON m.assignment_id = a.id"
                    + " WHERE m.username = :teacher AND a.withdrawn_at IS NULL"
                    + " ORDER BY a.due_on, a.id")
            .param("teacher", teacher)
            .query(AssignmentRow.class)
            .list();
    Map<Long, Set<String>> done = new HashMap<>();
    db.sql("SELECT module_item_id, unit_id FROM training_completions WHERE username = :teacher")
        .param("teacher", teacher)
        .query(
            (rs, n) ->
                done.computeIfAbsent(rs.getLong("module_item_id"), k -> new HashSet<>())
                    .add(rs.getString("unit_id")))
        .list();
    Set<Long> active =
        new HashSet<>(
            db.sql("SELECT DISTINCT module_item_id FROM xapi_statements WHERE actor = :teacher")
                .param("teacher", teacher)
                .query(Long.class)
                .list());
    LocalDate today = time.today();
    return rows.stream()
        .map(
            row -> {
              ModuleContent content = modules.revision(row.moduleItemId(), row.moduleRevision());
              Set<String> completed = done.getOrDefault(row.moduleItemId(), Set.of());
              int count =
                  (int) Modules.unitIds(content).stream().filter(completed::contains).count();
              int total = content.units().size();
              return new MyAssignment(
                  row.id(),
                  new ModuleLink(row.moduleSlug(), row.moduleLang(), content.title()),
                  row.dueOn(),
                  TrainingStatus.of(
                      count,
                      total,
                      active.contains(row.moduleItemId()),
                      row.dueOn().isBefore(today)),
                  TrainingStatus.percent(count, total),
                  row.moduleRevision());
            })
        .toList();
  }

  /**
   * One of the teacher's own assignments.
   *
   * @throws AssignmentNotFound for one that is not theirs or was withdrawn
   */
  public MyAssignment mine(String teacher, long id) {
    return mine(teacher).stream()
        .filter(a -> a.id() == id)
        .findFirst()
        .orElseThrow(() -> AssignmentNotFound.forId(id));
  }

  private void assign(long assignment, String username, Long cohort) {
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

  private AssignmentRow row(String viewer, boolean all, long id) {
    return db.sql(ASSIGNMENT + " WHERE a.id = :id")
        .param("id", id)
        .query(AssignmentRow.class)
        .optional()
        .filter(a -> all || a.trainer().equals(viewer))
        .orElseThrow(() -> AssignmentNotFound.forId(id));
  }

  private AssignmentSummary summary(AssignmentRow row) {
    ModuleContent content = modules.revision(row.moduleItemId(), row.moduleRevision());
    return new AssignmentSummary(
        row.id(),
        new ModuleLink(row.moduleSlug(), row.moduleLang(), content.title()),
        row.moduleRevision(),
        row.dueOn(),
        row.trainer(),
        row.cohortId(),
        row.cohortName(),
        row.assignees(),
        row.createdAt(),
        row.withdrawnAt());
  }

  private LocalDate dueDate(String value, List<Violation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(Violation.of("dueOn", "invalid.required"));
      return null;
    }
    try {
      LocalDate due = LocalDate.parse(value.strip());
      if (due.isBefore(time.today())) {
        violations.add(Violation.of("dueOn", "invalid.training.pastDue"));
      }
      return due;
    } catch (DateTimeParseException e) {
      violations.add(Violation.of("dueOn", "invalid.date"));
      return null;
    }
  }

  private static List<String> orNone(List<String> ids) {
    return ids.isEmpty() ? List.of("") : ids;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
