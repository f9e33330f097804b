package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.banyan.content.ModuleContent;
import org.banyan.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class QuizScoringTests {

  private static final ModuleContent.Quiz QUIZ =
      new ModuleContent.Quiz(
          "check",
          "Check",
          null,
          List.of(
              new ModuleContent.Question("one", "Single", List.of("a", "b", "c"), List.of(1)),
              new ModuleContent.Question("many", "Several", List.of("a", "b", "c"), List.of(0, 2)),
              new ModuleContent.Question("third", "Single", List.of("a", "b"), List.of(0))),
          67);

  @Test
  void aQuestionWithOneRightAnswerNeedsExactlyThatChoice() {
    assertThat(score(Map.of("one", List.of(1))).right()).isEqualTo(1);
    assertThat(score(Map.of("one", List.of(0))).right()).isZero();
    assertThat(score(Map.of("one", List.of(0, 1))).right()).as("ticking everything").isZero();
  }

  @Test
  void aQuestionWithSeveralRightAnswersNeedsAllOfThemAndNoOther() {
    assertThat(score(Map.of("many", List.of(2, 0))).right()).isEqualTo(1);
    assertThat(score(Map.of("many", List.of(0))).right()).isZero();
    assertThat(score(Map.of("many", List.of(0, 1, 2))).right()).isZero();
  }

  @Test
  void passesAtThePassMarkAndNotBelow() {
    QuizScoring.Score two = score(Map.of("one", List.of(1), "many", List.of(0, 2)));
    assertThat(two.percent()).isEqualTo(66);
    assertThat(two.passed()).as("2 of 3 is 66.7%, not below 67").isFalse();
    QuizScoring.Score three =
        score(Map.of("one", List.of(1), "many", List.of(0, 2), "third", List.of(0)));
    assertThat(three.percent()).isEqualTo(100);
    assertThat(three.passed()).isTrue();
    QuizScoring.Score none = score(Map.of());
    assertThat(none.right()).isZero();
    assertThat(none.passed()).isFalse();
  }

  @Test
  void aQuizWithoutAPassMarkNeedsEveryAnswerRight() {
    ModuleContent.Quiz strict = new ModuleContent.Quiz("s", "S", null, QUIZ.questions(), null);
    assertThat(QuizScoring.score(strict, Map.of("one", List.of(1), "many", List.of(0, 2))).passed())
        .isFalse();
  }

  @Test
  void refusesImpossibleAnswersNamingTheQuestion() {
    assertThatThrownBy(() -> score(null)).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> score(Map.of("nope", List.of(0))))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.refused("answers")).isTrue());
    assertThatThrownBy(() -> score(Map.of("one", List.of(3))))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.refused("answers.one")).isTrue());
    assertThatThrownBy(() -> score(Map.of("one", List.of(-1)))).isInstanceOf(InvalidInput.class);
  }

  private static QuizScoring.Score score(Map<String, List<Integer>> answers) {
    return QuizScoring.score(QUIZ, answers);
  }
}
