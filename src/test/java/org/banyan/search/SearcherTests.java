package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.banyan.content.Markdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters given as bits find what the query alone finds, less the documents whose stored values the
 * filters do not admit.
 */
class SearcherTests {

  @Test
  void filterBitsAdmitTheFilteredLiveDocumentsOnly(@TempDir Path dir) throws Exception {
    try (SearchIndex index = new SearchIndex(dir, new Documents(new Markdown()))) {
      index.rebuild(SyntheticItems.lessons(300));
      // Deleted documents are in the facet values' bits until their segment is merged away.
      for (long id = 1; id <= 300; id += 7) {
        index.remove(id);
      }
      index.refreshNow();
      SearchIndex.Searcher searcher = index.acquire();
      try {
        Query words =
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", "calm")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("body", "item3")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("body", "呼吸")), BooleanClause.Occur.SHOULD)
                .build();
        for (Map<String, List<String>> selected :
            List.of(
                Map.<String, List<String>>of(),
                Map.of(IndexSchema.F_LANG, List.of("en")),
                Map.of(IndexSchema.F_LANG, List.of("en", "zh-CN")),
                Map.of(IndexSchema.F_LANG, List.of("zh-CN"), IndexSchema.F_GRADE, List.of("4")),
                Map.of(IndexSchema.F_GRADE, List.of("9")))) {
          FacetOrdinals.Counter counter = searcher.facets.counter(selected);
          TopDocs found =
              searcher
                  .collect(
                      words,
                      new TopScoreDocCollectorManager(500, null, 500).newCollector(),
                      counter::passing)
                  .topDocs();
          assertThat(ids(searcher, found))
              .as(selected.toString())
              .isEqualTo(admitted(searcher, searcher.search(words, 500), selected));
        }
        FacetOrdinals.Counter english =
            searcher.facets.counter(Map.of(IndexSchema.F_LANG, List.of("en")));
        Set<String> ids =
            ids(
                searcher,
                searcher
                    .collect(
                        words,
                        new TopScoreDocCollectorManager(500, null, 500).newCollector(),
                        english::passing)
                    .topDocs());
        assertThat(ids).isNotEmpty().doesNotContain("1", "15", "295");
        assertThat(ids).allMatch(id -> Long.parseLong(id) % 2 == 1);
      } finally {
        index.release(searcher);
      }
    }
  }

  /**
   * The ids of {@code docs} whose stored language and grades have, for every selected dimension,
   * one of its selected values.
   */
  private static Set<String> admitted(
      SearchIndex.Searcher searcher, TopDocs docs, Map<String, List<String>> selected)
      throws Exception {
    Set<String> ids = new HashSet<>();
    for (ScoreDoc hit : docs.scoreDocs) {
      Document doc = searcher.storedFields().document(hit.doc);
      Map<String, List<String>> values =
          Map.of(
              IndexSchema.F_LANG,
              List.of(doc.get(IndexSchema.LANG)),
              IndexSchema.F_GRADE,
              Arrays.stream(doc.getFields(IndexSchema.GRADES))
                  .map(f -> f.numericValue().toString())
                  .toList());
      if (selected.entrySet().stream()
          .allMatch(e -> values.get(e.getKey()).stream().anyMatch(e.getValue()::contains))) {
        ids.add(doc.get(IndexSchema.ID));
      }
    }
    return ids;
  }

  private static Set<String> ids(SearchIndex.Searcher searcher, TopDocs docs) throws Exception {
    Set<String> ids = new HashSet<>();
    for (ScoreDoc doc : docs.scoreDocs) {
      ids.add(searcher.storedFields().document(doc.doc).get(IndexSchema.ID));
    }
    return ids;
  }
}
