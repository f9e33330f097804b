package org.banyan.course;

import java.time.LocalDate;

/** A teacher marked a lesson as taught with one of their classes; sent after commit. */
public record LessonDelivered(
    long classId,
    String teacher,
    String lang,
    String lessonSlug,
    LocalDate deliveredOn,
    Integer rating) {}
