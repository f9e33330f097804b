package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Snippets of a part indexed without offsets ({@link WordOffsets}) are the ones the offsets in the
 * index gave: the same texts indexed both ways, highlighted for the same queries.
 */
class WordOffsetsTests {

  private static final List<String> ENGLISH =
      List.of(
          "Children's feelings matter. A child who feels happy, or happier, learns better.",
          "Breathe in slowly; breathing out (slowly!) helps. Take three deep breaths.",
          "I've let them down, I'm sure. Don't worry: you haven't.",
          "Well-being and self-worth: the ability to cope with worries and anger.",
          "Grandparents raise 3 children in the U.S. and in China; 2.5 hours of homework.",
          "ANGRY? Calm down. The anger traffic-light: red, amber, green. Angrily, angrier.",
          "Stand in a circle. 孩子们 say hello, then sit. Relational, relationships, related.",
          "He said \"no\" to a bad idea — and felt proud of himself afterwards.");

  private static final List<String> CHINESE =
      List.of(
          "孩子们想念在外打工的爸爸妈妈。周末和爷爷奶奶一起写信。",
          "深呼吸：慢慢吸气，慢慢呼气。好，再来一次。",
          "生气的时候，像红绿灯一样：红灯停一停，黄灯想一想，绿灯再行动。",
          "好。怒！同学们用 ABC 和 Anger 标记自己的心情，如 calm、happy。",
          "北京大学的学生来到学校，和同学们一起做游戏。");

  private static final List<String> QUERIES =
      List.of(
          "children feeling",
          "happy",
          "breath",
          "slowly breathe",
          "I've let",
          "I'm",
          "don't",
          "well-being",
          "self worth",
          "ability",
          "worry",
          "us",
          "u.s",
          "3 children",
          "2.5",
          "angry calm",
          "traffic light",
          "relationship",
          "proud",
          "孩子",
          "爸爸妈妈",
          "呼吸",
          "好",
          "怒",
          "红绿灯",
          "北京",
          "anger calm happy",
          "abc",
          "孩子 hello");

  @Test
  void englishSnippetsAreTheOnesTheIndexOffsetsGave() throws IOException {
    compare(ENGLISH, IndexSchema.documentsIn(IndexSchema.EN), false);
  }

  @Test
  void chineseSnippetsAreTheOnesTheIndexOffsetsGave() throws IOException {
    compare(CHINESE, IndexSchema.documentsIn(IndexSchema.CJK), true);
  }

  private static void compare(List<String> texts, Analyzer analyzer, boolean chinese)
      throws IOException {
    FieldType offsets = new FieldType(TextField.TYPE_STORED);
    offsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    FieldType counts = new FieldType(TextField.TYPE_STORED);
    counts.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    TextQueries queries = new TextQueries(IndexSchema.forQueries());
    int marked = 0;
    try (Directory withOffsets = index(texts, analyzer, offsets);
        Directory withCounts = index(texts, analyzer, counts);
        DirectoryReader readerWith = DirectoryReader.open(withOffsets);
        DirectoryReader readerWithout = DirectoryReader.open(withCounts)) {
      IndexSearcher searcherWith = new IndexSearcher(readerWith);
      IndexSearcher searcherWithout = new IndexSearcher(readerWithout);
      for (String text : QUERIES) {
        Query query = queries.query(text, false);
        if (query == null) {
          continue;
        }
        String[] expected = snippets(searcherWith, analyzer, chinese, query, texts.size());
        String[] actual = snippets(searcherWithout, analyzer, chinese, query, texts.size());
        assertThat(actual).as(text).containsExactly(expected);
        for (String snippet : expected) {
          // A Chinese passage whose match is only a fragment is left out, but was found.
          marked +=
              snippet != null
                      && (snippet.contains("<mark>") || snippet.equals(ClauseSnippets.FRAGMENT))
                  ? 1
                  : 0;
        }
      }
    }
    // The comparison means something only if the queries do mark words.
    assertThat(marked).isGreaterThanOrEqualTo(10);
  }

  private static String[] snippets(
      IndexSearcher searcher, Analyzer analyzer, boolean chinese, Query query, int documents)
      throws IOException {
    ScoreDoc[] all = new ScoreDoc[documents];
    for (int doc = 0; doc < documents; doc++) {
      all[doc] = new ScoreDoc(doc, 1f);
    }
    TopDocs top = new TopDocs(new TotalHits(documents, TotalHits.Relation.EQUAL_TO), all);
    return CatalogSearch.highlighter(searcher, analyzer, chinese, null)
        .highlightFields(new String[] {"body"}, query, top, new int[] {1})
        .get("body");
  }

  private static Directory index(List<String> texts, Analyzer analyzer, FieldType type)
      throws IOException {
    Directory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      List<Document> documents = new ArrayList<>();
      for (String text : texts) {
        Document document = new Document();
        document.add(new Field("body", text, type));
        documents.add(document);
      }
      // One segment, in order: document n is text n in both indexes.
      writer.addDocuments(documents);
    }
    return directory;
  }
}
