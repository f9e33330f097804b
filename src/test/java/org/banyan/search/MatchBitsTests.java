package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * Matches gathered as bits against the matches Lucene itself finds for the same query, on random
 * documents over several segments with deletions: with the terms read afresh, kept, kept after more
 * deletions, and with too little memory to keep many.
 */
class MatchBitsTests {

  /** From a word in most documents to words in very few (kept and not kept). */
  private static final String[] WORDS = {
    "calm", "angry", "friend", "home", "letter", "school", "grandmother", "quiet", "rare"
  };

  private static final int DOCS = 4_000;

  @Test
  void matchesWhatLuceneMatches() throws IOException {
    Random random = new Random(7);
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(
                directory,
                new IndexWriterConfig(new StandardAnalyzer())
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < DOCS; i++) {
        writer.addDocument(document(random, i));
        if (i % 900 == 899) {
          writer.commit();
        }
      }
      deleteSome(writer, random);
      MatchBits bits = new MatchBits(64L << 20);
      Query[] queries = new Query[80];
      for (int i = 0; i < queries.length; i++) {
        queries[i] = query(random, 2);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(2);
        assertThat(reader.numDeletedDocs()).isPositive();
        // Twice: first read from the postings, then from what was kept.
        compareAll(reader, bits, queries);
        MatchBits.Stats first = bits.stats();
        assertThat(first.terms()).isPositive();
        compareAll(reader, bits, queries);
        assertThat(bits.stats().hits()).isGreaterThan(first.hits());
        // Forgotten: read afresh, still right.
        bits.clear();
        assertThat(bits.stats().terms()).isZero();
        assertThat(bits.stats().bytes()).isZero();
        compareAll(reader, bits, queries);
      }

      // More deletions: the same segments, other live documents.
      deleteSome(writer, random);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        compareAll(reader, bits, queries);
      }
      // Too little room for more than a few terms: still right, and within bounds.
      MatchBits small = new MatchBits(2_000);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        compareAll(reader, small, queries);
        compareAll(reader, small, queries);
      }
      assertThat(small.stats().bytes()).isLessThanOrEqualTo(2_000);
      // The readers are closed: nothing is kept for their segments any more.
      assertThat(bits.stats().terms()).isZero();
      assertThat(bits.stats().bytes()).isZero();
    }
  }

  private static void compareAll(DirectoryReader reader, MatchBits bits, Query[] queries)
      throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    for (Query query : queries) {
      BitSet expected = luceneMatches(searcher, query);
      BitSet actual = new BitSet();
      List<FixedBitSet> matches = bits.matches(searcher, query);
      assertThat(matches).hasSameSizeAs(reader.leaves());
      for (LeafReaderContext leaf : reader.leaves()) {
        FixedBitSet leafMatches = matches.get(leaf.ord);
        for (int doc = 0; doc < leafMatches.length(); doc++) {
          if (leafMatches.get(doc)) {
            actual.set(leaf.docBase + doc);
          }
        }
      }
      assertThat(actual).as("%s", query).isEqualTo(expected);
    }
  }

  private static BitSet luceneMatches(IndexSearcher searcher, Query query) throws IOException {
    BitSet found = new BitSet();
    searcher.search(
        query,
        new SimpleCollector() {
          private int base;

          @Override
          protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
          }

          @Override
          public void collect(int doc) {
            found.set(base + doc);
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    return found;
  }

  private static void deleteSome(IndexWriter writer, Random random) throws IOException {
    for (int i = 0; i < 150; i++) {
      writer.deleteDocuments(new Term("id", Integer.toString(random.nextInt(DOCS))));
    }
    writer.commit();
  }

  private static Document document(Random random, int id) {
    Document doc = new Document();
    doc.add(new StringField("id", Integer.toString(id), Field.Store.NO));
    doc.add(new StringField("type", id % 5 == 0 ? "module" : "lesson", Field.Store.NO));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < WORDS.length; i++) {
      // Word i is in about one document in 2^i.
      if (random.nextInt(1 << i) == 0) {
        text.append(WORDS[i]).append(' ');
      }
    }
    doc.add(
        new TextField(random.nextBoolean() ? "title" : "body", text.toString(), Field.Store.NO));
    return doc;
  }

  /** Nested disjunctions, conjunctions and exclusions of terms, as the search builds and more. */
  private static Query query(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 4);
    return switch (kind) {
      case 0 -> new MatchAllDocsQuery();
      case 1 -> new FuzzyQuery(new Term(field(random), "frend"), 1);
      case 2, 3 ->
          new BoostQuery(
              new TermQuery(new Term(field(random), WORDS[random.nextInt(WORDS.length)])), 2f);
      default -> {
        BooleanQuery.Builder bool = new BooleanQuery.Builder();
        BooleanClause.Occur[] occurs = BooleanClause.Occur.values();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
          BooleanClause.Occur occur =
              random.nextInt(3) == 0
                  ? occurs[random.nextInt(occurs.length)]
                  : BooleanClause.Occur.SHOULD;
          bool.add(query(random, depth - 1), occur);
        }
        if (random.nextInt(4) == 0) {
          bool.add(new TermQuery(new Term("type", "module")), BooleanClause.Occur.MUST_NOT);
        }
        yield bool.build();
      }
    };
  }

  private static String field(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> "missing";
      case 1, 2 -> "title";
      default -> "body";
    };
  }
}
