package org.banyan.search;

import java.io.IOException;
import java.util.function.IntFunction;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.Bits;

/**
 * Hands a collector the scores of the documents in the reader's language multiplied by a modest
 * boost, so that at similar relevance they come first. The score a document must beat to make the
 * page is passed on to the scorer divided by the boost, the least that a boosted document needs:
 * Lucene still skips the documents that cannot make the page (block-max WAND).
 */
final class PreferredLanguage implements Collector {

  /** How much more a document in the reader's language counts: a nudge, never a filter. */
  static final float BOOST = 1.2f;

  private final Collector collector;
  private final IntFunction<Bits> preferred;

  /** {@code preferred}: per segment, the documents in the reader's language (null: none). */
  PreferredLanguage(Collector collector, IntFunction<Bits> preferred) {
    this.collector = collector;
    this.preferred = preferred;
  }

  @Override
  public ScoreMode scoreMode() {
    return collector.scoreMode();
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    LeafCollector leaf = collector.getLeafCollector(context);
    Bits boosted = preferred.apply(context.ord);
    if (boosted == null) {
      return leaf;
    }
    return new FilterLeafCollector(leaf) {
      private int doc = -1;

      @Override
      public void setScorer(Scorable scorer) throws IOException {
        in.setScorer(
            new Scorable() {
              @Override
              public float score() throws IOException {
                float score = scorer.score();
                return boosted.get(doc) ? score * BOOST : score;
              }

              @Override
              public int docID() {
                return doc;
              }

              @Override
              public void setMinCompetitiveScore(float minScore) throws IOException {
                scorer.setMinCompetitiveScore(Math.nextDown(minScore / BOOST));
              }
            });
      }

      @Override
      public void collect(int doc) throws IOException {
        this.doc = doc;
        in.collect(doc);
      }
    };
  }
}
