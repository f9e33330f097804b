package org.banyan.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An assignment as its trainer sees it.
 *
 * @param cohortId the cohort it was given to; null when only named teachers have it
 * @param withdrawnAt when it was withdrawn; null while it stands
 */
public record AssignmentSummary(
    long id,
    ModuleLink module,
    int revision,
    LocalDate dueOn,
    String trainer,
    Long cohortId,
    String cohortName,
    int assignees,
    OffsetDateTime createdAt,
    OffsetDateTime withdrawnAt) {

  public boolean withdrawn() {
    return withdrawnAt != null;
  }
}
