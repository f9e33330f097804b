package org.banyan.course;

import java.time.LocalDate;

/**
 * A teacher marked a lesson as taught with one of their classes; sent within the transaction that
 * recorded it, so the event publication registry keeps it until its listeners have handled it.
 */
public record LessonDelivered(
    long classId,
    String teacher,
    String lang,
    String lessonSlug,
    LocalDate deliveredOn,
    Integer rating) {}
