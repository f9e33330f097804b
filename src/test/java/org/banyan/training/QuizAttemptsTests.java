package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.banyan.content.ModuleContent;
import org.junit.jupiter.api.Test;

class QuizAttemptsTests {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 9, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  private static ModuleContent.Quiz quiz(Integer maxAttempts, Integer waitMinutes) {
    return new ModuleContent.Quiz(
        "check",
        "Check",
        null,
        List.of(new ModuleContent.Question("q", "Which?", List.of("a", "b"), List.of(1))),
        100,
        maxAttempts,
        waitMinutes);
  }

  @Test
  void aQuizWithoutLimitsAlwaysAllowsTheNextAttempt() {
    QuizAttempts.Allowance allowance = QuizAttempts.of(quiz(null, null), 40, NOW, NOW);
    assertThat(allowance.left()).isNull();
    assertThat(allowance.nextAt()).isNull();
    QuizAttempts.check(quiz(null, null), allowance);
  }

  @Test
  void countsTheAttemptsLeftAndRefusesWhenNoneIs() {
    assertThat(QuizAttempts.of(quiz(3, null), 0, null, NOW).left()).isEqualTo(3);
    assertThat(QuizAttempts.of(quiz(3, null), 2, NOW, NOW).left()).isEqualTo(1);
    QuizAttempts.Allowance spent = QuizAttempts.of(quiz(3, 60), 3, NOW, NOW);
    assertThat(spent.left()).isZero();
    assertThat(spent.nextAt()).as("no wait is shown when nothing is left").isNull();
    assertThatThrownBy(() -> QuizAttempts.check(quiz(3, 60), spent))
        .isInstanceOf(QuizAttemptRefused.class)
        .hasMessageContaining("allows 3 attempts");
  }

  @Test
  void theWaitRunsFromTheLatestAttempt() {
    QuizAttempts.Allowance waiting = QuizAttempts.of(quiz(null, 30), 1, NOW.minusMinutes(10), NOW);
    assertThat(waiting.nextAt()).isEqualTo(NOW.plusMinutes(20));
    assertThatThrownBy(() -> QuizAttempts.check(quiz(null, 30), waiting))
        .isInstanceOf(QuizAttemptRefused.class)
        .hasMessageContaining("2026-09-01T08:20:00Z");
    assertThat(QuizAttempts.of(quiz(null, 30), 1, NOW.minusMinutes(30), NOW).nextAt()).isNull();
    assertThat(QuizAttempts.of(quiz(null, 0), 1, NOW, NOW).nextAt()).isNull();
    assertThat(QuizAttempts.of(quiz(null, 30), 0, null, NOW).nextAt()).isNull();
  }
}
