package org.banyan.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Facet counting for one searcher. Each segment's facet values are read once (segments never
 * change) into one bit set per value: which documents hold it. Counting a query's matches is then a
 * few bit set intersections per value — a few dozen values here, taxonomy, grades, languages —
 * instead of a walk over every match's values. The searcher's own part is only the map from each
 * segment's values to the searcher's.
 *
 * <p>Counts follow drill-sideways: with filters on some dimensions, a match counts as a hit when it
 * passes every filter; a dimension's values are counted over the matches that pass the filters of
 * every other dimension, so a reader sees what choosing another value in it would give.
 */
final class FacetOrdinals {

  /** A segment's facet values, and for each the documents holding it. */
  record Segment(String[] values, FixedBitSet[] docs, int maxDoc) {}

  /** The segments' values, by segment core; dropped when a segment closes. */
  static final class Cache {
    private final Map<Object, Segment> segments = new ConcurrentHashMap<>();

    Segment segment(LeafReader reader, String field) throws IOException {
      IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
      if (helper == null) {
        return read(reader, field);
      }
      Object key = helper.getKey();
      Segment segment = segments.get(key);
      if (segment == null) {
        segment = read(reader, field);
        if (segments.putIfAbsent(key, segment) == null) {
          helper.addClosedListener(segments::remove);
        }
      }
      return segment;
    }

    private static Segment read(LeafReader reader, String field) throws IOException {
      SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
      int count = (int) docValues.getValueCount();
      String[] values = new String[count];
      FixedBitSet[] docs = new FixedBitSet[count];
      for (int ord = 0; ord < count; ord++) {
        values[ord] = docValues.lookupOrd(ord).utf8ToString();
        docs[ord] = new FixedBitSet(reader.maxDoc());
      }
      for (int doc = docValues.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docValues.nextDoc()) {
        for (int i = 0; i < docValues.docValueCount(); i++) {
          docs[(int) docValues.nextOrd()].set(doc);
        }
      }
      return new Segment(values, docs, reader.maxDoc());
    }
  }

  private final List<String> dimensions;
  private final String[] dimensionOf;
  private final String[] valueOf;
  private final Map<String, Integer> ordinals;
  private final Segment[] segments;
  private final int[][] toGlobal;
  private final int[][] toLocal;
  private final int[] dimensionIndex;

  private FacetOrdinals(
      List<String> dimensions,
      String[] dimensionOf,
      String[] valueOf,
      Map<String, Integer> ordinals,
      Segment[] segments,
      int[][] toGlobal,
      int[][] toLocal) {
    this.dimensions = dimensions;
    this.dimensionOf = dimensionOf;
    this.valueOf = valueOf;
    this.ordinals = ordinals;
    this.segments = segments;
    this.toGlobal = toGlobal;
    this.toLocal = toLocal;
    // Which of the counted dimensions each value belongs to (-1: none), once per searcher.
    this.dimensionIndex = new int[valueOf.length];
    for (int ord = 0; ord < valueOf.length; ord++) {
      dimensionIndex[ord] = dimensions.indexOf(dimensionOf[ord]);
    }
  }

