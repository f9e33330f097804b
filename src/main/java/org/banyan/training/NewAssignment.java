package org.banyan.training;

import java.util.List;

/**
 * A module to assign, to teachers named directly and/or a cohort of the trainer's.
 *
 * @param assignees usernames of teachers; may be null when a cohort is given
 * @param cohortId one of the trainer's cohorts; may be null
 * @param dueOn the due date, {@code yyyy-MM-dd}; today or later
 */
public record NewAssignment(
    String moduleSlug, String lang, List<String> assignees, Long cohortId, String dueOn) {}
