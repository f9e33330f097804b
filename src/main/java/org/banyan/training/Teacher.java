package org.banyan.training;

/**
 * A teacher as trainers pick them.
 *
 * @param school the name of the teacher's school; null when none is set
 */
public record Teacher(String username, String displayName, String school) {}
