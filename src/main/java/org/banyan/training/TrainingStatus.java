package org.banyan.training;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a teacher stands with a module, as the API and the CSV spell it: {@code in_progress}. */
public enum TrainingStatus {
  NOT_STARTED,
  IN_PROGRESS,
  COMPLETED,
  OVERDUE;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status spelled {@code code} (either case), if there is one. */
  public static Optional<TrainingStatus> forCode(String code) {
    return code == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code.strip())).findFirst();
  }

  /**
   * The status from the facts: every unit done is completed; otherwise past the due date is
   * overdue; otherwise any recorded activity is in progress.
   *
   * @param overdue whether an assignment's due date has passed (false without an assignment)
   */
  static TrainingStatus of(int done, int total, boolean active, boolean overdue) {
    if (total > 0 && done >= total) {
      return COMPLETED;
    }
    if (overdue) {
      return OVERDUE;
    }
    return active || done > 0 ? IN_PROGRESS : NOT_STARTED;
  }

  /** Whole percent done, rounded down so that 100 means every unit. */
  static int percent(int done, int total) {
    return total == 0 ? 0 : Math.min(100, 100 * done / total);
  }
}
