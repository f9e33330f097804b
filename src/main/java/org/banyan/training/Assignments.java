package org.banyan.training;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
import org.banyan.content.UnitType;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainers assign a module, at the revision published at that moment, to teachers and cohorts with
 * a due date, and follow each teacher's progress. A trainer sees only their own assignments; an
 * administrator sees all; anyone else is told there is no such assignment.
 */
@Service
public class Assignments {

  private final AssignmentStore store;
  private final Modules modules;
  private final Cohorts cohorts;
  private final TeacherReach reach;
  private final TrainingTime time;

  Assignments(
      AssignmentStore store,
      Modules modules,
      Cohorts cohorts,
      TeacherReach reach,
      TrainingTime time) {
    this.store = store;
    this.modules = modules;
    this.cohorts = cohorts;
    this.reach = reach;
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
    long id = store.insert(trainer, module, request.cohortId(), due);
    for (String username : direct) {
      store.assign(id, username, null);
    }
    for (String username : viaCohort) {
      store.assign(id, username, request.cohortId());
    }
    Set<String> everyone = new LinkedHashSet<>(direct);
    everyone.addAll(viaCohort);
    store.moveEnrolmentsUp(module.id(), module.revision(), List.copyOf(everyone));
    return id;
  }

  /** The assignments {@code viewer} made, or every one for an administrator; newest first. */
  public List<AssignmentSummary> visible(String viewer, boolean all) {
    return store.all(all ? null : viewer).stream().map(this::summary).toList();
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
    store.changeDue(id, due);
    return get(viewer, all, id);
  }

  /** Withdraws an assignment; the teachers' progress is kept. Withdrawing twice changes nothing. */
  @Transactional
  public AssignmentSummary withdraw(String viewer, boolean all, long id) {
    row(viewer, all, id);
    store.withdraw(id);
    return get(viewer, all, id);
  }

  /**
   * Every assignee's progress on the assignment's revision, by name, in one query.
   *
   * @param status only the teachers with this status; null for all
   */
  public List<TeacherProgress> progress(
      String viewer, boolean all, long id, TrainingStatus status) {
    AssignmentStore.AssignmentRow assignment = row(viewer, all, id);
    ModuleContent content =
        modules.revision(assignment.moduleItemId(), assignment.moduleRevision());
    List<String> units = Modules.unitIds(content);
    List<String> quizzes = Modules.unitIds(content, UnitType.QUIZ);
    ModuleContent.Practice practice =
        content.units().stream()
            .filter(u -> u.type() == UnitType.PRACTICE)
            .map(ModuleContent.Practice.class::cast)
            .findFirst()
            .orElse(null);
    int total = units.size();
    boolean late = assignment.withdrawnAt() == null && assignment.dueOn().isBefore(time.today());
    return store
        .dashboard(
            id, assignment.moduleItemId(), units, quizzes, practice == null ? null : practice.id())
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
    List<AssignmentStore.AssignmentRow> rows = store.standingFor(teacher);
    Map<Long, Set<String>> done = store.completedUnits(teacher);
    Set<Long> active = store.activeModules(teacher);
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

  private AssignmentStore.AssignmentRow row(String viewer, boolean all, long id) {
    return store
        .find(id)
        .filter(a -> all || a.trainer().equals(viewer))
        .orElseThrow(() -> AssignmentNotFound.forId(id));
  }

  private AssignmentSummary summary(AssignmentStore.AssignmentRow row) {
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

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
