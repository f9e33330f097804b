package org.banyan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.banyan.content.PublishedItem;
import org.banyan.content.PublishedListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index: one writer, a searcher manager refreshed from a background thread, commits in
 * the background. The index is derived data: when it is missing, unreadable or of an older schema
 * it is rebuilt from the catalog; otherwise it is reconciled with the catalog on start, so a crash
 * between commits loses nothing.
 */
final class SearchIndex implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  /**
   * A searcher with the facet values and translation groups of its reader, made once per refresh.
   */
  static final class Searcher extends IndexSearcher {
    final FacetOrdinals facets;
    final TranslationGroups groups;

    Searcher(IndexReader reader, FacetsConfig config, FacetOrdinals.Cache cache)
        throws IOException {
      super(reader);
      this.facets =
          FacetOrdinals.of(
              reader,
              config.getDimConfig(IndexSchema.F_TYPE).indexFieldName,
              CatalogSearch.DIMENSIONS,
              cache);
      this.groups = TranslationGroups.of(reader);
    }

    /**
     * Runs {@code query} into {@code collector} over the documents of each segment that {@code
     * accept} admits (null: all), deleted ones left out. A filter given as bits, rather than as a
     * required clause, leaves a disjunction of words a disjunction: Lucene's scorer for those skips
     * the documents that cannot make the page, and asks the bits only of those that can.
     */
    <C extends Collector> C collect(Query query, C collector, IntFunction<Bits> accept)
        throws IOException {
      Weight weight = createWeight(rewrite(query), collector.scoreMode(), 1f);
      for (LeafReaderContext leaf : getIndexReader().leaves()) {
        Bits admitted = accept.apply(leaf.ord);
        Bits live = leaf.reader().getLiveDocs();
        Bits bits = admitted == null ? live : live == null ? admitted : both(admitted, live);
        BulkScorer scorer = weight.bulkScorer(leaf);
        if (scorer == null) {
          continue;
        }
        LeafCollector leafCollector;
        try {
          leafCollector = collector.getLeafCollector(leaf);
        } catch (CollectionTerminatedException done) {
          continue;
        }
        try {
          scorer.score(leafCollector, bits, 0, DocIdSetIterator.NO_MORE_DOCS);
        } catch (CollectionTerminatedException done) {
          // The collector needs no more of this segment.
        }
        leafCollector.finish();
      }
      return collector;
    }

    private static Bits both(Bits a, Bits b) {
      return new Bits() {
        @Override
        public boolean get(int index) {
          return a.get(index) && b.get(index);
        }

        @Override
        public int length() {
          return a.length();
        }
      };
    }
  }

  private final Path path;
  private final Analyzer analyzer = IndexSchema.perField();
  private final FacetsConfig facets = IndexSchema.facets();
  private final FacetOrdinals.Cache facetValues = new FacetOrdinals.Cache();
  private final MatchBits matchBits = new MatchBits(MATCH_BITS_BYTES);
  private final Documents documents;
  private final Directory directory;
  // Replaced only when a rebuild fails: the writer is rolled back to its last commit and reopened.
  private volatile IndexWriter writer;
  private volatile SearcherManager manager;
  private final ScheduledExecutorService background;
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final boolean needsRebuild;
  private volatile boolean rebuilding;

  /**
   * Guards {@link #rebuilding} and {@link #deferred}: what is published or archived during a
   * rebuild is applied after it, so that neither an item the rebuild reads afterwards (its earlier
   * revision, as its transaction saw it) nor a rebuild failing part-way undoes it.
   */
  private final Object changes = new Object();

  private List<Runnable> deferred = new ArrayList<>();

  /** Items queued between the thread reading them and the threads indexing them. */
  private static final int QUEUED = 256;

  /** Tells a rebuild's indexing thread that there are no more items. */
  private static final PublishedItem END =
      new PublishedItem(0, null, null, null, null, 0, null, null);

  /** Items handed over one at a time, as a rebuild reads them (from SQL, a few at a time). */
  @FunctionalInterface
  interface Items {
    void each(Consumer<PublishedItem> item);
  }

  /** Merges a rebuilt index into one segment, one merge at a time. */
  private final ExecutorService merging =
      Executors.newSingleThreadExecutor(SearchThreads.named("search-merge"));

  /** The rebuilds so far; a merge commits only if no rebuild started since its own. */
  private long rebuilds;

  private volatile Future<?> merged = CompletableFuture.completedFuture(null);

  /**
   * The position in the change journal the index has applied, committed with the documents it
   * stands for; {@link #UNKNOWN_POSITION} for a new index or one written before the journal.
   */
  private volatile long position = UNKNOWN_POSITION;

  static final long UNKNOWN_POSITION = -1;
  private static final String POSITION_KEY = "journal.position";

  SearchIndex(Path path, Documents documents) {
    this.path = path;
    this.documents = documents;
    try {
      Files.createDirectories(path);
      boolean rebuild = !usable(path);
      if (rebuild) {
        wipe(path);
      }
      this.directory = FSDirectory.open(path);
      this.writer =
          openWriter(
              rebuild
                  ? IndexWriterConfig.OpenMode.CREATE
                  : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      this.manager = openManager(writer);
      this.needsRebuild = rebuild;
      if (!rebuild) {
        String committed = SegmentInfos.readLatestCommit(directory).getUserData().get(POSITION_KEY);
        this.position = committed == null ? UNKNOWN_POSITION : Long.parseLong(committed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index in " + path, e);
    }
    this.background = Executors.newScheduledThreadPool(1, SearchThreads.named("search-index"));
    background.scheduleWithFixedDelay(this::refresh, 100, 100, TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(this::commitIfDirty, 2, 2, TimeUnit.SECONDS);
  }

  private IndexWriter openWriter(IndexWriterConfig.OpenMode mode) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setOpenMode(mode)
            .setRAMBufferSizeMB(128)
            // Segments as separate files: packing each into a compound file copies it again.
            .setUseCompoundFile(false)
            .setCodec(new SearchCodec());
    return new IndexWriter(directory, config);
  }

  private SearcherManager openManager(IndexWriter writer) throws IOException {
    return new SearcherManager(
        writer,
        new SearcherFactory() {
          @Override
          public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
              throws IOException {
            return new Searcher(reader, facets, facetValues);
          }
        });
  }

  /** Memory for the documents of frequent terms, kept for counting matches. */
  static final long MATCH_BITS_BYTES = 32L << 20;

  MatchBits matchBits() {
    return matchBits;
  }

  boolean needsRebuild() {
    return needsRebuild;
  }

  /**
   * Adds or replaces one item; searchable after the next refresh, within a fraction of a second.
   */
  void put(PublishedItem item) {
    synchronized (changes) {
      if (rebuilding) {
        deferred.add(() -> put(item));
        return;
      }
      try {
        writer.updateDocument(new Term(IndexSchema.ID, Long.toString(item.id())), document(item));
        dirty.set(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  void remove(long id) {
    synchronized (changes) {
      if (rebuilding) {
        deferred.add(() -> remove(id));
        return;
      }
      try {
        writer.deleteDocuments(new Term(IndexSchema.ID, Long.toString(id)));
        dirty.set(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Replaces the whole index with {@code items}, as {@link #rebuild(Items)}. */
  int rebuild(List<PublishedItem> items) {
    return rebuild(items::forEach);
  }

  /**
   * Replaces the whole index with {@code items}, read on this thread and indexed as they come by
   * one thread per core (this one among them); searches see the old index until the new one is
   * complete. Should reading or indexing fail, the index goes back to its last commit and searches
   * never see a part of the new one. Answers how many items were indexed.
   */
  synchronized int rebuild(Items items) {
    long rebuild = ++rebuilds;
    AtomicInteger count = new AtomicInteger();
    // One indexing thread per core besides this one, which indexes too whenever they have enough
    // queued: as many busy threads as cores. With a thread per core and this one reading for them
    // (woken for every item taken, on a core they were using), a rebuild took 1.06x the time
    // (median of 10 pairs, 40,000 documents, alternating in one JVM) and 1.08x the CPU.
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    BlockingQueue<PublishedItem> queue = new ArrayBlockingQueue<>(QUEUED);
    ExecutorService workers =
        Executors.newFixedThreadPool(threads, SearchThreads.numbered("search-rebuild"));
    List<Future<?>> running = new ArrayList<>();
    boolean complete = false;
    synchronized (changes) {
      rebuilding = true;
    }
    try {
      // What was changed before is committed first: a rebuild that fails goes back to here.
      if (writer.hasUncommittedChanges()) {
        commit();
      }
      writer.deleteAll();
      for (int t = 0; t < threads; t++) {
        running.add(workers.submit(() -> index(queue, count)));
      }
      long started = System.nanoTime();
      items.each(
          item -> {
            if (!queue.offer(item)) {
              indexHere(item, running);
              count.incrementAndGet();
            }
          });
      // This thread's own buffered documents are written out beside the others'.
      writer.flushNextBuffer();
      for (int t = 0; t < threads; t++) {
        hand(queue, END, running);
      }
      for (Future<?> worker : running) {
        worker.get();
      }
      complete = true;
      log.info(
          "Rebuilt the search index: {} documents in {} ms",
          count.get(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Rebuilding the search index was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Rebuilding the search index failed", e.getCause());
    } finally {
      try {
        if (!complete) {
          stop(queue, running);
          rollBack();
        }
      } finally {
        workers.shutdown();
        endRebuilding();
      }
    }
    // Searchable at once, from the writer; the commit follows in the background, before the merge
    // (it took 0.2-0.9 s here, syncing the files to disk). Should the process die before it, the
    // index on disk is the one before the rebuild, and the next start brings that up to date with
    // the catalog.
    refreshNow();
    merged = merging.submit(() -> mergeRebuilt(rebuild));
    return count.get();
  }

  /** Ends a rebuild, and applies what was published or archived while it ran. */
  private void endRebuilding() {
    synchronized (changes) {
      rebuilding = false;
      List<Runnable> apply = deferred;
      deferred = new ArrayList<>();
      for (Runnable change : apply) {
        try {
          change.run();
        } catch (RuntimeException e) {
          // The catalog keeps the item; the next start reconciles the index with it.
          log.warn("A change made during the search index rebuild failed", e);
        }
      }
    }
  }

  /** {@code item} as the index holds it: its fields, and its facets as Lucene writes them. */
  private Document document(PublishedItem item) throws IOException {
    return facets.build(documents.document(item));
  }

  /** A rebuild's indexing thread: indexes the queued items until {@link #END}. */
  private Void index(BlockingQueue<PublishedItem> queue, AtomicInteger count)
      throws IOException, InterruptedException {
    for (PublishedItem item = queue.take(); item != END; item = queue.take()) {
      writer.addDocument(document(item));
      count.incrementAndGet();
    }
    // Each thread writes out the documents it has buffered, side by side, rather than leaving them
    // all to the one thread that refreshes.
    writer.flushNextBuffer();
    return null;
  }

  /**
   * Indexes {@code item} on the reading thread, the indexing threads having enough queued; first
   * makes sure none of them has failed, which would leave the queue full for good.
   */
  private void indexHere(PublishedItem item, List<Future<?>> workers) {
    failIfStopped(workers);
    try {
      writer.addDocument(document(item));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Rebuilding the search index failed", e);
    }
  }

  /** Queues {@code item}, waiting while the queue is full, unless an indexing thread has failed. */
  private static void hand(
      BlockingQueue<PublishedItem> queue, PublishedItem item, List<Future<?>> workers) {
    try {
      while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        failIfStopped(workers);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Rebuilding the search index was interrupted", e);
    }
  }

  /** Throws, with its failure, if an indexing thread has stopped before being told to. */
  private static void failIfStopped(List<Future<?>> workers) {
    for (Future<?> worker : workers) {
      if (worker.isDone()) {
        try {
          worker.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Rebuilding the search index was interrupted", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException("Rebuilding the search index failed", e.getCause());
        }
        throw new IllegalStateException("A search index thread stopped early");
      }
    }
  }

  /**
   * Stops the indexing threads of a failed rebuild, without interrupting them (an interrupt closes
   * the files a thread is writing): the queued items are dropped and each is told there are no
   * more.
   */
  private static void stop(BlockingQueue<PublishedItem> queue, List<Future<?>> workers) {
    queue.clear();
    for (int t = 0; t < workers.size(); t++) {
      queue.offer(END);
    }
    for (Future<?> worker : workers) {
      try {
        worker.get();
      } catch (ExecutionException e) {
        // Already reported: the rebuild fails with the first error.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Drops what a failed rebuild wrote: the writer goes back to the last commit, and searches go on
   * with the index they had. Rolling back closes the writer, so a new one is opened.
   */
  private void rollBack() {
    try {
      writer.rollback();
      writer = openWriter(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      SearcherManager previous = manager;
      manager = openManager(writer);
      previous.close();
      log.warn("A search index rebuild failed; the index is back at its last commit");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reopen the search index after a failed rebuild", e);
    }
  }

  /**
   * Merges the index into one segment after {@code rebuild}. A rebuilt index is searchable as soon
   * as it is written, in the few segments its writing threads flushed (four for the benchmark's
   * 100,000 documents); merged, a search looks each word up and sets up its scorers once rather
   * than once a segment: the benchmark's queries took 0.88x the time (same-JVM A/B). The merge
   * takes a fifth of the time of the rebuild, and searches go on meanwhile.
   */
  private void mergeRebuilt(long rebuild) {
    long started = System.nanoTime();
    try {
      if (!commitRebuilt(rebuild, false)) {
        return;
      }
      log.info(
          "Committed the rebuilt search index in {} ms", (System.nanoTime() - started) / 1_000_000);
      started = System.nanoTime();
      writer.forceMerge(1);
      if (!commitRebuilt(rebuild, true)) {
        return;
      }
      log.info(
          "Merged the rebuilt search index into one segment in {} ms",
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      // Another rebuild (which drops every segment) or closing the index stops the merge; the
      // index is whole without it.
      log.info("Merging the rebuilt search index stopped: {}", e.toString());
    }
  }

  /**
   * Commits what {@code rebuild} wrote (and with {@code refresh} has searches see it at once),
   * unless another rebuild has started since; answers whether it did.
   */
  private synchronized boolean commitRebuilt(long rebuild, boolean refresh) {
    if (rebuilds != rebuild) {
      return false;
    }
    commit();
    if (refresh) {
      refreshNow();
    }
    return true;
  }

  /** Waits until the merge after the last rebuild is over (the benchmark measures after it). */
  void awaitMerged() throws InterruptedException, ExecutionException {
    merged.get();
  }

  /**
   * Brings the index in line with the catalog's {@code live} items: loads and indexes those whose
   * published revision differs from the indexed one, drops the rest. Answers how many changed.
   */
  synchronized int reconcile(
      List<PublishedListing> live, LongFunction<Optional<PublishedItem>> load) {
    Map<String, Integer> indexed = indexedRevisions();
    int changed = 0;
    for (PublishedListing item : live) {
      Integer revision = indexed.remove(Long.toString(item.id()));
      if (revision == null || revision != item.revision()) {
        // Archived since the list was read: then it goes.
        load.apply(item.id()).ifPresentOrElse(this::put, () -> remove(item.id()));
        changed++;
      }
    }
    for (String stale : indexed.keySet()) {
      remove(Long.parseLong(stale));
      changed++;
    }
    commit();
    refreshNow();
    return changed;
  }

  Searcher acquire() {
    try {
      return (Searcher) manager.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void release(Searcher searcher) {
    try {
      manager.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void refreshNow() {
    try {
      manager.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The journal position the index has applied, as {@link #position}. */
  long position() {
    return position;
  }

  /**
   * Records that the index has applied the journal up to {@code position}: call it after the
   * changes up to there were put; the next commit stores it with them.
   */
  void position(long position) {
    if (this.position != position) {
      this.position = position;
      dirty.set(true);
    }
  }

  /** How many items are indexed, as searches see them now. */
  int count() {
    Searcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  void commit() {
    try {
      writer.setLiveCommitData(
          Map.of(
                  IndexSchema.VERSION_KEY,
                  IndexSchema.VERSION,
                  POSITION_KEY,
                  Long.toString(position))
              .entrySet());
      writer.commit();
      dirty.set(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Integer> indexedRevisions() {
    Searcher searcher = acquire();
    try {
      Map<String, Integer> revisions = new HashMap<>();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        LeafReader reader = leaf.reader();
        Bits live = reader.getLiveDocs();
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document d =
                stored.document(doc, java.util.Set.of(IndexSchema.ID, IndexSchema.REVISION));
            revisions.put(
                d.get(IndexSchema.ID), d.getField(IndexSchema.REVISION).numericValue().intValue());
          }
        }
      }
      return revisions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  private void refresh() {
    if (rebuilding) {
      return;
    }
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      log.warn("Search index refresh failed", e);
    }
  }

  private void commitIfDirty() {
    if (rebuilding || !dirty.get()) {
      return;
    }
    try {
      synchronized (this) {
        commit();
      }
    } catch (RuntimeException e) {
      log.warn("Search index commit failed", e);
    }
  }

  /** Whether an index exists here, opens, and was built by this schema version. */
  private static boolean usable(Path path) {
    try (Directory directory = FSDirectory.open(path)) {
      if (!DirectoryReader.indexExists(directory)) {
        return false;
      }
      // The version first, from the commit alone: an older schema's files may not open at all.
      String version =
          SegmentInfos.readLatestCommit(directory).getUserData().get(IndexSchema.VERSION_KEY);
      if (!IndexSchema.VERSION.equals(version)) {
        log.info("Search index schema {} is not {}: rebuilding", version, IndexSchema.VERSION);
        return false;
      }
      // And that its files open.
      DirectoryReader.open(directory).close();
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn("Search index in {} cannot be read ({}): rebuilding", path, e.toString());
      return false;
    }
  }

  private static void wipe(Path path) throws IOException {
    try (Stream<Path> files = Files.list(path)) {
      List<Path> all = new ArrayList<>(files.toList());
      for (Path file : all) {
        if (Files.isRegularFile(file)) {
          Files.delete(file);
        }
      }
    }
  }

  @Override
  public void close() {
    // The background threads are not interrupted: an interrupt closes the files a thread is
    // reading or writing (an interrupted commit closed the index's lock file under it, and the
    // index could not be closed). A refresh or commit under way ends and no other starts; closing
    // the writer waits for a merge under way.
    background.shutdown();
    try {
      background.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    merging.shutdown();
    try {
      manager.close();
      commit();
      writer.close();
      directory.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Closing the search index failed", e);
    }
  }

  Path path() {
    return path;
  }
}
