package org.banyan.search;

import java.util.List;
import java.util.Locale;

/**
 * One search. Filters combine with AND across facets and OR within one; empty lists filter nothing.
 *
 * @param text what the user typed; never parsed as a query language; may be null
 * @param sort {@code relevance} or {@code newest}; null for relevance (newest when there is no
 *     text)
 * @param signedIn whether training modules may be shown
 * @param locale the UI language, for facet labels
 */
public record SearchRequest(
    String text,
    List<String> types,
    List<String> langs,
    List<String> grades,
    List<String> competencies,
    List<String> topics,
    List<String> durations,
    String sort,
    int page,
    int size,
    boolean signedIn,
    Locale locale) {

  public SearchRequest {
    types = copy(types);
    langs = copy(langs);
    grades = copy(grades);
    competencies = copy(competencies);
    topics = copy(topics);
    durations = copy(durations);
  }

  /** Everything, newest first: the first page of twenty. */
  public static SearchRequest of(String text, boolean signedIn, Locale locale) {
    return new SearchRequest(
        text, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, 1, 10,
        signedIn, locale);
  }

  private static List<String> copy(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }
}
