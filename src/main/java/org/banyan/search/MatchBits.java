package org.banyan.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * The matches of a query, segment by segment, as bit sets, for counting (no scores). The text
 * queries are disjunctions of terms, so their matches are the union of each term's documents; a
 * term found in many documents is read from the index once and its documents kept as bits — a union
 * of those is a few thousand word-wide ORs, where walking the same postings again would visit every
 * match. What is kept belongs to a segment, which never changes (deletions are applied on every
 * count), and is bounded: the least recently used terms go first, and a closed segment's terms at
 * once.
 *
 * <p>The same idea as Lucene's query cache for filters, per term instead of per query, since the
 * words teachers search with recur in every combination.
 */
final class MatchBits {

  /**
   * A term is kept when it is in at least one document in this many: below, walking its postings
   * costs less than a union with a bit set of the whole segment, and keeping it would cost more
   * memory than its documents' numbers.
   */
  static final int KEEP_FROM_ONE_IN = 64;

  /** Nor is a term in fewer documents than this kept, however small its segment. */
  static final int KEEP_FROM_DOCS = 64;

  private final long maxBytes;
  private final Map<Key, FixedBitSet> kept = new LinkedHashMap<>(256, 0.75f, true);
  private final Set<Object> listening = new HashSet<>();
  private final Map<Object, FixedBitSet> liveDocs = new ConcurrentHashMap<>();
  private long bytes;
  private long hits;
  private long reads;

  private record Key(Object core, Term term) {}

  /**
   * What is kept: terms and their bytes; how often a term's documents were found kept, and how
   * often they were read from the index.
   */
  record Stats(int terms, long bytes, long hits, long reads) {}

  MatchBits(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The live documents that match {@code query}, one bit set per segment of the searcher, in
   * segment order. The query is rewritten once for all segments (a fuzzy word becomes the words it
   * is near, found over the whole index).
   */
  List<FixedBitSet> matches(IndexSearcher searcher, Query query) throws IOException {
    Query rewritten = searcher.rewrite(query);
    List<FixedBitSet> matches = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      matches.add(matches(searcher, leaf, rewritten));
    }
    return matches;
  }

  private FixedBitSet matches(IndexSearcher searcher, LeafReaderContext leaf, Query query)
      throws IOException {
    FixedBitSet matches = bits(searcher, leaf, query);
    FixedBitSet live = live(leaf.reader());
    if (live != null) {
      matches.and(live);
    }
    return matches;
  }

