package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Our facet counting against Lucene's own drill sideways, on random documents spread over several
 * segments with deletions: the same totals and the same count for every value, with and without
 * filters.
 */
class FacetOrdinalsTests {

  private static final List<String> DIMENSIONS = List.of("type", "topic", "grade", "lang");
  private static final String[] WORDS = {"calm", "angry", "friend", "home", "letter", "school"};

  @Test
  void countsAsDrillSidewaysDoes() throws IOException {
    Random random = new Random(42);
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("topic", true);
    config.setMultiValued("grade", true);
    FacetOrdinals.Cache cache = new FacetOrdinals.Cache();
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < 3_000; i++) {
        writer.addDocument(config.build(document(random, i)));
        if (i % 700 == 699) {
          writer.commit();
        }
      }
      for (int i = 0; i < 200; i++) {
        writer.deleteDocuments(new Term("id", Integer.toString(random.nextInt(3_000))));
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        assertThat(reader.numDeletedDocs()).isPositive();
        IndexSearcher searcher = new IndexSearcher(reader);
        FacetOrdinals ordinals = FacetOrdinals.of(reader, "$facets", DIMENSIONS, cache);
        MatchBits matches = new MatchBits(1 << 20);
        DefaultSortedSetDocValuesReaderState state =
            new DefaultSortedSetDocValuesReaderState(reader, config);
        for (int round = 0; round < 60; round++) {
          Query text = textQuery(random);
          Map<String, List<String>> selected = selection(random, round);
          DrillDownQuery drill = new DrillDownQuery(config, text);
          selected.forEach((dimension, values) -> values.forEach(v -> drill.add(dimension, v)));
          DrillSideways.ConcurrentDrillSidewaysResult<Integer> expected =
              new DrillSideways(searcher, config, state)
                  .search(drill, new TotalHitCountCollectorManager());

          FacetOrdinals.Counts actual =
              ordinals.counter(selected).count(matches.matches(searcher, text));

          assertThat(actual.total())
              .as("total, round %d", round)
              .isEqualTo(expected.collectorResult.longValue());
          for (String dimension : DIMENSIONS) {
            FacetResult result = expected.facets.getTopChildren(100, dimension);
            Map<String, Long> wanted = new HashMap<>();
            if (result != null) {
              for (LabelAndValue value : result.labelValues) {
                wanted.put(value.label, value.value.longValue());
              }
            }
            Map<String, Long> got = new HashMap<>();
            for (FacetOrdinals.Value value : actual.dimensions().get(dimension)) {
              got.put(value.value(), value.count());
            }
            assertThat(got).as("%s, round %d, %s", dimension, round, selected).isEqualTo(wanted);
          }
        }
        // A segment's values are read once and shared by the searchers of later readers.
        FacetOrdinals again = FacetOrdinals.of(reader, "$facets", DIMENSIONS, cache);
        assertThat(
                again
                    .counter(Map.of())
                    .count(matches.matches(searcher, new MatchAllDocsQuery()))
                    .total())
            .isEqualTo(reader.numDocs());
      }
    }
  }

  private static Document document(Random random, int id) {
    Document doc = new Document();
    doc.add(new StringField("id", Integer.toString(id), Field.Store.NO));
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < 1 + random.nextInt(4); w++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    doc.add(new TextField("text", text.toString(), Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField("type", random.nextInt(5) == 0 ? "course" : "lesson"));
    if (random.nextInt(10) > 0) {
      doc.add(new SortedSetDocValuesFacetField("lang", random.nextBoolean() ? "en" : "zh-CN"));
    }
    for (int t = 0; t < random.nextInt(4); t++) {
      doc.add(new SortedSetDocValuesFacetField("topic", "topic-" + random.nextInt(12)));
    }
    for (int g = 0; g < random.nextInt(3); g++) {
      doc.add(new SortedSetDocValuesFacetField("grade", Integer.toString(1 + random.nextInt(9))));
    }
    return doc;
  }

  private static Query textQuery(Random random) {
    if (random.nextInt(5) == 0) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (int i = 0; i < 1 + random.nextInt(2); i++) {
      any.add(
          new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)])),
          BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private static Map<String, List<String>> selection(Random random, int round) {
    Map<String, List<String>> selected = new LinkedHashMap<>();
    if (round % 4 == 0) {
      return selected;
    }
    if (random.nextBoolean()) {
      selected.put("grade", values(random, "", 9, 1));
    }
    if (random.nextBoolean()) {
      selected.put("topic", values(random, "topic-", 12, 0));
    }
    if (random.nextInt(3) == 0) {
      selected.put("lang", List.of(random.nextBoolean() ? "en" : "zh-CN"));
    }
    if (random.nextInt(4) == 0) {
      selected.put("type", List.of("course"));
    }
    if (round % 7 == 0) {
      selected.put("grade", List.of("99"));
    }
    return selected;
  }

  private static List<String> values(Random random, String prefix, int range, int first) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(2); i++) {
      values.add(prefix + (first + random.nextInt(range)));
    }
    return values;
  }
}
