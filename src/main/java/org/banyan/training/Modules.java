package org.banyan.training;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.banyan.content.Catalog;
import org.banyan.content.ContentNotFound;
import org.banyan.content.ContentType;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
import org.banyan.content.UnitType;
import org.springframework.stereotype.Component;

/**
 * Training modules as the content store has them: the published one by slug, and any revision by
 * number. Revisions never change, so they are kept in memory once read.
 */
@Component
class Modules {

  private final Catalog catalog;
  private final Map<String, ModuleContent> revisions = new ConcurrentHashMap<>();

  Modules(Catalog catalog) {
    this.catalog = catalog;
  }

  Optional<PublishedItem> find(String lang, String slug) {
    return lang == null || slug == null
        ? Optional.empty()
        : catalog.find(ContentType.MODULE, lang, slug);
  }

  PublishedItem get(String lang, String slug) {
    return find(lang, slug)
        .orElseThrow(() -> ContentNotFound.forSlug(ContentType.MODULE, lang, slug));
  }

  List<PublishedItem> published(String lang) {
    return catalog.all(ContentType.MODULE, lang);
  }

  /** A published lesson's title, or its slug when it is not published. */
  String lessonTitle(String lang, String slug) {
    return catalog.find(ContentType.LESSON, lang, slug).map(p -> p.content().title()).orElse(slug);
  }

  ModuleContent revision(long itemId, int revision) {
    return revisions.computeIfAbsent(
        itemId + "/" + revision,
        key -> (ModuleContent) catalog.revision(ContentType.MODULE, itemId, revision));
  }

  static List<String> unitIds(ModuleContent module) {
    return module.units().stream().map(ModuleContent.Unit::id).toList();
  }

  static List<String> unitIds(ModuleContent module, UnitType type) {
    return module.units().stream()
        .filter(u -> u.type() == type)
        .map(ModuleContent.Unit::id)
        .toList();
  }
}
