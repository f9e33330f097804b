package org.banyan.training;

import java.util.List;

/**
 * A cohort a trainer makes: teachers picked by username, by school, or both.
 *
 * @param members usernames of teachers; may be null
 * @param schools ids of schools whose teachers all join; may be null
 */
public record NewCohort(String name, List<String> members, List<Long> schools) {}