  /** The facet values of {@code reader} (its {@code field} of facet doc values). */
  static FacetOrdinals of(IndexReader reader, String field, List<String> dimensions, Cache cache)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    Segment[] segments = new Segment[leaves.size()];
    TreeMap<String, Integer> all = new TreeMap<>();
    for (LeafReaderContext leaf : leaves) {
      segments[leaf.ord] = cache.segment(leaf.reader(), field);
      for (String value : segments[leaf.ord].values()) {
        all.put(value, 0);
      }
    }
    String[] dimensionOf = new String[all.size()];
    String[] valueOf = new String[all.size()];
    Map<String, Integer> ordinals = new HashMap<>();
    int next = 0;
    for (Map.Entry<String, Integer> entry : all.entrySet()) {
      String[] path = FacetsConfig.stringToPath(entry.getKey());
      dimensionOf[next] = path[0];
      valueOf[next] = path.length > 1 ? path[1] : "";
      ordinals.put(entry.getKey(), next);
      entry.setValue(next++);
    }
    int[][] toGlobal = new int[segments.length][];
    int[][] toLocal = new int[segments.length][];
    for (int s = 0; s < segments.length; s++) {
      String[] values = segments[s].values();
      toGlobal[s] = new int[values.length];
      toLocal[s] = new int[all.size()];
      Arrays.fill(toLocal[s], -1);
      for (int ord = 0; ord < values.length; ord++) {
        toGlobal[s][ord] = all.get(values[ord]);
        toLocal[s][toGlobal[s][ord]] = ord;
      }
    }
    return new FacetOrdinals(
        List.copyOf(dimensions), dimensionOf, valueOf, ordinals, segments, toGlobal, toLocal);
  }

  /** What counting found: the hits, and each dimension's values with their counts. */
  record Counts(long total, Map<String, List<Value>> dimensions) {}

  record Value(String value, long count) {}

  /**
   * Counts under {@code selected} filters (dimension → values, OR within a dimension, AND across)
   * the matches of the unfiltered query: the near misses are what the sideways counts are made of.
   */
  Counter counter(Map<String, List<String>> selected) {
    return new Counter(selected);
  }

  final class Counter {
    /** Per dimension index: the searcher's ordinals chosen in it; null when it has no filter. */
    private final List<List<Integer>> chosen = new ArrayList<>();

    /**
     * Per segment and dimension, the documents holding a chosen value, made once: the search's
     * filter and its counting both ask for them. Never changed once made.
     */
    private final FixedBitSet[][] chosenDocs = new FixedBitSet[segments.length][];

    private Counter(Map<String, List<String>> selected) {
      for (int d = 0; d < dimensions.size(); d++) {
        chosen.add(null);
      }
      for (Map.Entry<String, List<String>> entry : selected.entrySet()) {
        int d = dimensions.indexOf(entry.getKey());
        if (d < 0 || entry.getValue().isEmpty()) {
          continue;
        }
        List<Integer> ords = new ArrayList<>();
        for (String value : entry.getValue()) {
          Integer ord = ordinals.get(FacetsConfig.pathToString(entry.getKey(), value));
          if (ord != null) {
            ords.add(ord);
          }
        }
        chosen.set(d, ords);
      }
    }

    /**
     * The documents of segment {@code leaf} that pass every chosen filter; null when nothing is
     * chosen. Deleted documents are not taken out.
     */
    FixedBitSet passing(int leaf) {
      FixedBitSet result = null;
      for (int d = 0; d < dimensions.size(); d++) {
        FixedBitSet docs = chosenDocs(leaf, d);
        if (docs == null) {
          continue;
        }
        if (result == null) {
          result = docs.clone();
        } else {
          result.and(docs);
        }
      }
      return result;
    }

    /** The documents of segment {@code leaf} holding any value chosen in dimension {@code d}. */
    private FixedBitSet chosenDocs(int leaf, int d) {
      List<Integer> ords = chosen.get(d);
      if (ords == null) {
        return null;
      }
      if (chosenDocs[leaf] == null) {
        chosenDocs[leaf] = new FixedBitSet[dimensions.size()];
      }
      if (chosenDocs[leaf][d] == null) {
        chosenDocs[leaf][d] = unionOfChosen(leaf, ords);
      }
      return chosenDocs[leaf][d];
    }

    private FixedBitSet unionOfChosen(int leaf, List<Integer> ords) {
      Segment segment = segments[leaf];
      int[] local = toLocal[leaf];
      FixedBitSet docs = new FixedBitSet(segment.maxDoc());
      for (int ord : ords) {
        if (local[ord] >= 0) {
          docs.or(segment.docs()[local[ord]]);
        }
      }
      return docs;
    }

    /** Counts the matches given as bit sets, one per segment of the searcher, in segment order. */
    Counts count(List<FixedBitSet> matches) {
      return count(matches, null, null);
    }

    /**
     * Counts the matches given as bit sets, one per segment of the searcher, in segment order; each
     * set of them first made one document per item by {@code collapse} (the translations of an item
     * count once), except in dimension {@code each}, whose values are counted document by document
     * (the languages: choosing one shows that many). A null {@code collapse} counts documents.
     */
    Counts count(List<FixedBitSet> matches, Collapse collapse, String each) {
      int leaves = matches.size();
      int dimensionCount = dimensions.size();
      // Each filtered dimension's documents, per segment: those holding any of its chosen values.
      FixedBitSet[][] passing = new FixedBitSet[leaves][dimensionCount];
      for (int leaf = 0; leaf < leaves; leaf++) {
        for (int d = 0; d < dimensionCount; d++) {
          passing[leaf][d] = chosenDocs(leaf, d);
        }
      }
      List<FixedBitSet> hits = within(matches, passing, -1);
      List<FixedBitSet> items = collapse == null ? hits : collapse.apply(hits);
      long total = 0;
      for (FixedBitSet leafItems : items) {
        total += leafItems.cardinality();
      }
      // Per dimension, what its values are counted over: the matches passing the filters of every
      // other dimension (drill sideways), one per item unless the dimension counts documents.
      int eachIndex = each == null ? -1 : dimensions.indexOf(each);
      List<List<FixedBitSet>> bases = new ArrayList<>();
      for (int d = 0; d < dimensionCount; d++) {
        boolean documents = collapse == null || d == eachIndex;
        if (chosen.get(d) == null) {
          bases.add(documents ? hits : items);
        } else {
          List<FixedBitSet> sideways = within(matches, passing, d);
          bases.add(documents ? sideways : collapse.apply(sideways));
        }
      }
      long[] counts = new long[valueOf.length];
      for (int leaf = 0; leaf < leaves; leaf++) {
        Segment segment = segments[leaf];
        int[] global = toGlobal[leaf];
        for (int ord = 0; ord < global.length; ord++) {
          int d = dimensionIndex[global[ord]];
          if (d >= 0) {
            counts[global[ord]] +=
                FixedBitSet.intersectionCount(bases.get(d).get(leaf), segment.docs()[ord]);
          }
        }
      }
      Map<String, List<Value>> result = new LinkedHashMap<>();
      for (String dimension : dimensions) {
        result.put(dimension, new ArrayList<>());
      }
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0 && dimensionIndex[ord] >= 0) {
          result.get(dimensionOf[ord]).add(new Value(valueOf[ord], counts[ord]));
        }
      }
      return new Counts(total, result);
    }

    /** Per segment, the matches passing the filters of every dimension but {@code except}. */
    private static List<FixedBitSet> within(
        List<FixedBitSet> matches, FixedBitSet[][] passing, int except) {
      List<FixedBitSet> result = new ArrayList<>(matches.size());
      for (int leaf = 0; leaf < matches.size(); leaf++) {
        result.add(within(matches.get(leaf), passing[leaf], except));
      }
      return result;
    }

    /** The matches of one segment passing the filters of every dimension but {@code except}. */
    private static FixedBitSet within(FixedBitSet matches, FixedBitSet[] passing, int except) {
      FixedBitSet result = null;
      for (int d = 0; d < passing.length; d++) {
        if (d == except || passing[d] == null) {
          continue;
        }
        if (result == null) {
          result = matches.clone();
        }
        result.and(passing[d]);
      }
      return result == null ? matches : result;
    }
  }

  /**
   * Makes a set of matches (one bit set per segment, never changed) one document per item: an
   * answer may be the same sets.
   */
  @FunctionalInterface
  interface Collapse {
    List<FixedBitSet> apply(List<FixedBitSet> matches);
  }

  /**
   * The documents of segment {@code leaf} holding {@code value} in {@code dimension}; null when
   * none does. Never to be changed.
   */
  FixedBitSet docs(int leaf, String dimension, String value) {
    Integer ord = ordinals.get(FacetsConfig.pathToString(dimension, value));
    if (ord == null) {
      return null;
    }
    int local = toLocal[leaf][ord];
    return local < 0 ? null : segments[leaf].docs()[local];
  }
}
