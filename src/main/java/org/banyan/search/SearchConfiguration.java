package org.banyan.search;

import java.nio.file.Path;
import java.util.List;
import org.banyan.content.Catalog;
import org.banyan.content.ContentArchived;
import org.banyan.content.ContentPublished;
import org.banyan.content.Markdown;
import org.banyan.content.PublishedListing;
import org.banyan.web.CatalogSettings;
import org.banyan.web.PublicPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

  @Bean(destroyMethod = "close")
  SearchIndex searchIndex(@Value("${banyan.data-dir}") Path dataDir, Markdown markdown) {
    return new SearchIndex(dataDir.resolve("index"), new Documents(markdown));
  }

  @Bean(destroyMethod = "close")
  Suggestions suggestions(@Value("${banyan.data-dir}") Path dataDir) {
    return new Suggestions(dataDir.resolve("suggest"));
  }

  @Bean
  CatalogSearch catalogSearch(
      SearchIndex index, Suggestions suggestions, Catalog catalog, FacetLabels labels) {
    return new CatalogSearch(index, suggestions, catalog, labels);
  }

  @Bean
  IndexMaintenance indexMaintenance(SearchIndex index, Suggestions suggestions, Catalog catalog) {
    return new IndexMaintenance(index, suggestions, catalog);
  }

  /** Search, suggestions and snippets are part of the catalog: open only when it is. */
  @Bean
  PublicPaths searchPublicPaths(CatalogSettings catalog) {
    return catalog.publicPaths(
        List.of("/search", "/search/**"), List.of("/api/v1/search", "/api/v1/suggest"));
  }

  /** After the seed content is in, build the index when it must be, else reconcile it. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ApplicationRunner searchStartup(IndexMaintenance maintenance) {
    return (ApplicationArguments args) -> maintenance.start();
  }

  /** Follows the content events, and rebuilds on request. */
  static class IndexMaintenance {
    private final SearchIndex index;
    private final Suggestions suggestions;
    private final Catalog catalog;

    IndexMaintenance(SearchIndex index, Suggestions suggestions, Catalog catalog) {
      this.index = index;
      this.suggestions = suggestions;
      this.catalog = catalog;
    }

    void start() {
      long started = System.nanoTime();
      // Read once: what reconciling compares with, and what suggestions are made of.
      List<PublishedListing> live = catalog.listings();
      if (index.needsRebuild()) {
        int count = index.rebuild(catalog::eachPublished);
        log.info(
            "Built the search index: {} items in {} ms",
            count,
            (System.nanoTime() - started) / 1_000_000);
      } else {
        int changed = index.reconcile(live, catalog::published);
        log.info(
            "Search index checked against the catalog: {} items, {} brought up to date",
            live.size(),
            changed);
      }
      suggestions.rebuild(() -> live, catalog.taxonomy());
    }

    /**
     * Rebuilds the whole index from SQL, reading the items a few at a time while they are indexed;
     * answers how many items were indexed.
     */
    int rebuild() {
      int count = index.rebuild(catalog::eachPublished);
      suggestions.rebuild(catalog::listings, catalog.taxonomy());
      return count;
    }

    @EventListener
    void published(ContentPublished event) {
      index.put(event.item());
      suggestions.put(event.item().listing());
    }

    @EventListener
    void archived(ContentArchived event) {
      index.remove(event.id());
      suggestions.remove(event.id());
    }
  }
}
