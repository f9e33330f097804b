package org.banyan.content;

/**
 * Someone a teacher can turn to when a child needs more help than a lesson: set per deployment.
 *
 * @param note hours or who it is for; may be null
 */
public record ReferralContact(String name, String phone, String note) {}
