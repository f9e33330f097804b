package org.banyan.content;

/**
 * A live item's published revision and title, without its content: what the search index compares
 * with its own on start, and what suggestions are made of.
 */
public record PublishedListing(
    long id, int revision, ContentType type, String lang, String slug, String title) {}
