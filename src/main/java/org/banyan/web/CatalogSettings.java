package org.banyan.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Whether visitors who are not signed in may read the published catalog ({@code
 * banyan.catalog.public}, {@code BANYAN_CATALOG_PUBLIC}). Every feature that serves part of the
 * catalog (lessons and courses, search, suggestions, related lessons, media) opens its paths
 * through {@link #publicPaths}, so this one setting decides for all of them.
 *
 * @param publicAccess true (the default) to open the catalog to everyone
 */
@ConfigurationProperties("banyan.catalog")
public record CatalogSettings(@Name("public") @DefaultValue("true") boolean publicAccess) {

  /** The given paths of the catalog, open to everyone when the catalog is public, else none. */
  public PublicPaths publicPaths(List<String> pages, List<String> apiReads) {
    return publicAccess ? new PublicPaths(pages, apiReads) : new PublicPaths(List.of(), List.of());
  }
}
