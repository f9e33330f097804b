package org.banyan.course;

/**
 * A lesson taught with a class.
 *
 * @param deliveredOn the date, {@code yyyy-MM-dd}; not in the future
 * @param minutes how long it took; may be null
 * @param rating how it went, 1 to 5; may be null
 * @param notes a short note; may be null
 * @param confirmPersonalData true to save notes that look like personal data anyway
 */
public record Delivery(
    String lessonSlug,
    String deliveredOn,
    Integer minutes,
    Integer rating,
    String notes,
    Boolean confirmPersonalData) {}
