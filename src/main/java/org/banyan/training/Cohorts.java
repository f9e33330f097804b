package org.banyan.training;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.banyan.account.Accounts;
import org.banyan.account.User;
import org.banyan.web.InvalidInput;
import org.banyan.web.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts: named groups of teachers, each owned by the trainer who made it. A trainer adds only the
 * teachers in their reach ({@link TeacherReach}). A teacher added to a cohort later also receives
 * the cohort's assignments that still stand; being a member shows the trainer nothing of the
 * teacher's records by itself.
 */
@Service
public class Cohorts {

  record CohortRow(long id, String trainer, String name, OffsetDateTime createdAt) {}

  private final JdbcClient db;
  private final Accounts accounts;
  private final TeacherReach reach;
  private final Inserts inserts;
  private final TrainingTime time;

  Cohorts(
      JdbcClient db, Accounts accounts, TeacherReach reach, Inserts inserts, TrainingTime time) {
    this.db = db;
    this.accounts = accounts;
    this.reach = reach;
    this.inserts = inserts;
    this.time = time;
  }

  /**
   * The enabled teachers {@code trainer} may add (see {@link TeacherReach}), by name; every one for
   * an administrator.
   */
  public List<Teacher> teachers(String trainer, boolean admin) {
    return reach.teachers(trainer, admin);
  }

