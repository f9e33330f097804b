package org.banyan.content;

/** An item's revision went live; sent after the transaction that published it committed. */
public record ContentPublished(PublishedItem item) {}
