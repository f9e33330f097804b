package org.banyan.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param facets counts per facet dimension ({@code type}, {@code competency}, {@code topic}, {@code
 *     grade}, {@code lang}, {@code duration})
 * @param didYouMean a corrected query when the words look misspelled; null otherwise
 */
public record SearchResults(
    long total,
    int page,
    int size,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String didYouMean) {

  /**
   * One result: an item in one language, the reader's when it matches.
   *
   * @param highlight a snippet as HTML: escaped text with the matched words in {@code <mark>}; null
   *     when none was found
   * @param translations the item in its other languages, whether they match or not; empty when it
   *     has none
   */
  public record Hit(
      String type,
      String slug,
      String lang,
      String title,
      String summary,
      String highlight,
      List<String> competencies,
      List<String> topics,
      List<Integer> grades,
      Integer durationMinutes,
      String url,
      float score,
      List<Translation> translations) {}

  /** An item in another language, as a link. */
  public record Translation(String lang, String slug, String title, String url) {}

  /** A facet value, its label in the UI language, and how many results have it. */
  public record FacetValue(String value, String label, long count, boolean selected) {}

  public int pages() {
    return size == 0 ? 0 : (int) Math.min(100, (total + size - 1) / size);
  }
}
