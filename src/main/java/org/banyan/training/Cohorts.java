package org.banyan.training;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.banyan.account.Accounts;
import org.banyan.account.Role;
import org.banyan.account.Schools;
import org.banyan.account.User;
import org.banyan.web.InvalidInput;
import org.banyan.web.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts: named groups of teachers, each owned by the trainer who made it. A teacher added to a
 * cohort later also receives the cohort's assignments that still stand.
 */
@Service
public class Cohorts {

  record CohortRow(long id, String trainer, String name, OffsetDateTime createdAt) {}

  private final JdbcClient db;
  private final Accounts accounts;
  private final Schools schools;
  private final Inserts inserts;
  private final TrainingTime time;

  Cohorts(JdbcClient db, Accounts accounts, Schools schools, Inserts inserts, TrainingTime time) {
    this.db = db;
    this.accounts = accounts;
    this.schools = schools;
    this.inserts = inserts;
    this.time = time;
  }

  /** Every enabled teacher, by name, for trainers to pick from. */
  public List<Teacher> teachers() {
    return accounts.all().stream()
        .filter(u -> u.enabled() && u.hasRole(Role.TEACHER))
        .map(Cohorts::teacher)
        .sorted(
            java.util.Comparator.comparing(Teacher::displayName).thenComparing(Teacher::username))
        .toList();
  }

  /**
   * Makes a cohort.
   *
   * @throws InvalidInput for a missing name, nobody to add, unknown users or schools, or users who
   *     are not teachers
   */
  @Transactional
  public long create(String trainer, NewCohort request) {
    List<Violation> violations = new ArrayList<>();
    String name = name(request.name(), violations);
    Set<String> members = members(request.members(), request.schools(), violations);
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
   * Adds teachers to one of the trainer's cohorts; they receive the cohort's standing assignments.
   */
  @Transactional
  public Cohort addMembers(String trainer, boolean admin, long id, NewCohort request) {
    Cohort cohort = get(trainer, admin, id);
    List<Violation> violations = new ArrayList<>();
    Set<String> members = members(request.members(), request.schools(), violations);
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

  /**
   * Resolves usernames and school ids to teachers' usernames, adding a violation naming every
   * unknown user, non-teacher or unknown school.
   */
  Set<String> members(
      Collection<String> usernames, Collection<Long> schoolIds, List<Violation> violations) {
    return members("members", usernames, schoolIds, violations);
  }

  Set<String> members(
      String field,
      Collection<String> usernames,
      Collection<Long> schoolIds,
      List<Violation> violations) {
    Map<String, User> everyone = new LinkedHashMap<>();
    accounts.all().forEach(u -> everyone.put(u.username(), u));
    Set<String> found = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    List<String> notTeachers = new ArrayList<>();
    for (String raw : usernames == null ? List.<String>of() : usernames) {
      String username = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT);
      User user = everyone.get(username);
      if (user == null || !user.enabled()) {
        unknown.add(String.valueOf(raw));
      } else if (!user.hasRole(Role.TEACHER)) {
        notTeachers.add(username);
      } else {
        found.add(username);
      }
    }
    if (!unknown.isEmpty()) {
      violations.add(
          Violation.of(field, "invalid.training.unknownUsers", String.join(", ", unknown)));
    }
    if (!notTeachers.isEmpty()) {
      violations.add(
          Violation.of(field, "invalid.training.notTeachers", String.join(", ", notTeachers)));
    }
    List<String> unknownSchools = new ArrayList<>();
    for (Long school : schoolIds == null ? List.<Long>of() : schoolIds) {
      List<String> teachers =
          everyone.values().stream()
              .filter(u -> u.enabled() && u.hasRole(Role.TEACHER))
              .filter(u -> u.school() != null && school != null && u.school().id() == school)
              .map(User::username)
              .toList();
      boolean exists = school != null && schools.find(school).isPresent();
      if (!exists) {
        unknownSchools.add(String.valueOf(school));
      }
      found.addAll(teachers);
    }
    if (!unknownSchools.isEmpty()) {
      violations.add(
          Violation.of(
              "schools", "invalid.training.unknownSchools", String.join(", ", unknownSchools)));
    }
    return found;
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
                  .add(user == null ? new Teacher(username, username, null) : teacher(user));
              return null;
            })
        .list();
    return members;
  }

  private static Teacher teacher(User user) {
    return new Teacher(
        user.username(), user.displayName(), user.school() == null ? null : user.school().name());
  }
}
