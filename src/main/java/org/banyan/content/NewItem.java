package org.banyan.content;

/**
 * What an author gives to create an item.
 *
 * @param slug the reader's name of the item; null to derive one from the title
 * @param translationOf the id of an item this one translates; null for none
 * @param note a word about this revision; may be null
 */
public record NewItem(String slug, String lang, Long translationOf, Content content, String note) {}
