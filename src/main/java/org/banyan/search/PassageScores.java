package org.banyan.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage scoring (BM25 over the words a passage matches, times its position's norm),
 * without the hash table Lucene's own makes for every passage it scores: 32 KB of memory for the
 * few words a passage holds, a fifth of all a search allocated. The words are told apart by a scan
 * instead, in the same order, so every score is the same.
 */
final class PassageScores extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    BytesRef[] distinct = new BytesRef[matches];
    int[] inPassage = new int[matches];
    int[] inDoc = new int[matches];
    int count = 0;
    for (int i = 0; i < matches; i++) {
      int j = 0;
      while (j < count && !distinct[j].bytesEquals(terms[i])) {
        j++;
      }
      if (j == count) {
        distinct[count] = terms[i];
        inDoc[count] = freqsInDoc[i];
        count++;
      }
      inPassage[j]++;
    }
    double score = 0;
    for (int j = 0; j < count; j++) {
      score += tf(inPassage[j], passage.getLength()) * weight(contentLength, inDoc[j]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
