package org.banyan.training;

import java.time.OffsetDateTime;
import org.banyan.content.ModuleContent;

/**
 * How many more attempts a quiz allows, and from when: a module may limit a quiz's attempts ({@code
 * maxAttempts}) and ask for a wait after each attempt ({@code attemptWaitMinutes}). Refused
 * attempts are not recorded, so they use up nothing.
 */
final class QuizAttempts {

  /**
   * Where one teacher stands with one quiz.
   *
   * @param left attempts left; null when the quiz allows any number
   * @param nextAt when the next attempt becomes possible; null when it is possible now, or when no
   *     attempt is left
   */
  record Allowance(Integer left, OffsetDateTime nextAt) {

    boolean exhausted() {
      return left != null && left <= 0;
    }
  }

  private QuizAttempts() {}

  /**
   * @param attempts the attempts recorded so far
   * @param last when the latest of them was made; null when none was
   */
  static Allowance of(
      ModuleContent.Quiz quiz, int attempts, OffsetDateTime last, OffsetDateTime now) {
    Integer left = quiz.maxAttempts() == null ? null : Math.max(0, quiz.maxAttempts() - attempts);
    OffsetDateTime nextAt = null;
    if ((left == null || left > 0)
        && last != null
        && quiz.attemptWaitMinutes() != null
        && quiz.attemptWaitMinutes() > 0) {
      OffsetDateTime after = last.plusMinutes(quiz.attemptWaitMinutes());
      nextAt = after.isAfter(now) ? after : null;
    }
    return new Allowance(left, nextAt);
  }

  /**
   * @throws QuizAttemptRefused when no attempt is left or the wait is not over
   */
  static void check(ModuleContent.Quiz quiz, Allowance allowance) {
    if (allowance.exhausted()) {
      throw QuizAttemptRefused.noneLeft(quiz.maxAttempts());
    }
    if (allowance.nextAt() != null) {
      throw QuizAttemptRefused.tooSoon(allowance.nextAt(), quiz.attemptWaitMinutes());
    }
  }
}
