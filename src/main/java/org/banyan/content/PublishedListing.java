package org.banyan.content;

import org.springframework.modulith.NamedInterface;

/**
 * A live item's published revision and title, without its content: what the search index compares
 * with its own on start, and what suggestions are made of.
 */
@NamedInterface("catalog")
public record PublishedListing(
    long id, int revision, ContentType type, String lang, String slug, String title) {}
