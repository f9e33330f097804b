package org.banyan.content;

/** An item with the content of its latest revision, for editing. */
public record Draft(ItemSummary item, Content content) {}
