package org.banyan.training;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
import org.banyan.content.UnitType;
import org.banyan.course.Classes;
import org.banyan.course.LessonDelivered;
import org.banyan.problem.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher working through a module: completing units, quizzes scored on the server, practice in
 * class, and the certificate at the end. Every action appends a statement to {@link Statements}; a
 * unit's completion is a row that the database holds at most once, and every change to one
 * teacher's progress in a module first locks that teacher's enrolment, so the "last unit done"
 * check and the certificate happen exactly once however requests race.
 *
 * <p>The rules are here; the SQL is in {@link ProgressStore}, and what a teacher sees is built by
 * {@link ModuleViews}.
 */
@Service
public class Progress {

  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Modules modules;
  private final ProgressStore store;
  private final ModuleViews views;
  private final Statements statements;
  private final Classes classes;
  private final TrainingTime time;
  private final AnsweredUnits answered;

  Progress(
      Modules modules,
      ProgressStore store,
      ModuleViews views,
      Statements statements,
      Classes classes,
      TrainingTime time,
      AnsweredUnits answered) {
    this.modules = modules;
    this.store = store;
    this.views = views;
    this.statements = statements;
    this.classes = classes;
    this.time = time;
    this.answered = answered;
  }

  /**
   * The published module {@code lang/slug} as {@code teacher} works through it, at the revision
   * they started (or were assigned); nothing is recorded by looking.
   */
  public ModuleProgress module(String teacher, String lang, String slug) {
    return views.module(teacher, lang, slug);
  }

  public List<StartedModule> started(String teacher) {
    return views.started(teacher);
  }

  /**
   * Completes a unit, or for a quiz records an attempt that completes it when it passes.
   *
   * @throws UnitNotFound when the teacher's revision of the module has no such unit
   * @throws InvalidInput for a quiz without answers or with impossible ones, a reflection without
   *     text or with too much
   * @throws PracticeNotTaught for a practice unit whose lesson the teacher has not taught yet
   */
  @Transactional
  public CompletionResult complete(
      String teacher, String lang, String slug, String unitId, UnitAnswer answer) {
    PublishedItem item = modules.get(lang, slug);
    statements.lock();
    ProgressStore.Enrolment enrolment =
        enrol(teacher, item.id(), lang, slug, assignedRevision(teacher, item));
    ModuleContent content = modules.revision(item.id(), enrolment.moduleRevision());
    ModuleContent.Unit unit =
        content.units().stream()
            .filter(u -> u.id().equals(unitId))
            .findFirst()
            .orElseThrow(() -> UnitNotFound.forId(unitId));
    Statements.ModuleRef ref = ref(enrolment, content);
    UnitAnswer given = answer == null ? new UnitAnswer(null, null) : answer;
    CompletionResult.UnitResult result =
        switch (unit.type()) {
          case QUIZ -> answered.quiz(teacher, ref, (ModuleContent.Quiz) unit, given);
          case REFLECTION -> answered.reflection(teacher, ref, unit, given);
          case PRACTICE -> practice(teacher, ref, (ModuleContent.Practice) unit);
          case READING, MEDIA -> {
            completeOnce(
                teacher, ref, unit, Statements.Verb.EXPERIENCED, Statements.Result.completed());
            yield CompletionResult.UnitResult.completed();
          }
        };
    return new CompletionResult(result, finish(teacher, enrolment, content, ref));
  }

