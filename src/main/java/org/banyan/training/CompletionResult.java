package org.banyan.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** The answer to completing a unit: where the unit and its module stand now. */
public record CompletionResult(UnitResult unit, ModuleResult module) {

  /**
   * @param score this attempt's score in percent, for a quiz; else null
   * @param passed whether this attempt passed, for a quiz; else null
   * @param bestScore the best score of every attempt, for a quiz; else null
   * @param attempts how many attempts so far, for a quiz; else null
   * @param attemptsLeft how many more the quiz allows; null when it allows any number, or for
   *     another unit
   * @param nextAttemptAt when the quiz's wait between attempts lets the next one be made; null when
   *     there is no wait to keep
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UnitResult(
      TrainingStatus status,
      Integer score,
      Boolean passed,
      Integer bestScore,
      Integer attempts,
      Integer attemptsLeft,
      OffsetDateTime nextAttemptAt)
      implements java.io.Serializable {

    static UnitResult completed() {
      return new UnitResult(TrainingStatus.COMPLETED, null, null, null, null, null, null);
    }
  }

  /**
   * @param certificate the verification code once the module is complete; else null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ModuleResult(TrainingStatus status, int percent, String certificate) {}
}
