package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.FSDirectory;
import org.banyan.content.Markdown;
import org.banyan.content.PublishedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is derived data: whatever happened to it, search works again after a start. */
class IndexRecoveryTests {

  @TempDir Path folder;

  private SearchIndex open() {
    return new SearchIndex(folder, new Documents(new Markdown()));
  }

  private static int count(SearchIndex index) throws Exception {
    SearchIndex.Searcher searcher = index.acquire();
    try {
      return searcher.count(new MatchAllDocsQuery());
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void aMissingIndexIsRebuilt() throws Exception {
    try (SearchIndex index = open()) {
      assertThat(index.needsRebuild()).isTrue();
      index.rebuild(SyntheticItems.lessons(30));
      assertThat(count(index)).isEqualTo(30);
    }
    try (SearchIndex again = open()) {
      assertThat(again.needsRebuild()).isFalse();
      assertThat(count(again)).isEqualTo(30);
    }
  }

  @Test
  void aRebuildIsSearchableAtOnceAndCommittedInTheBackground() throws Exception {
    try (SearchIndex index = open()) {
      index.rebuild(SyntheticItems.lessons(40));
      assertThat(count(index)).isEqualTo(40);
      index.awaitMerged();
      // On disk, without closing the index: every document, under this schema's version.
      try (FSDirectory directory = FSDirectory.open(folder);
          DirectoryReader onDisk = DirectoryReader.open(directory)) {
        assertThat(onDisk.numDocs()).isEqualTo(40);
        assertThat(onDisk.getIndexCommit().getUserData())
            .containsEntry(IndexSchema.VERSION_KEY, IndexSchema.VERSION);
      }
    }
  }

  @Test
  void anIndexOfAnOlderSchemaIsRebuilt() throws Exception {
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of(IndexSchema.VERSION_KEY, "0").entrySet());
      writer.commit();
    }
    try (SearchIndex index = open()) {
      assertThat(index.needsRebuild()).isTrue();
    }
  }

  @Test
  void anUnreadableIndexIsRebuilt() throws Exception {
    try (SearchIndex index = open()) {
      index.rebuild(SyntheticItems.lessons(10));
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, new byte[] {1, 2, 3, 4, 5});
      }
    }
    try (SearchIndex index = open()) {
      assertThat(index.needsRebuild()).isTrue();
      index.rebuild(SyntheticItems.lessons(10));
      assertThat(count(index)).isEqualTo(10);
    }
  }

  @Test
  void aRebuiltIndexIsMergedIntoOneSegmentAndStaysWhole() throws Exception {
    try (SearchIndex index = open()) {
      // Each rebuild thread flushes its own segment; the merge after the rebuild makes one.
      index.rebuild(SyntheticItems.lessons(400));
      index.awaitMerged();
      assertThat(segments(index)).isEqualTo(1);
      assertThat(count(index)).isEqualTo(400);
      // A rebuild straight after another, while its merge may still run, leaves a whole index.
      index.rebuild(SyntheticItems.lessons(300));
      index.rebuild(SyntheticItems.lessons(250));
      index.awaitMerged();
      assertThat(count(index)).isEqualTo(250);
      assertThat(segments(index)).isEqualTo(1);
    }
    try (SearchIndex again = open()) {
      assertThat(again.needsRebuild()).isFalse();
      assertThat(count(again)).isEqualTo(250);
      assertThat(segments(again)).isEqualTo(1);
    }
  }

  private static int segments(SearchIndex index) {
    SearchIndex.Searcher searcher = index.acquire();
    try {
      return searcher.getIndexReader().leaves().size();
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void reconcilingBringsTheIndexInLineWithTheCatalog() throws Exception {
    try (SearchIndex index = open()) {
      index.rebuild(SyntheticItems.lessons(20));
      List<PublishedItem> catalog = new java.util.ArrayList<>(SyntheticItems.lessons(15));
      catalog.add(SyntheticItems.lesson(99, "en", "New one", "Added while the index was down."));
      assertThat(index.reconcile(catalog)).isEqualTo(6);
      assertThat(count(index)).isEqualTo(16);
      assertThat(index.reconcile(catalog)).isZero();
    }
  }

  @Test
  void aKillDuringIndexingNeverLeavesSearchBroken() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                IndexCrashWriter.class.getName(),
                folder.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.contains("READY"));
      assertThat(line).as("the writer process started").isNotNull();
      Thread.sleep(700);
      writer.destroyForcibly();
      assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(new File(folder.toFile(), "write.lock")).exists();

    try (SearchIndex index = open()) {
      List<PublishedItem> catalog = SyntheticItems.lessons(200);
      if (index.needsRebuild()) {
        index.rebuild(catalog);
      } else {
        index.reconcile(catalog);
      }
      assertThat(count(index)).isEqualTo(200);
    }
  }
}
