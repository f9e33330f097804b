package org.banyan.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The translation group ({@link IndexSchema#GROUP}) of every live document of one searcher, and the
 * documents of each group: made once per refresh, so that collapsing a search's matches to one per
 * item, and finding a hit's translations, are array look-ups. Documents are numbered as in the
 * whole reader (segment base plus the document's number in its segment).
 */
final class TranslationGroups {

  private final int[] docBases;

  /** Per document, its group; -1 when it has none or is deleted. */
  private final int[] groupOf;

  /** Per group, its first document; per document, the next of its group; -1 ends. */
  private final int[] first;

  private final int[] next;

  /** Per segment, the documents whose group has more than one: the only ones to collapse. */
  private final FixedBitSet[] shared;

  /** How many live documents are not the first of their group: what collapsing can drop. */
  private final int translations;

  private TranslationGroups(
      int[] docBases, int[] groupOf, int[] first, int[] next, FixedBitSet[] shared) {
    int translations = 0;
    for (FixedBitSet leaf : shared) {
      translations += leaf.cardinality();
    }
    for (int member : first) {
      translations -= member >= 0 && next[member] >= 0 ? 1 : 0;
    }
    this.translations = translations;
    this.docBases = docBases;
    this.groupOf = groupOf;
    this.first = first;
    this.next = next;
    this.shared = shared;
  }

  static TranslationGroups of(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    int[] docBases = new int[leaves.size()];
    int[] groupOf = new int[reader.maxDoc()];
    int[] next = new int[reader.maxDoc()];
    Arrays.fill(groupOf, -1);
    Arrays.fill(next, -1);
    FixedBitSet[] shared = new FixedBitSet[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      docBases[leaf.ord] = leaf.docBase;
      shared[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
    }
    if (leaves.isEmpty()) {
      return new TranslationGroups(docBases, groupOf, new int[0], next, shared);
    }
    SortedDocValues[] values = new SortedDocValues[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      values[leaf.ord] = DocValues.getSorted(leaf.reader(), IndexSchema.GROUP);
    }
    OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
    int[] first = new int[Math.toIntExact(map.getValueCount())];
    Arrays.fill(first, -1);
    int[] size = new int[first.length];
    for (LeafReaderContext leaf : leaves) {
      SortedDocValues docs = DocValues.getSorted(leaf.reader(), IndexSchema.GROUP);
      LongValues global = map.getGlobalOrds(leaf.ord);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        int group = (int) global.get(docs.ordValue());
        int id = leaf.docBase + doc;
        groupOf[id] = group;
        next[id] = first[group];
        first[group] = id;
        size[group]++;
      }
    }
    for (LeafReaderContext leaf : leaves) {
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        int group = groupOf[leaf.docBase + doc];
        if (group >= 0 && size[group] > 1) {
          shared[leaf.ord].set(doc);
        }
      }
    }
    return new TranslationGroups(docBases, groupOf, first, next, shared);
  }

  /**
   * How many documents {@link #collapse} can drop at most: those of each group beyond its first
   * (none in an index without translations).
   */
  int translations() {
    return translations;
  }

  /** The group of document {@code doc} (numbered in the whole reader); -1 when it has none. */
  int group(int doc) {
    return groupOf[doc];
  }

  /** The other live documents of the group of {@code doc}: its translations. */
  List<Integer> others(int doc) {
    int group = groupOf[doc];
    if (group < 0) {
      return List.of();
    }
    List<Integer> others = new ArrayList<>(2);
    for (int member = first[group]; member >= 0; member = next[member]) {
      if (member != doc) {
        others.add(member);
      }
    }
    return others;
  }

  /**
   * {@code matches} (a bit set per segment) with one document per group: the first of those in
   * {@code preferred} (per segment, null for none) when any is, else the first. A segment's set is
   * copied before a bit of it is cleared; the sets given are never changed.
   */
  List<FixedBitSet> collapse(List<FixedBitSet> matches, FixedBitSet[] preferred) {
    FixedBitSet seen = new FixedBitSet(Math.max(1, first.length));
    List<FixedBitSet> result = new ArrayList<>(matches);
    for (boolean preferredPass : new boolean[] {true, false}) {
      for (int leaf = 0; leaf < matches.size(); leaf++) {
        FixedBitSet prefer = preferred == null ? null : preferred[leaf];
        if (preferredPass && prefer == null) {
          continue;
        }
        long[] hits = matches.get(leaf).getBits();
        long[] several = shared[leaf].getBits();
        long[] chosen = prefer == null ? null : prefer.getBits();
        int words = Math.min(hits.length, several.length);
        for (int i = 0; i < words; i++) {
          long word = hits[i] & several[i];
          if (chosen != null) {
            long inPreferred = i < chosen.length ? chosen[i] : 0;
            word &= preferredPass ? inPreferred : ~inPreferred;
          }
          while (word != 0) {
            int doc = (i << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            if (seen.getAndSet(groupOf[docBases[leaf] + doc])) {
              if (result.get(leaf) == matches.get(leaf)) {
                result.set(leaf, matches.get(leaf).clone());
              }
              result.get(leaf).clear(doc);
            }
          }
        }
      }
    }
    return result;
  }
}
