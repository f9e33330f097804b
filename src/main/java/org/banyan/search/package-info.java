/**
 * Lucene search over the published catalog: per-language analysis, taxonomy synonyms, facets,
 * highlighting, suggestions and related lessons, kept current by the content events.
 */
@ApplicationModule(
    displayName = "Search",
    allowedDependencies = {"content :: catalog", "content :: events", "problem", "web"})
package org.banyan.search;

import org.springframework.modulith.ApplicationModule;
