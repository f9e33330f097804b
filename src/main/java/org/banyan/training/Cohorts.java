package org.banyan.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.banyan.account.Accounts;
import org.banyan.account.User;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
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

  private final CohortStore store;
  private final AssignmentStore assignments;
  private final Accounts accounts;
  private final TeacherReach reach;

  Cohorts(CohortStore store, AssignmentStore assignments, Accounts accounts, TeacherReach reach) {
    this.store = store;
    this.assignments = assignments;
    this.accounts = accounts;
    this.reach = reach;
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
    long id = store.insert(trainer, name);
    members.forEach(username -> store.addMember(id, username));
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
      if (store.addMember(id, username)) {
        store
            .standingAssignments(id)
            .forEach(assignment -> assignments.assign(assignment, username, id));
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
    store.rename(id, name);
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
    if (store.removeMember(id, username)) {
      store.removeAssignee(id, username);
    }
    return get(cohort.trainer(), true, id);
  }

  /** A cohort's name, stripped: required, at most 100 characters. */
  private static String name(String value, List<Violation> violations) {
    return Violation.requiredText(violations, "name", value, 100);
  }

  /** The cohorts {@code viewer} made, or every cohort for an administrator. */
  public List<Cohort> visible(String viewer, boolean all) {
    List<CohortStore.CohortRow> rows = store.all(all ? null : viewer);
    Map<Long, List<Teacher>> members =
        members(rows.stream().map(CohortStore.CohortRow::id).toList());
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
    CohortStore.CohortRow row =
        store
            .find(id)
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
    return store.usernames(id);
  }

  private Map<Long, List<Teacher>> members(List<Long> cohorts) {
    Map<Long, List<Teacher>> members = new LinkedHashMap<>();
    if (cohorts.isEmpty()) {
      return members;
    }
    Map<String, User> everyone = new LinkedHashMap<>();
    accounts.all().forEach(u -> everyone.put(u.username(), u));
    for (CohortStore.Member member : store.members(cohorts)) {
      User user = everyone.get(member.username());
      members
          .computeIfAbsent(member.cohortId(), k -> new ArrayList<>())
          .add(
              user == null
                  ? new Teacher(member.username(), member.username(), null)
                  : TeacherReach.teacher(user));
    }
    return members;
  }
}
