package org.banyan.training;

import java.util.UUID;
import org.banyan.content.ModuleContent;
import org.banyan.course.PersonalData;
import org.banyan.problem.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * The units a teacher answers: a quiz, scored here against its attempt limits, and a reflection in
 * the teacher's own words, checked for a child's personal data. Each answer is a statement; a
 * passed quiz or a reflection completes its unit. Called by {@link Progress} within its locks.
 */
@Component
class AnsweredUnits {

  static final int MAX_TEXT = 4000;

  private final ProgressStore store;
  private final Statements statements;
  private final TrainingTime time;

  AnsweredUnits(ProgressStore store, Statements statements, TrainingTime time) {
    this.store = store;
    this.statements = statements;
    this.time = time;
  }

  CompletionResult.UnitResult quiz(
      String teacher, Statements.ModuleRef ref, ModuleContent.Quiz unit, UnitAnswer answer) {
    QuizScoring.Score score = QuizScoring.score(unit, answer.answers());
    QuizAttempts.check(
        unit,
        ProgressStore.QuizTally.allowance(
            unit, store.quizTallies(teacher, ref.itemId()).get(unit.id()), time.now()));
    Statements.Result result =
        new Statements.Result(
            score.right(), score.questions(), score.passed(), score.passed(), null, null);
    UUID id =
        statements.append(
            teacher,
            score.passed() ? Statements.Verb.PASSED : Statements.Verb.FAILED,
            ref,
            unit,
            result);
    boolean completed =
        score.passed() && store.complete(teacher, ref.itemId(), unit.id(), id, null, null);
    completed = completed || store.completions(teacher, ref.itemId()).containsKey(unit.id());
    ProgressStore.QuizTally tally = store.quizTallies(teacher, ref.itemId()).get(unit.id());
    QuizAttempts.Allowance allowance = ProgressStore.QuizTally.allowance(unit, tally, time.now());
    return new CompletionResult.UnitResult(
        completed ? TrainingStatus.COMPLETED : TrainingStatus.IN_PROGRESS,
        score.percent(),
        score.passed(),
        tally == null || tally.best() == null ? score.percent() : Progress.percent(tally.best()),
        tally == null ? 1 : tally.attempts(),
        allowance.left(),
        allowance.nextAt());
  }

  CompletionResult.UnitResult reflection(
      String teacher, Statements.ModuleRef ref, ModuleContent.Unit unit, UnitAnswer answer) {
    String text = answer.text() == null ? "" : answer.text().strip();
    if (text.isEmpty()) {
      throw InvalidInput.of("text", "invalid.required");
    }
    if (text.length() > MAX_TEXT) {
      throw InvalidInput.of("text", "invalid.tooLong", MAX_TEXT);
    }
    if (PersonalData.suspect(text).isPresent()) {
      throw InvalidInput.of("text", "invalid.training.personal");
    }
    UUID id =
        statements.append(
            teacher,
            Statements.Verb.ANSWERED,
            ref,
            unit,
            new Statements.Result(null, null, null, true, text, null));
    store.complete(teacher, ref.itemId(), unit.id(), id, null, null);
    return CompletionResult.UnitResult.completed();
  }
}
