package org.banyan.training;

import java.time.OffsetDateTime;
import java.util.List;

/** A named group of teachers that a trainer follows together. */
public record Cohort(
    long id, String name, String trainer, OffsetDateTime createdAt, List<Teacher> members) {}
