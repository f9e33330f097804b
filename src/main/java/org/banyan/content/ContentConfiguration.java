package org.banyan.content;

import java.util.List;
import org.banyan.web.CatalogSettings;
import org.banyan.web.PublicPaths;
import org.banyan.web.UploadPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ContentSettings.class, ImportLimits.class})
class ContentConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ContentConfiguration.class);

  /** Published lessons and courses are open to everyone unless the catalog is private. */
  @Bean
  PublicPaths catalogPublicPaths(CatalogSettings catalog) {
    return catalog.publicPaths(
        List.of("/lessons", "/lessons/**", "/courses", "/courses/**"),
        List.of("/api/v1/lessons", "/api/v1/lessons/**", "/api/v1/courses", "/api/v1/courses/**"));
  }

  /** Attachments of a lesson, media files in the module editor, and the import of a zip. */
  @Bean
  UploadPaths contentUploadPaths() {
    return new UploadPaths(
        List.of(
            "/authoring/lessons/*/attachments",
            "/authoring/modules",
            "/authoring/modules/*",
            "/admin/content/import",
            "/api/v1/admin/import"));
  }

  /**
   * On first start with an empty database, the seed curriculum is imported as published, before the
   * search index is brought up to date (which runs last).
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE - 1)
  ApplicationRunner seedContent(ContentImporter importer, ContentFolder folder) {
    return (ApplicationArguments args) -> {
      if (!importer.isEmpty()) {
        return;
      }
      ImportReport report = importer.importFolder("system");
      log.info(
          "Imported the content in {}: {} items, {} problems",
          folder.describe(),
          report.imported(),
          report.errors().size());
      report.errors().forEach(e -> log.warn("  {}:{}: {}", e.path(), e.line(), e.reason()));
    };
  }

  /**
   * Reader pages for visitors, made once per catalog version: inside the security filters (which
   * say whether the visitor is signed in), before the pages are made.
   */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<CatalogPageCache> catalogPageCache(
      CatalogVersion version,
      org.springframework.web.servlet.LocaleResolver locales,
      @org.springframework.beans.factory.annotation.Value("${banyan.theme}") String theme) {
    org.springframework.boot.web.servlet.FilterRegistrationBean<CatalogPageCache> registration =
        new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
            new CatalogPageCache(version, locales, theme));
    registration.addUrlPatterns("/lessons", "/lessons/*", "/courses", "/courses/*");
    registration.setOrder(0);
    return registration;
  }
}
