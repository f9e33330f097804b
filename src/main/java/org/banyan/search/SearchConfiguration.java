package org.banyan.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.banyan.content.Catalog;
import org.banyan.content.CatalogChanges;
import org.banyan.content.CatalogVersion;
import org.banyan.content.Markdown;
import org.banyan.web.CatalogSettings;
import org.banyan.web.PublicPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

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

  @Bean(destroyMethod = "close")
  IndexFollower indexFollower(
      SearchIndex index,
      Suggestions suggestions,
      Catalog catalog,
      CatalogChanges changes,
      CatalogVersion version) {
    return new IndexFollower(index, suggestions, catalog, changes, version);
  }

  @Bean(destroyMethod = "close")
  JournalWatch journalWatch(
      IndexFollower follower,
      CatalogChanges changes,
      Environment environment,
      @Value("${banyan.journal.poll-interval:PT5S}") Duration poll) {
    return new JournalWatch(
        follower,
        changes,
        environment.getProperty("spring.datasource.url"),
        environment.getProperty("spring.datasource.username"),
        environment.getProperty("spring.datasource.password"),
        poll);
  }

  /** Search, suggestions and snippets are part of the catalog: open only when it is. */
  @Bean
  PublicPaths searchPublicPaths(CatalogSettings catalog) {
    return catalog.publicPaths(
        List.of("/search", "/search/**"), List.of("/api/v1/search", "/api/v1/suggest"));
  }

  /**
   * After the seed content is in, bring the index up to date (catch up, or rebuild), then follow
   * the change journal.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ApplicationRunner searchStartup(IndexFollower follower, JournalWatch watch) {
    return (ApplicationArguments args) -> {
      follower.start();
      watch.start();
    };
  }
}