  /**
   * Makes a cohort.
   *
   * @throws InvalidInput for a missing name, nobody to add, unknown users or schools (those out of
   *     the trainer's reach among them), or users who are not teachers
   */
  @Transactional
  public long create(String trainer, boolean admin, NewCohort request) {
    List<Violation> violations = new ArrayList<>();
    String name = name(request.name(), violations);
    Set<String> members =
        reach.resolve(trainer, admin, "members", request.members(), request.schools(), violations);
    if (violations.isEmpty() && members.isEmpty()) {
      violations.add(Violation.of("members", "invalid.training.nobody"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    KeyHolder key = new GeneratedKeyHolder();
    db.sql(
            "INSERT INTO training_cohorts (trainer, name, created_at) VALUES (:trainer, :name, :now)")
        .param("trainer", trainer)
        .param("name", name)
        .param("now", time.now())
        .update(key, "id");
    long id = key.getKey().longValue();
    members.forEach(username -> addMember(id, username));
    return id;
  }

  /**
   * Adds teachers in reach to one of the trainer's cohorts; they receive the cohort's standing
   * assignments.
   */
  @Transactional
  public Cohort addMembers(String trainer, boolean admin, long id, NewCohort request) {
    Cohort cohort = get(trainer, admin, id);
    List<Violation> violations = new ArrayList<>();
    Set<String> members =
        reach.resolve(trainer, admin, "members", request.members(), request.schools(), violations);
    if (violations.isEmpty() && members.isEmpty()) {
      violations.add(Violation.of("members", "invalid.training.nobody"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    for (String username : members) {
      if (addMember(id, username)) {
        db.sql(
                """
                SELECT id FROM training_assignments WHERE cohort_id = :cohort AND withdrawn_at IS NULL
                """)
            .param("cohort", id)
            .query(Long.class)
            .list()
            .forEach(
                assignment ->
                    inserts.ifAbsent(
                        () ->
                            db.sql(
                                    """
                                    INSERT INTO training_assignees (assignment_id, username,
                                        via_cohort_id, added_at)
                                    VALUES (:assignment, :username, :cohort, :now)
                                    """)
                                .param("assignment", assignment)
                                .param("username", username)
                                .param("cohort", id)
                                .param("now", time.now())
                                .update()));
      }
    }
    return get(cohort.trainer(), true, id);
  }

  /** Renames one of the trainer's cohorts. */
  @Transactional
  public Cohort rename(String trainer, boolean admin, long id, String newName) {
    Cohort cohort = get(trainer, admin, id);
    List<Violation> violations = new ArrayList<>();
    String name = name(newName, violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    db.sql("UPDATE training_cohorts SET name = :name WHERE id = :id")
        .param("name", name)
        .param("id", id)
        .update();
    return get(cohort.trainer(), true, id);
  }

  /**
   * Takes a teacher out of one of the trainer's cohorts. The assignments they had only through the
   * cohort are no longer theirs; what they did in them is kept, and shows again if they are
   * assigned the module once more. Taking out someone who is not a member changes nothing.
   */
  @Transactional
  public Cohort removeMember(String trainer, boolean admin, long id, String username) {
    Cohort cohort = get(trainer, admin, id);
    int removed =
        db.sql("DELETE FROM training_cohort_members WHERE cohort_id = :id AND username = :username")
            .param("id", id)
            .param("username", username)
            .update();
    if (removed > 0) {
      db.sql("DELETE FROM training_assignees WHERE via_cohort_id = :id AND username = :username")
          .param("id", id)
          .param("username", username)
          .update();
    }
    return get(cohort.trainer(), true, id);
  }

  /** A cohort's name, stripped: required, at most 100 characters. */
  private static String name(String value, List<Violation> violations) {
    return Violation.requiredText(violations, "name", value, 100);
  }

  /** The cohorts {@code viewer} made, or every cohort for an administrator. */
  public List<Cohort> visible(String viewer, boolean all) {
    List<CohortRow> rows =
        all
            ? db.sql("SELECT id, trainer, name, created_at FROM training_cohorts ORDER BY name, id")
                .query(CohortRow.class)
                .list()
            : db.sql(
                    "SELECT id, trainer, name, created_at FROM training_cohorts"
                        + " WHERE trainer = :trainer ORDER BY name, id")
                .param("trainer", viewer)
                .query(CohortRow.class)
                .list();
    Map<Long, List<Teacher>> members = members(rows.stream().map(CohortRow::id).toList());
    return rows.stream()
        .map(
            r ->
                new Cohort(
                    r.id(),
                    r.name(),
                    r.trainer(),
                    r.createdAt(),
                    members.getOrDefault(r.id(), List.of())))
        .toList();
  }

  /**
   * One cohort.
   *
   * @throws CohortNotFound when there is none, or it is another trainer's (unless {@code all})
   */
  public Cohort get(String viewer, boolean all, long id) {
    CohortRow row =
        db.sql("SELECT id, trainer, name, created_at FROM training_cohorts WHERE id = :id")
            .param("id", id)
            .query(CohortRow.class)
            .optional()
            .filter(r -> all || r.trainer().equals(viewer))
            .orElseThrow(() -> CohortNotFound.forId(id));
    return new Cohort(
        row.id(),
        row.name(),
        row.trainer(),
        row.createdAt(),
        members(List.of(id)).getOrDefault(id, List.of()));
  }

  /** The usernames of a cohort's members. */
  List<String> usernames(long id) {
    return db.sql(
            "SELECT username FROM training_cohort_members WHERE cohort_id = :id ORDER BY username")
        .param("id", id)
        .query(String.class)
        .list();
  }

  private boolean addMember(long cohort, String username) {
    return inserts.ifAbsent(
        () ->
            db.sql(
                    """
                    INSERT INTO training_cohort_members (cohort_id, username, added_at)
                    VALUES (:cohort, :username, :now)
                    """)
                .param("cohort", cohort)
                .param("username", username)
                .param("now", time.now())
                .update());
  }

  private Map<Long, List<Teacher>> members(List<Long> cohorts) {
    Map<Long, List<Teacher>> members = new LinkedHashMap<>();
    if (cohorts.isEmpty()) {
      return members;
    }
    Map<String, User> everyone = new LinkedHashMap<>();
    accounts.all().forEach(u -> everyone.put(u.username(), u));
    db.sql(
            "SELECT cohort_id, username FROM training_cohort_members WHERE cohort_id IN (:ids)"
                + " ORDER BY username")
        .param("ids", cohorts)
        .query(
            (rs, n) -> {
              String username = rs.getString("username");
              User user = everyone.get(username);
              members
                  .computeIfAbsent(rs.getLong("cohort_id"), k -> new ArrayList<>())
                  .add(
                      user == null
                          ? new Teacher(username, username, null)
                          : TeacherReach.teacher(user));
              return null;
            })
        .list();
    return members;
  }
}
