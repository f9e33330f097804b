package org.banyan.search;

import java.util.List;
import org.banyan.content.RelatedLessons;
import org.springframework.stereotype.Component;

/** Related lessons for the lesson page, by MoreLikeThis over the index. */
@Component
class SearchRelatedLessons implements RelatedLessons {

  private final CatalogSearch search;

  SearchRelatedLessons(CatalogSearch search) {
    this.search = search;
  }

  @Override
  public List<Related> related(String lang, String slug, int count) {
    return search.related(lang, slug, count).stream()
        .map(hit -> new Related(hit.slug(), hit.lang(), hit.title(), hit.url()))
        .toList();
  }
}
