package org.banyan.search;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchApi {

  record Results(
      long total,
      int page,
      int size,
      List<SearchResults.Hit> hits,
      Map<String, List<Facet>> facets,
      String didYouMean) {}

  record Facet(String value, String label, long count) {}

  record Suggestions(List<Suggestion> suggestions) {}

  record Related(List<SearchResults.Hit> hits) {}

  record Rebuilt(int indexed, long millis) {}

  private final CatalogSearch search;
  private final SearchParameters parameters;
  private final Catalog catalog;
  private final IndexFollower maintenance;

  SearchApi(
      CatalogSearch search,
      SearchParameters parameters,
      Catalog catalog,
      IndexFollower maintenance) {
    this.search = search;
    this.parameters = parameters;
    this.catalog = catalog;
    this.maintenance = maintenance;
  }

  @GetMapping("/api/v1/search")
  Results search(
      @RequestParam MultiValueMap<String, String> params, Principal principal, Locale locale) {
    SearchResults results = search.search(parameters.read(params, principal != null, locale, 10));
    Map<String, List<Facet>> facets = new java.util.LinkedHashMap<>();
    results
        .facets()
        .forEach(
            (dimension, values) ->
                facets.put(
                    dimension,
                    values.stream().map(v -> new Facet(v.value(), v.label(), v.count())).toList()));
    return new Results(
        results.total(),
        results.page(),
        results.size(),
        results.hits(),
        facets,
        results.didYouMean());
  }

  @GetMapping("/api/v1/suggest")
  Suggestions suggest(@RequestParam(required = false) String q, Principal principal) {
    return new Suggestions(search.suggest(q, principal != null));
  }

  @GetMapping("/api/v1/lessons/{lang}/{slug}/related")
  Related related(@PathVariable String lang, @PathVariable String slug) {
    catalog.get(ContentType.LESSON, lang, slug);
    return new Related(search.related(lang, slug, 5));
  }

  @PostMapping("/api/v1/admin/reindex")
  @PreAuthorize("hasRole('ADMIN')")
  Rebuilt reindex() {
    long started = System.nanoTime();
    int count = maintenance.rebuild();
    return new Rebuilt(count, (System.nanoTime() - started) / 1_000_000);
  }
}
