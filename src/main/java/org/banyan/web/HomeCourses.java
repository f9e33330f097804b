package org.banyan.web;

import java.util.List;
import java.util.Locale;

/**
 * The courses the home page lists under each grade band. The content feature provides them; web
 * depends on no feature, so it asks through this interface (none: the home page lists none).
 */
public interface HomeCourses {

  /**
   * Per grade band ({@code 1-2}, {@code 3-4}, {@code 5-6}, {@code 7-9}), the published courses for
   * it: each once, in the language of {@code locale} when it has it, those first. Bands without a
   * course are left out.
   */
  List<Band> byGradeBand(Locale locale);

  /** A grade band, by its key, and its courses. */
  record Band(String key, List<Course> courses) {}

  /** A course as a link: its title, address and language. */
  record Course(String title, String url, String lang) {}
}
