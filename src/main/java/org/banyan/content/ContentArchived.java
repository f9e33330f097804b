package org.banyan.content;

import org.springframework.modulith.NamedInterface;

/**
 * An item was taken off the catalog. Published inside the transaction that archived it, and heard
 * after that committed, like {@link ContentPublished}.
 */
@NamedInterface("events")
public record ContentArchived(long id, ContentType type, String lang, String slug) {}
