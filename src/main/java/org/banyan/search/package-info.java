/**
 * Lucene search over the published catalog: per-language analysis, taxonomy synonyms, facets,
 * highlighting, suggestions and related lessons, kept current by the content events.
 */
package org.banyan.search;
