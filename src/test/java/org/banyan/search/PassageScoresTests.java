package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Our passage scoring gives exactly Lucene's scores, repeated words and all. */
class PassageScoresTests {

  private static final String[] WORDS = {"calm", "angri", "friend", "letter", "想家", "生气"};

  @Test
  void scoresAsLuceneDoes() {
    Random random = new Random(3);
    PassageScorer lucene = new PassageScorer();
    PassageScores ours = new PassageScores();
    for (int round = 0; round < 2_000; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(5_000);
      passage.setStartOffset(start);
      int matches = random.nextInt(12);
      passage.setEndOffset(start + 32 * matches + 10 + random.nextInt(200));
      int offset = start;
      for (int i = 0; i < matches; i++) {
        offset += 1 + random.nextInt(28);
        String word = WORDS[random.nextInt(WORDS.length)];
        // A word's frequency in the document is the same wherever it matches.
        int inDoc = 1 + Math.floorMod(word.hashCode() + round, 9);
        passage.addMatch(offset, offset + 4, new BytesRef(word), inDoc);
      }
      int contentLength = passage.getEndOffset() + random.nextInt(3_000);

      assertThat(ours.score(passage, contentLength))
          .as("round %d", round)
          .isEqualTo(lucene.score(passage, contentLength));
    }
  }
}
