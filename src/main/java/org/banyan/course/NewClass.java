package org.banyan.course;

/**
 * What a teacher gives to start a class on a course. Numbers are boxed so that a missing one is
 * refused.
 */
public record NewClass(
    String name, Integer grade, Integer pupils, String courseSlug, String lang) {}
