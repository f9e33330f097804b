package org.banyan.training;

import java.time.LocalDate;

/** One of a teacher's live assignments and how far they are with it. */
public record MyAssignment(
    long id,
    ModuleLink module,
    LocalDate dueOn,
    TrainingStatus status,
    int percent,
    int revision) {}
