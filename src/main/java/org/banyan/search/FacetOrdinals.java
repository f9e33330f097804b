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
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Facet counting for one searcher: every document's facet values held as small integers in memory,
 * so that counting the matches of a query costs an array walk per match instead of decoding doc
 * values. A segment's values are read once (segments never change) and kept while it lives; the
 * searcher's own part is only the map from each segment's values to the searcher's.
 *
 * <p>Counts follow drill-sideways: with filters on some dimensions, a match counts as a hit when it
 * passes every filter; a dimension's values are counted over the matches that pass the filters of
 * every other dimension, so a reader sees what choosing another value in it would give.
 */
final class FacetOrdinals {

  /**
   * A segment's facet values: for document d, those at {@code starts[d] .. starts[d + 1]} of {@code
   * bytes} (a segment with at most 256 distinct values, as ours have: a quarter of the memory to
   * walk) or else of {@code ints}.
   */
  record Segment(int[] starts, byte[] bytes, int[] ints, String[] values) {
    int ord(int i) {
      return bytes != null ? bytes[i] & 0xFF : ints[i];
    }
  }

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
      for (int ord = 0; ord < count; ord++) {
        values[ord] = docValues.lookupOrd(ord).utf8ToString();
      }
      int maxDoc = reader.maxDoc();
      int[] starts = new int[maxDoc + 1];
      int[] ords = new int[Math.max(16, maxDoc * 4)];
      int next = 0;
      for (int doc = 0; doc < maxDoc; doc++) {
        starts[doc] = next;
        if (docValues.advanceExact(doc)) {
          int n = docValues.docValueCount();
          if (next + n > ords.length) {
            ords = Arrays.copyOf(ords, Math.max(next + n, ords.length + (ords.length >> 1)));
          }
          for (int i = 0; i < n; i++) {
            ords[next++] = (int) docValues.nextOrd();
          }
        }
      }
      starts[maxDoc] = next;
      if (count <= 256) {
        byte[] bytes = new byte[next];
        for (int i = 0; i < next; i++) {
          bytes[i] = (byte) ords[i];
        }
        return new Segment(starts, bytes, null, values);
      }
      return new Segment(starts, null, Arrays.copyOf(ords, next), values);
    }
  }

  private final List<String> dimensions;
  private final String[] dimensionOf;
  private final String[] valueOf;
  private final Map<String, Integer> ordinals;
  private final Segment[] segments;
  private final int[][] toGlobal;

  private FacetOrdinals(
      List<String> dimensions,
      String[] dimensionOf,
      String[] valueOf,
      Map<String, Integer> ordinals,
      Segment[] segments,
      int[][] toGlobal) {
    this.dimensions = dimensions;
    this.dimensionOf = dimensionOf;
    this.valueOf = valueOf;
    this.ordinals = ordinals;
    this.segments = segments;
    this.toGlobal = toGlobal;
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
    for (int s = 0; s < segments.length; s++) {
      String[] values = segments[s].values();
      toGlobal[s] = new int[values.length];
      for (int ord = 0; ord < values.length; ord++) {
        toGlobal[s][ord] = all.get(values[ord]);
      }
    }
    return new FacetOrdinals(
        List.copyOf(dimensions), dimensionOf, valueOf, ordinals, segments, toGlobal);
  }

  /** What counting found: the hits, and each dimension's values with their counts. */
  record Counts(long total, Map<String, List<Value>> dimensions) {}

  record Value(String value, long count) {}

  /**
   * Counts the matches of the unfiltered query under {@code selected} filters (dimension → values,
   * OR within a dimension, AND across). Run the collector manager with the query without the
   * filters: the near misses are what the sideways counts are made of.
   */
  Counter counter(Map<String, List<String>> selected) {
    return new Counter(selected);
  }

  final class Counter implements CollectorManager<Collector, Counts> {
    private final boolean[] chosen = new boolean[valueOf.length];
    private final int[] dimensionIndex = new int[valueOf.length];
    private final int required;

    private Counter(Map<String, List<String>> selected) {
      Map<String, Integer> index = new HashMap<>();
      for (int d = 0; d < dimensions.size(); d++) {
        index.put(dimensions.get(d), d);
      }
      for (int ord = 0; ord < valueOf.length; ord++) {
        dimensionIndex[ord] = index.getOrDefault(dimensionOf[ord], -1);
      }
      int mask = 0;
      for (Map.Entry<String, List<String>> entry : selected.entrySet()) {
        Integer d = index.get(entry.getKey());
        if (d == null || entry.getValue().isEmpty()) {
          continue;
        }
        mask |= 1 << d;
        for (String value : entry.getValue()) {
          Integer ord = ordinals.get(FacetsConfig.pathToString(entry.getKey(), value));
          if (ord != null) {
            chosen[ord] = true;
          }
        }
      }
      this.required = mask;
    }

    @Override
    public Collector newCollector() {
      return new Counting();
    }

    @Override
    public Counts reduce(java.util.Collection<Collector> collectors) {
      long total = 0;
      long[] counts = new long[valueOf.length];
      for (Collector collector : collectors) {
        Counting counting = (Counting) collector;
        total += counting.total;
        for (int ord = 0; ord < counts.length; ord++) {
          counts[ord] += counting.counts[ord];
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

    /** Counts into the searcher's ordinals, one segment at a time in the segment's own. */
    private final class Counting implements Collector {
      long total;
      final long[] counts = new long[valueOf.length];

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }

      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) {
        Segment segment = segments[context.ord];
        int[] global = toGlobal[context.ord];
        int[] starts = segment.starts();
        int size = global.length;
        int[] dimension = new int[size];
        boolean[] passes = new boolean[size];
        for (int ord = 0; ord < size; ord++) {
          dimension[ord] = dimensionIndex[global[ord]];
          passes[ord] = chosen[global[ord]];
        }
        int[] local = new int[size];
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) {
            int from = starts[doc];
            int to = starts[doc + 1];
            if (required == 0) {
              total++;
              for (int i = from; i < to; i++) {
                local[segment.ord(i)]++;
              }
              return;
            }
            int met = 0;
            for (int i = from; i < to; i++) {
              int ord = segment.ord(i);
              if (passes[ord]) {
                met |= 1 << dimension[ord];
              }
            }
            int missing = required & ~met;
            if (missing == 0) {
              total++;
              for (int i = from; i < to; i++) {
                local[segment.ord(i)]++;
              }
            } else if ((missing & (missing - 1)) == 0) {
              // Fails one filter only: counts in that filter's dimension (sideways).
              int only = Integer.numberOfTrailingZeros(missing);
              for (int i = from; i < to; i++) {
                int ord = segment.ord(i);
                if (dimension[ord] == only) {
                  local[ord]++;
                }
              }
            }
          }

          @Override
          public void finish() {
            for (int ord = 0; ord < size; ord++) {
              counts[global[ord]] += local[ord];
            }
          }
        };
      }
    }
  }
}
