package org.banyan.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.banyan.content.Catalog;
import org.banyan.content.Taxonomy;
import org.banyan.problem.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: works without JavaScript; facets are links that add or remove a filter. */
@Controller
class SearchPages {

  /** A facet value as a link that toggles it. */
  public record FacetLink(String label, long count, boolean selected, String url) {}

  /** A topic to try, for the empty state. */
  public record TopicLink(String label, String url) {}

  private static final List<String> KEYS =
      List.of("type", "competency", "topic", "grade", "lang", "duration");

  private final CatalogSearch search;
  private final SearchParameters parameters;
  private final Catalog catalog;

  SearchPages(CatalogSearch search, SearchParameters parameters, Catalog catalog) {
    this.search = search;
    this.parameters = parameters;
    this.catalog = catalog;
  }

  @GetMapping("/search")
  String search(
      @RequestParam MultiValueMap<String, String> params,
      Principal principal,
      Locale locale,
      Model model) {
    MultiValueMap<String, String> clean = new LinkedMultiValueMap<>(params);
    SearchRequest request;
    try {
      request = parameters.read(clean, principal != null, locale, 10);
    } catch (InvalidInput refused) {
      KEYS.forEach(clean::remove);
      clean.remove("page");
      clean.remove("size");
      clean.remove("sort");
      request = parameters.read(clean, principal != null, locale, 10);
    }
    SearchResults results = search.search(request);
    Map<String, List<FacetLink>> facets = new LinkedHashMap<>();
    results
        .facets()
        .forEach(
            (dimension, values) -> {
              List<FacetLink> links = new ArrayList<>();
              for (SearchResults.FacetValue value : values) {
                links.add(
                    new FacetLink(
                        value.label(),
                        value.count(),
                        value.selected(),
                        toggle(clean, dimension, value.value())));
              }
              facets.put(dimension, links);
            });
    Taxonomy taxonomy = catalog.taxonomy();
    model.addAttribute("q", request.text() == null ? "" : request.text());
    model.addAttribute("results", results);
    model.addAttribute("facets", facets);
    model.addAttribute("sort", request.sort() == null ? "" : request.sort());
    model.addAttribute("filters", hidden(clean));
    model.addAttribute("pageUrls", pages(clean, results));
    model.addAttribute("newestUrl", with(clean, "sort", "newest"));
    model.addAttribute("relevanceUrl", with(clean, "sort", "relevance"));
    model.addAttribute(
        "didYouMeanUrl",
        results.didYouMean() == null ? null : with(clean, "q", results.didYouMean()));
    model.addAttribute(
        "topics",
        taxonomy.topics().stream()
            .limit(12)
            .map(t -> new TopicLink(t.label(locale), "/search?topic=" + encode(t.id())))
            .toList());
    return "search/search";
  }

  private static List<String[]> hidden(MultiValueMap<String, String> params) {
    List<String[]> fields = new ArrayList<>();
    for (String key : KEYS) {
      for (String value : params.getOrDefault(key, List.of())) {
        fields.add(new String[] {key, value});
      }
    }
    return fields;
  }

  private static Map<Integer, String> pages(
      MultiValueMap<String, String> params, SearchResults results) {
    Map<Integer, String> urls = new LinkedHashMap<>();
    int last = results.pages();
    for (int page = Math.max(1, results.page() - 3);
        page <= Math.min(last, results.page() + 3);
        page++) {
      urls.put(page, with(params, "page", Integer.toString(page)));
    }
    return urls;
  }

  private static String toggle(MultiValueMap<String, String> params, String key, String value) {
    MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
    List<String> values = new ArrayList<>(next.getOrDefault(key, List.of()));
    if (!values.remove(value)) {
      values.add(value);
    }
    next.put(key, values);
    next.remove("page");
    return url(next);
  }

  private static String with(MultiValueMap<String, String> params, String key, String value) {
    MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
    next.put(key, List.of(value));
    if (!key.equals("page")) {
      next.remove("page");
    }
    return url(next);
  }

  private static String url(MultiValueMap<String, String> params) {
    StringBuilder url = new StringBuilder("/search");
    char separator = '?';
    for (Map.Entry<String, List<String>> entry : params.entrySet()) {
      if (entry.getKey().equals("locale")) {
        continue;
      }
      for (String value : entry.getValue()) {
        url.append(separator).append(encode(entry.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    return url.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
