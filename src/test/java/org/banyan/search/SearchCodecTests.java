package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
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

  @Test
  void storedFieldsAreKeptAsTheyAreAndReadBackWholeAfterMerging(@TempDir Path path)
      throws Exception {
    String marker = "stored-as-is-marker-" + "钥匙".repeat(3);
    // A document longer than two chunks (4 KB each) is written and read in slices.
    String longBody = ("第一课 a long lesson body " + marker + " ").repeat(400);
    try (Directory directory = FSDirectory.open(path)) {
      IndexWriterConfig config =
          new IndexWriterConfig().setCodec(new SearchCodec()).setUseCompoundFile(false);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (int segment = 0; segment < 3; segment++) {
          for (int i = 0; i < 100; i++) {
            int id = segment * 100 + i;
            Document doc = new Document();
            doc.add(new StringField("id", Integer.toString(id), Field.Store.YES));
            doc.add(new StoredField("body", id == 150 ? longBody : "lesson " + id + " " + marker));
            writer.addDocument(doc);
          }
          writer.commit();
        }
        // Deleted documents make the merge read every kept one back rather than copy chunks.
        writer.deleteDocuments(new Term("id", "7"));
        writer.forceMerge(1);
      }
      byte[] stored = new byte[0];
      try (Stream<Path> files = Files.list(path)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".fdt")).toList()) {
          stored = Files.readAllBytes(file);
        }
      }
      // Not compressed: the text is in the file byte for byte, the long body whole.
      byte[] expected = longBody.getBytes(StandardCharsets.UTF_8);
      assertThat(new String(stored, StandardCharsets.ISO_8859_1))
          .contains(new String(expected, StandardCharsets.ISO_8859_1));
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(1);
        assertThat(reader.numDocs()).isEqualTo(299);
        StoredFields fields = reader.storedFields();
        int seen = 0;
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          Document read = fields.document(doc);
          int id = Integer.parseInt(read.get("id"));
          assertThat(read.get("body"))
              .isEqualTo(id == 150 ? longBody : "lesson " + id + " " + marker);
          seen++;
        }
        assertThat(seen).isEqualTo(299);
      }
    }
  }
}
