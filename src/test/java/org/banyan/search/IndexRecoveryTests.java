package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
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

  /** The revisions the index holds of item {@code id}: one, or none, unless something is wrong. */
  private static List<Integer> revisions(SearchIndex index, long id) throws Exception {
    SearchIndex.Searcher searcher = index.acquire();
    try {
      List<Integer> revisions = new java.util.ArrayList<>();
      for (ScoreDoc hit :
          searcher.search(new TermQuery(new Term(IndexSchema.ID, Long.toString(id))), 10)
              .scoreDocs) {
        revisions.add(
            searcher
                .storedFields()
                .document(hit.doc)
                .getField(IndexSchema.REVISION)
                .numericValue()
                .intValue());
      }
      return revisions;
    } finally {
      index.release(searcher);
    }
  }

  private static PublishedItem revision(PublishedItem item, int revision) {
    return new PublishedItem(
        item.id(),
        item.type(),
        item.lang(),
        item.slug(),
        item.translationGroup(),
        revision,
        item.publishedAt(),
        item.content());
  }

  /** Opened again, the index needs no rebuild and holds {@code documents}. */
  private void assertKeptOnDisk(int documents) throws Exception {
    try (SearchIndex again = open()) {
      assertThat(again.needsRebuild()).isFalse();
      assertThat(count(again)).isEqualTo(documents);
    }
  }

  @Test
  void aRebuildWhoseReadingFailsPartWayLeavesTheIndexAsItWas() throws Exception {
    try (SearchIndex index = open()) {
      index.rebuild(SyntheticItems.lessons(30));
      index.awaitMerged();
      // Published just before, not yet committed: the failed rebuild must not take it along.
      index.put(SyntheticItems.lesson(800, "en", "Just before", "Published a moment ago."));
      List<PublishedItem> next = SyntheticItems.lessons(500);
      assertThatThrownBy(
              () ->
                  index.rebuild(
                      each -> {
                        next.subList(0, 400).forEach(each);
                        throw new IllegalStateException("the database went away");
                      }))
          .hasMessage("the database went away");
      index.refreshNow();
      assertThat(count(index)).isEqualTo(31);
      // The index works on: changes, and the next rebuild.
      index.put(SyntheticItems.lesson(900, "en", "After the failure", "Still indexed."));
      index.refreshNow();
      assertThat(count(index)).isEqualTo(32);
      index.rebuild(SyntheticItems.lessons(50));
      assertThat(count(index)).isEqualTo(50);
    }
    assertKeptOnDisk(50);
  }

  @Test
  void aRebuildWhoseIndexingFailsPartWayLeavesTheIndexAsItWas() throws Exception {
    try (SearchIndex index = open()) {
      index.rebuild(SyntheticItems.lessons(30));
      List<PublishedItem> next = new java.util.ArrayList<>(SyntheticItems.lessons(600));
      // An item without content cannot become a document.
      next.set(300, new PublishedItem(300, null, "en", "broken", "broken", 1, null, null));
      assertThatThrownBy(() -> index.rebuild(next))
          .hasMessageContaining("Rebuilding the search index failed");
      index.refreshNow();
      assertThat(count(index)).isEqualTo(30);
    }
    assertKeptOnDisk(30);
  }

  @Test
  void aChangeDuringARebuildIsAppliedAfterItAndNotUndoneByIt() throws Exception {
    try (SearchIndex index = open()) {
      List<PublishedItem> items = SyntheticItems.lessons(300);
      index.rebuild(
          each -> {
            items.subList(0, 100).forEach(each);
            // Published and archived while the rebuild reads: the rebuild still hands over the
            // revisions of the moment it began.
            index.put(revision(items.get(200), 2));
            index.remove(items.get(250).id());
            items.subList(100, 300).forEach(each);
          });
      assertThat(revisions(index, items.get(200).id())).containsExactly(2);
      assertThat(revisions(index, items.get(250).id())).isEmpty();
      assertThat(count(index)).isEqualTo(299);
    }
  }

  @Test
  void aMissingIndexIsRebuilt() throws Exception {
    try (SearchIndex index = open()) {
      assertThat(index.needsRebuild()).isTrue();
      index.rebuild(SyntheticItems.lessons(30));
      assertThat(count(index)).isEqualTo(30);
    }
    assertKeptOnDisk(30);
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
  void anIndexOfThisSchemaWhoseFilesDoNotOpenIsRebuilt() throws Exception {
    try (SearchIndex index = open()) {
      index.rebuild(SyntheticItems.lessons(10));
    }
    // The commit says this schema, but the stored fields' files cannot be read (as when an
    // older format's files are found under a current label).
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".fdm")).toList()) {
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

  /** Reconciles {@code index} with {@code catalog} as the catalog lists and loads its items. */
  private static int reconcile(SearchIndex index, List<PublishedItem> catalog) {
    return index.reconcile(
        catalog.stream().map(PublishedItem::listing).toList(),
        id -> catalog.stream().filter(item -> item.id() == id).findFirst());
  }

  @Test
  void reconcilingBringsTheIndexInLineWithTheCatalog() throws Exception {
    try (SearchIndex index = open()) {
      index.rebuild(SyntheticItems.lessons(20));
      List<PublishedItem> catalog = new java.util.ArrayList<>(SyntheticItems.lessons(15));
      catalog.add(SyntheticItems.lesson(99, "en", "New one", "Added while the index was down."));
      assertThat(reconcile(index, catalog)).isEqualTo(6);
      assertThat(count(index)).isEqualTo(16);
      assertThat(reconcile(index, catalog)).isZero();
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
        reconcile(index, catalog);
      }
      assertThat(count(index)).isEqualTo(200);
    }
  }
}
