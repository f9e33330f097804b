package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTests {

  private static List<Integer> forward(BreakIterator breaks) {
    List<Integer> all = new ArrayList<>();
    for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
      all.add(b);
    }
    return all;
  }

  @Test
  void breaksAfterSentenceEndsInBothLanguagesAndAtLineEnds() {
    SentenceBreaks breaks = new SentenceBreaks();
    String text = "Calm down. Breathe slowly!\n深呼吸。慢慢数到十？好的";
    breaks.setText(text);
    assertThat(forward(breaks))
        .containsExactly(0, 11, 27, 31, 37, text.length())
        .allSatisfy(b -> assertThat(b).isBetween(0, text.length()));
    assertThat(text.substring(0, 11)).isEqualTo("Calm down. ");
  }

  @Test
  void aDotInsideAWordIsNoEnd() {
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText("e.g. this, 3.5 hours");
    assertThat(forward(breaks)).containsExactly(0, 5, 20);
  }

  @Test
  void followingAndPrecedingAreStrictlyAfterAndBefore() {
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText("One. Two. Three.");
    assertThat(breaks.following(0)).isEqualTo(5);
    assertThat(breaks.following(5)).isEqualTo(10);
    assertThat(breaks.following(7)).isEqualTo(10);
    assertThat(breaks.following(16)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.preceding(16)).isEqualTo(10);
    assertThat(breaks.preceding(10)).isEqualTo(5);
    assertThat(breaks.preceding(3)).isEqualTo(0);
    assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.current()).isZero();
    assertThat(breaks.last()).isEqualTo(16);
    assertThat(breaks.previous()).isEqualTo(10);
    assertThat(breaks.isBoundary(5)).isTrue();
    assertThat(breaks.isBoundary(6)).isFalse();
  }

  @Test
  void anEmptyTextHasOneBoundary() {
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText("");
    assertThat(breaks.first()).isZero();
    assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.following(0)).isEqualTo(BreakIterator.DONE);
  }

  @Test
  void settingTheSameTextAgainStartsOver() {
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText("One. Two. Three.");
    breaks.last();
    breaks.setText(new String("One. Two. Three."));
    assertThat(breaks.current()).isZero();
    assertThat(forward(breaks)).containsExactly(0, 5, 10, 16);
    breaks.setText("Other.");
    assertThat(forward(breaks)).containsExactly(0, 6);
  }
}
