package org.banyan.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.banyan.content.Catalog;
import org.banyan.content.Taxonomy;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/** Reads search parameters, refusing bad values with the parameter's name. */
@Component
class SearchParameters {

  private static final List<String> TYPES = List.of("lesson", "course", "module");
  private static final List<String> LANGS = List.of("zh-CN", "en");
  private static final List<String> DURATIONS = List.of("0-20", "21-40", "41-60", "61+");
  private static final List<String> SORTS = List.of("relevance", "newest");

  private final Catalog catalog;

  SearchParameters(Catalog catalog) {
    this.catalog = catalog;
  }

  SearchRequest read(
      MultiValueMap<String, String> params, boolean signedIn, Locale locale, int defaultSize) {
    List<Violation> violations = new ArrayList<>();
    Taxonomy taxonomy = catalog.taxonomy();
    List<String> types = allowed(params, "type", TYPES, violations);
    List<String> langs = allowed(params, "lang", LANGS, violations);
    List<String> grades =
        allowed(params, "grade", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), violations);
    List<String> competencies =
        allowed(
            params,
            "competency",
            taxonomy.competencies().stream().map(Taxonomy.Term::id).toList(),
            violations);
    List<String> topics =
        allowed(
            params,
            "topic",
            taxonomy.topics().stream().map(Taxonomy.Term::id).toList(),
            violations);
    List<String> durations = allowed(params, "duration", DURATIONS, violations);
    List<String> sorts = allowed(params, "sort", SORTS, violations);
    int page = number(params, "page", 1, 1, CatalogSearch.MAX_PAGE, violations);
    int size = number(params, "size", defaultSize, 1, CatalogSearch.MAX_SIZE, violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return new SearchRequest(
        params.getFirst("q"),
        types,
        langs,
        grades,
        competencies,
        topics,
        durations,
        sorts.isEmpty() ? null : sorts.get(0),
        page,
        size,
        signedIn,
        locale);
  }

  private static List<String> allowed(
      MultiValueMap<String, String> params,
      String name,
      List<String> allowed,
      List<Violation> violations) {
    List<String> values = new ArrayList<>();
    for (String value : params.getOrDefault(name, List.of())) {
      if (value == null || value.isBlank()) {
        continue;
      }
      if (allowed.contains(value)) {
        values.add(value);
      } else {
        violations.add(Violation.of(name, "invalid.search.value", value));
      }
    }
    return values;
  }

  private static int number(
      MultiValueMap<String, String> params,
      String name,
      int fallback,
      int min,
      int max,
      List<Violation> violations) {
    String value = params.getFirst(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        violations.add(Violation.of(name, "invalid.search.range", min, max));
      }
      return number;
    } catch (NumberFormatException e) {
      violations.add(Violation.of(name, "invalid.search.range", min, max));
      return fallback;
    }
  }
}