  /**
   * A lesson was taught: completes every practice unit that asks for it in the modules the teacher
   * has started or been assigned, in the lesson's language. Runs in its own transaction, after the
   * delivery has been committed.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void practiceTaught(LessonDelivered delivery) {
    statements.lock();
    Map<Long, ProgressStore.Enrolment> candidates = new LinkedHashMap<>();
    store
        .enrolments(delivery.teacher(), delivery.lang())
        .forEach(e -> candidates.put(e.moduleItemId(), e));
    store
        .assigned(delivery.teacher(), delivery.lang())
        .forEach(e -> candidates.putIfAbsent(e.moduleItemId(), e));
    for (ProgressStore.Enrolment candidate : candidates.values()) {
      ModuleContent content =
          modules.revision(candidate.moduleItemId(), candidate.moduleRevision());
      if (practiceUnit(content, delivery.lessonSlug()).isEmpty()) {
        continue;
      }
      ProgressStore.Enrolment enrolment =
          enrol(
              delivery.teacher(),
              candidate.moduleItemId(),
              candidate.moduleLang(),
              candidate.moduleSlug(),
              candidate.moduleRevision());
      ModuleContent played = modules.revision(enrolment.moduleItemId(), enrolment.moduleRevision());
      Optional<ModuleContent.Practice> unit = practiceUnit(played, delivery.lessonSlug());
      if (unit.isPresent()) {
        Statements.ModuleRef ref = ref(enrolment, played);
        completePractice(delivery.teacher(), ref, unit.get(), delivery);
        finish(delivery.teacher(), enrolment, played, ref);
      }
    }
  }

  private CompletionResult.UnitResult practice(
      String teacher, Statements.ModuleRef ref, ModuleContent.Practice unit) {
    if (!store.completions(teacher, ref.itemId()).containsKey(unit.id())) {
      List<LessonDelivered> taught = classes.deliveriesOf(teacher, ref.lang(), unit.lessonSlug());
      if (taught.isEmpty()) {
        throw PracticeNotTaught.lesson(ref.lang(), unit.lessonSlug());
      }
      completePractice(teacher, ref, unit, taught.get(0));
    }
    return CompletionResult.UnitResult.completed();
  }

  private void completePractice(
      String teacher,
      Statements.ModuleRef ref,
      ModuleContent.Practice unit,
      LessonDelivered delivery) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put(
        "lesson", statements.base() + "/lessons/" + ref.lang() + "/" + unit.lessonSlug());
    extensions.put("delivered-on", delivery.deliveredOn().toString());
    if (delivery.rating() != null) {
      extensions.put("rating", delivery.rating());
    }
    completeOnce(
        teacher,
        ref,
        unit,
        Statements.Verb.COMPLETED,
        new Statements.Result(null, null, null, true, null, extensions),
        delivery.deliveredOn(),
        delivery.rating());
  }

  private void completeOnce(
      String teacher,
      Statements.ModuleRef ref,
      ModuleContent.Unit unit,
      Statements.Verb verb,
      Statements.Result result) {
    completeOnce(teacher, ref, unit, verb, result, null, null);
  }

  /** Records the completion and its statement, unless the unit is complete already. */
  private void completeOnce(
      String teacher,
      Statements.ModuleRef ref,
      ModuleContent.Unit unit,
      Statements.Verb verb,
      Statements.Result result,
      LocalDate practiceOn,
      Integer practiceRating) {
    if (store.completions(teacher, ref.itemId()).containsKey(unit.id())) {
      return;
    }
    UUID id = UUID.randomUUID();
    if (store.complete(teacher, ref.itemId(), unit.id(), id, practiceOn, practiceRating)) {
      statements.appendWithId(id, teacher, verb, ref, unit, result);
    }
  }

  /**
   * When every unit of the teacher's revision is complete and the module was not yet, records the
   * completion, the certificate and the module's "completed" statement; answers the module's state.
   */
  private CompletionResult.ModuleResult finish(
      String teacher,
      ProgressStore.Enrolment enrolment,
      ModuleContent content,
      Statements.ModuleRef ref) {
    List<String> units = Modules.unitIds(content);
    int done = store.countDone(teacher, enrolment.moduleItemId(), units);
    String certificate = enrolment.certificateCode();
    if (done >= units.size() && !units.isEmpty() && enrolment.completedAt() == null) {
      certificate = newCode();
      store.markCompleted(teacher, enrolment.moduleItemId(), certificate);
      statements.append(
          teacher, Statements.Verb.COMPLETED, ref, null, Statements.Result.completed());
    }
    TrainingStatus status =
        TrainingStatus.of(
            done,
            units.size(),
            true,
            store.overdue(teacher, enrolment.moduleItemId(), time.today()));
    return new CompletionResult.ModuleResult(
        status,
        TrainingStatus.percent(done, units.size()),
        status == TrainingStatus.COMPLETED ? certificate : null);
  }

  /**
   * The teacher's enrolment in a module, created (with an "attempted" statement) on first use, and
   * locked until the transaction ends.
   */
  private ProgressStore.Enrolment enrol(
      String teacher, long itemId, String lang, String slug, int revision) {
    if (store.enrolment(teacher, itemId).isEmpty()
        && store.enrol(teacher, itemId, lang, slug, revision)) {
      ModuleContent content = modules.revision(itemId, revision);
      statements.append(
          teacher,
          Statements.Verb.ATTEMPTED,
          new Statements.ModuleRef(itemId, lang, slug, revision, content.title()),
          null,
          null);
    }
    return store.lockEnrolment(teacher, itemId);
  }

  /** The revision of the teacher's latest live assignment of the module, else the published one. */
  private int assignedRevision(String teacher, PublishedItem item) {
    return store.assignedRevision(teacher, item.id()).orElse(item.revision());
  }

  private static Optional<ModuleContent.Practice> practiceUnit(
      ModuleContent content, String lesson) {
    return content.units().stream()
        .filter(u -> u.type() == UnitType.PRACTICE)
        .map(ModuleContent.Practice.class::cast)
        .filter(u -> lesson.equals(u.lessonSlug()))
        .findFirst();
  }

  private static Statements.ModuleRef ref(
      ProgressStore.Enrolment enrolment, ModuleContent content) {
    return new Statements.ModuleRef(
        enrolment.moduleItemId(),
        enrolment.moduleLang(),
        enrolment.moduleSlug(),
        enrolment.moduleRevision(),
        content.title());
  }

  static int percent(double scaled) {
    return (int) Math.floor(scaled * 100 + 1e-9);
  }

  private static String newCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return code.toString();
  }
}
