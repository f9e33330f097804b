package org.banyan.content;

/** An item was taken off the catalog; sent after the transaction that archived it committed. */
public record ContentArchived(long id, ContentType type, String lang, String slug) {}
