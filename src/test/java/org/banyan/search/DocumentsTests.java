package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.banyan.content.Markdown;
import org.junit.jupiter.api.Test;

/** Both languages' documents share each part's field, each analysed as its own language. */
class DocumentsTests {

  private static final Documents DOCUMENTS = new Documents(new Markdown());

  private static Directory index() throws IOException {
    Directory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(IndexSchema.perField()))) {
      writer.addDocument(
          IndexSchema.facets()
              .build(
                  DOCUMENTS.document(
                      SyntheticItems.lesson(
                          1,
                          "en",
                          "Missing parents",
                          "The children were missing their parents."))));
      writer.addDocument(
          IndexSchema.facets()
              .build(
                  DOCUMENTS.document(
                      SyntheticItems.lesson(2, "zh-CN", "想念爸妈", "孩子们在北京大学门口想念爸妈。"))));
    }
    return directory;
  }

  @Test
  void eachDocumentIsAnalysedAsItsLanguageInTheSameFields() throws IOException {
    try (Directory directory = index();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // The English body is stemmed, the Chinese one in bigrams, both under "body".
      assertThat(slugs(searcher, new TermQuery(new Term("body", "miss"))))
          .containsExactly("synthetic-1");
      assertThat(slugs(searcher, new TermQuery(new Term("body", "missing")))).isEmpty();
      assertThat(slugs(searcher, new TermQuery(new Term("body", "北京"))))
          .containsExactly("synthetic-2");
      // Chinese titles are also segmented into words, in a field of their own.
      assertThat(slugs(searcher, new TermQuery(new Term("title_zh", "想念"))))
          .containsExactly("synthetic-2");
      assertThat(slugs(searcher, new TermQuery(new Term("title", "想念"))))
          .containsExactly("synthetic-2");
      assertThat(slugs(searcher, new TermQuery(new Term("title", "parent"))))
          .containsExactly("synthetic-1");
      // Every document has a length in every part: one norm each, whatever its language.
      for (String part : IndexSchema.PARTS) {
        assertThat(reader.getDocCount(part)).as(part).isEqualTo(2);
        LeafReader leaf = reader.leaves().get(0).reader();
        NumericDocValues norms = leaf.getNormValues(part);
        for (int doc = 0; doc < 2; doc++) {
          assertThat(norms.advanceExact(doc)).as(part + " of " + doc).isTrue();
        }
      }
      // The title and summary shown, and the text highlighted, are stored under the part's name.
      assertThat(searcher.storedFields().document(0).get(IndexSchema.TITLE))
          .isEqualTo("Missing parents");
      assertThat(searcher.storedFields().document(1).get("body")).contains("北京大学");
    }
  }

  @Test
  void onlyWhatSearchesUseIsIndexed() throws IOException {
    try (Directory directory = index();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      org.apache.lucene.index.FieldInfos fields =
          org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader);
      // A title's snippet comes from the offsets in the index, and a phrase counts in the title;
      // the summary's and body's snippets are found in their stored text, so they keep counts only.
      assertThat(fields.fieldInfo("title").getIndexOptions())
          .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
      assertThat(fields.fieldInfo("body").getIndexOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS);
      assertThat(fields.fieldInfo("summary").getIndexOptions())
          .isEqualTo(IndexOptions.DOCS_AND_FREQS);
      // A single Chinese character finds the title it is in, not the summary or the body.
      assertThat(slugs(searcher, new TermQuery(new Term("title", "念"))))
          .containsExactly("synthetic-2");
      assertThat(slugs(searcher, new TermQuery(new Term("summary", "念")))).isEmpty();
      assertThat(slugs(searcher, new TermQuery(new Term("summary", "想念"))))
          .containsExactly("synthetic-2");
      assertThat(slugs(searcher, new TermQuery(new Term("body", "京")))).isEmpty();
      // Facet values are indexed as terms only where a query looks them up: the topics and
      // competencies a query's words name, and the type; the rest are only counted and filtered
      // from doc values.
      String facets = IndexSchema.facets().getDimConfig(IndexSchema.F_TOPIC).indexFieldName;
      // Dimension, value, and in how many of the two documents it is found as a term.
      for (String[] path :
          new String[][] {
            {IndexSchema.F_TOPIC, "naming-feelings", "2"},
            {IndexSchema.F_COMPETENCY, "self-awareness", "2"},
            {IndexSchema.F_TYPE, "lesson", "2"},
            {IndexSchema.F_LANG, "en", "0"},
            {IndexSchema.F_GRADE, "3", "0"},
            {IndexSchema.F_DURATION, "21-40", "0"}
          }) {
        assertThat(reader.docFreq(DrillDownQuery.term(facets, path[0], path[1])))
            .as(path[0])
            .isEqualTo(Integer.parseInt(path[2]));
      }
      assertThat(reader.docFreq(new Term(facets, IndexSchema.F_TOPIC))).isZero();
    }
  }

  @Test
  void aQueryInEitherLanguageFindsOnlyItsOwnDocuments() throws IOException {
    TextQueries queries = new TextQueries(IndexSchema.forQueries());
    try (Directory directory = index();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertThat(slugs(searcher, queries.query("missing parents", false)))
          .containsExactly("synthetic-1");
      assertThat(slugs(searcher, queries.query("想念爸妈", false))).containsExactly("synthetic-2");
    }
  }

  private static List<String> slugs(IndexSearcher searcher, Query query) throws IOException {
    List<String> slugs = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
      slugs.add(searcher.storedFields().document(hit.doc).get(IndexSchema.SLUG));
    }
    return slugs;
  }
}
