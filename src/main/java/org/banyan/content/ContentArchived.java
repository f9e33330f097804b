package org.banyan.content;

/**
 * An item was taken off the catalog. Published inside the transaction that archived it, and heard
 * after that committed, like {@link ContentPublished}.
 */
public record ContentArchived(long id, ContentType type, String lang, String slug) {}
