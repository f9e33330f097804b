package org.banyan.training;

import java.time.OffsetDateTime;

/**
 * A module a teacher has started, on their own or through an assignment.
 *
 * @param certificate the verification code once complete; else null
 */
public record StartedModule(
    ModuleLink module,
    TrainingStatus status,
    int percent,
    OffsetDateTime completedAt,
    String certificate) {}
