package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

class TranslationGroupsTests {

  private static Document doc(String id, String group) {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.YES));
    if (group != null) {
      doc.add(new SortedDocValuesField(IndexSchema.GROUP, new BytesRef(group)));
    }
    return doc;
  }

  /** Every live document of each segment, as matches. */
  private static List<FixedBitSet> all(DirectoryReader reader) {
    List<FixedBitSet> all = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FixedBitSet docs = new FixedBitSet(leaf.reader().maxDoc());
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(doc)) {
          docs.set(doc);
        }
      }
      all.add(docs);
    }
    return all;
  }

  @Test
  void collapsesEachGroupToOneDocumentPreferringTheChosenOnesAcrossSegments() throws IOException {
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      // Segment 0: a.zh, b.zh, c.en (alone), x (no group); segment 1: a.en, b.en.
      writer.addDocument(doc("a.zh", "lesson/a"));
      writer.addDocument(doc("b.zh", "lesson/b"));
      writer.addDocument(doc("c.en", "lesson/c"));
      writer.addDocument(doc("x", null));
      writer.commit();
      writer.addDocument(doc("a.en", "lesson/a"));
      writer.addDocument(doc("b.en", "lesson/b"));
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        assertThat(reader.leaves()).hasSize(2);
        TranslationGroups groups = TranslationGroups.of(reader);
        List<FixedBitSet> matches = all(reader);
        // English preferred: a.en and b.en in segment 1.
        FixedBitSet english = new FixedBitSet(2);
        english.set(0, 2);
        List<FixedBitSet> collapsed = groups.collapse(matches, new FixedBitSet[] {null, english});
        assertThat(ids(reader, collapsed)).containsExactlyInAnyOrder("c.en", "x", "a.en", "b.en");
        // Nothing preferred: the first of each group.
        assertThat(ids(reader, groups.collapse(matches, null)))
            .containsExactlyInAnyOrder("a.zh", "b.zh", "c.en", "x");
        // The sets given are left as they were.
        assertThat(matches.get(0).cardinality() + matches.get(1).cardinality()).isEqualTo(6);
        // A document's translations; none for one alone.
        assertThat(groups.others(0)).containsExactly(4);
        assertThat(groups.others(2)).isEmpty();
        assertThat(groups.others(3)).isEmpty();
        // At most one document of each of the two pairs can be dropped.
        assertThat(groups.translations()).isEqualTo(2);
      }
      // A deleted translation is no longer one.
      writer.deleteDocuments(new Term("id", "a.en"));
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        TranslationGroups groups = TranslationGroups.of(reader);
        assertThat(groups.others(0)).isEmpty();
        assertThat(groups.translations()).isEqualTo(1);
        assertThat(ids(reader, groups.collapse(all(reader), null)))
            .containsExactlyInAnyOrder("a.zh", "b.zh", "c.en", "x");
      }
    }
  }

  private static List<String> ids(DirectoryReader reader, List<FixedBitSet> docs)
      throws IOException {
    List<String> ids = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FixedBitSet set = docs.get(leaf.ord);
      for (int doc = set.nextSetBit(0);
          doc < set.length();
          doc = doc + 1 < set.length() ? set.nextSetBit(doc + 1) : Integer.MAX_VALUE) {
        if (doc == org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        ids.add(leaf.reader().storedFields().document(doc).get("id"));
      }
    }
    return ids;
  }
}
