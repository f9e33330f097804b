package org.banyan.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.banyan.web.HomeCourses;
import org.springframework.stereotype.Component;

/**
 * The home page's courses by grade band, made once per catalog version and language: the home page
 * is the most visited, and the courses change only when something is published or archived.
 */
@Component
class CoursesByGradeBand implements HomeCourses {

  private record Made(String version, List<Band> bands) {}

  private final Catalog catalog;
  private final CatalogVersion version;
  private final Map<String, Made> made = new ConcurrentHashMap<>();

  CoursesByGradeBand(Catalog catalog, CatalogVersion version) {
    this.catalog = catalog;
    this.version = version;
  }

  @Override
  public List<Band> byGradeBand(Locale locale) {
    String reader = Languages.of(locale);
    String now = version.current();
    Made known = made.get(reader);
    if (known != null && known.version().equals(now)) {
      return known.bands();
    }
    List<Shelves.Entry> courses = Shelves.entries(catalog.all(ContentType.COURSE, null), reader);
    List<Band> bands =
        Shelves.bands(courses, item -> ((CourseContent) item.content()).grades()).stream()
            .map(
                band ->
                    new Band(
                        band.key(),
                        band.entries().stream()
                            .map(
                                e ->
                                    new Course(
                                        e.item().content().title(),
                                        e.item().url(),
                                        e.item().lang()))
                            .toList()))
            .toList();
    // Made from the catalog as it was at this version or later: kept under the version read first.
    made.put(reader, new Made(now, bands));
    return bands;
  }
}
