package org.banyan.search;

/**
 * An autocomplete suggestion: a title of an item, or a topic ({@code type} {@code topic}, {@code
 * slug} its id).
 */
public record Suggestion(String text, String type, String slug, String lang) {}