  /**
   * The documents of {@code leaf} matching {@code query}, deletions ignored, in a new bit set. A
   * boolean query's required clauses are intersected (its optional ones united when there is none),
   * less its prohibited ones; a search's usual shape — the text's words required, modules perhaps
   * prohibited — thus fills one set with the words and takes one more for the exclusion.
   */
  private FixedBitSet bits(IndexSearcher searcher, LeafReaderContext leaf, Query query)
      throws IOException {
    if (query instanceof BoostQuery boost) {
      return bits(searcher, leaf, boost.getQuery());
    }
    if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0) {
      FixedBitSet result = new FixedBitSet(leaf.reader().maxDoc());
      add(searcher, leaf, query, result);
      return result;
    }
    FixedBitSet result = null;
    List<Query> optional = new ArrayList<>();
    List<Query> prohibited = new ArrayList<>();
    for (BooleanClause clause : bool.clauses()) {
      switch (clause.getOccur()) {
        case MUST, FILTER -> {
          FixedBitSet required = bits(searcher, leaf, clause.getQuery());
          if (result == null) {
            result = required;
          } else {
            result.and(required);
          }
        }
        case SHOULD -> optional.add(clause.getQuery());
        case MUST_NOT -> prohibited.add(clause.getQuery());
      }
    }
    if (result == null) {
      result = new FixedBitSet(leaf.reader().maxDoc());
      for (Query clause : optional) {
        add(searcher, leaf, clause, result);
      }
    }
    for (Query clause : prohibited) {
      result.andNot(bits(searcher, leaf, clause));
    }
    return result;
  }

  /** Sets the bits of the documents of {@code leaf} matching {@code query}, deletions ignored. */
  private void add(IndexSearcher searcher, LeafReaderContext leaf, Query query, FixedBitSet into)
      throws IOException {
    if (query instanceof BoostQuery boost) {
      add(searcher, leaf, boost.getQuery(), into);
    } else if (query instanceof TermQuery term) {
      addTerm(leaf.reader(), term.getTerm(), into);
    } else if (query instanceof MatchAllDocsQuery) {
      into.set(0, into.length());
    } else if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
      into.or(bits(searcher, leaf, bool));
    } else {
      addOther(searcher, leaf, query, into);
    }
  }

  /** Any other query (rewritten already): its matches found the usual way. */
  private static void addOther(
      IndexSearcher searcher, LeafReaderContext leaf, Query query, FixedBitSet into)
      throws IOException {
    Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer scorer = weight.scorer(leaf);
    if (scorer != null) {
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        into.set(doc);
      }
    }
  }

  private void addTerm(LeafReader reader, Term term, FixedBitSet into) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    Key key = helper == null ? null : new Key(helper.getKey(), term);
    if (key != null) {
      FixedBitSet known;
      synchronized (this) {
        known = kept.get(key);
        if (known != null) {
          hits++;
        }
      }
      if (known != null) {
        into.or(known);
        return;
      }
    }
    Terms terms = reader.terms(term.field());
    if (terms == null) {
      return;
    }
    TermsEnum termsEnum = terms.iterator();
    if (!termsEnum.seekExact(term.bytes())) {
      return;
    }
    synchronized (this) {
      reads++;
    }
    boolean keep =
        key != null
            && termsEnum.docFreq() >= Math.max(KEEP_FROM_DOCS, reader.maxDoc() / KEEP_FROM_ONE_IN);
    FixedBitSet target = keep ? new FixedBitSet(reader.maxDoc()) : into;
    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
    for (int doc = postings.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = postings.nextDoc()) {
      target.set(doc);
    }
    if (keep) {
      keep(key, target, helper);
      into.or(target);
    }
  }

  /**
   * The live documents of a segment with deletions as a bit set (Lucene hands them out read-only),
   * made once per reader: a reader's deletions never change.
   */
  private FixedBitSet live(LeafReader reader) {
    Bits live = reader.getLiveDocs();
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (live == null) {
      return null;
    }
    if (helper == null) {
      return FixedBitSet.copyOf(live);
    }
    FixedBitSet known = liveDocs.get(helper.getKey());
    if (known == null) {
      known = FixedBitSet.copyOf(live);
      if (liveDocs.putIfAbsent(helper.getKey(), known) == null) {
        helper.addClosedListener(liveDocs::remove);
      }
    }
    return known;
  }

  private synchronized void keep(Key key, FixedBitSet docs, IndexReader.CacheHelper helper) {
    long size = RamUsageEstimator.sizeOf(docs.getBits()) + KEY_BYTES;
    if (size > maxBytes) {
      return;
    }
    FixedBitSet previous = kept.put(key, docs);
    if (previous != null) {
      bytes -= RamUsageEstimator.sizeOf(previous.getBits()) + KEY_BYTES;
    }
    bytes += size;
    var oldest = kept.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      Map.Entry<Key, FixedBitSet> entry = oldest.next();
      bytes -= RamUsageEstimator.sizeOf(entry.getValue().getBits()) + KEY_BYTES;
      oldest.remove();
    }
    if (listening.add(key.core())) {
      helper.addClosedListener(this::forget);
    }
  }

  /** A segment closed: its terms are of no more use. */
  private synchronized void forget(Object core) {
    listening.remove(core);
    var entries = kept.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Key, FixedBitSet> entry = entries.next();
      if (entry.getKey().core() == core) {
        bytes -= RamUsageEstimator.sizeOf(entry.getValue().getBits()) + KEY_BYTES;
        entries.remove();
      }
    }
  }

  /** Forgets everything kept (the benchmark measures searches without it). */
  synchronized void clear() {
    kept.clear();
    bytes = 0;
  }

  synchronized Stats stats() {
    return new Stats(kept.size(), bytes, hits, reads);
  }

  /** A rough size of an entry's key and map node, besides the bits. */
  private static final long KEY_BYTES = 128;
}
