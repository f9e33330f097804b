package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCodecTests {

  @Test
  void anIndexWrittenWithTheCodecIsReadBackByItsName(@TempDir Path path) throws Exception {
    assertThat(Codec.forName(SearchCodec.NAME)).isInstanceOf(SearchCodec.class);
    try (Directory directory = FSDirectory.open(path)) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig().setCodec(new SearchCodec()))) {
        for (int i = 0; i < 500; i++) {
          Document doc = new Document();
          doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
          doc.add(new StoredField("body", ("第" + i + "课 text of lesson " + i + " ").repeat(40)));
          writer.addDocument(doc);
        }
      }
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
        assertThat(segment.info.getCodec().getName()).isEqualTo(SearchCodec.NAME);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (int i : new int[] {0, 1, 2, 250, 499}) {
          Document doc = reader.storedFields().document(i);
          assertThat(doc.get("id")).isEqualTo(Integer.toString(i));
          assertThat(doc.get("body")).startsWith("第" + i + "课 text of lesson " + i + " ");
        }
      }
    }
  }
}
