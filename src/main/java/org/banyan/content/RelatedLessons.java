package org.banyan.content;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Lessons like a given one, for the lesson page; provided by the search feature when it is present,
 * so that content does not depend on it.
 */
@NamedInterface("catalog")
public interface RelatedLessons {

  /** A lesson to suggest next to another. */
  record Related(String slug, String lang, String title, String url) {}

  List<Related> related(String lang, String slug, int count);
}
