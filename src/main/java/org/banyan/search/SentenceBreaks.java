package org.banyan.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence ends for snippets: after 。！？；, after . ! ? ; followed by a space, and at line ends; the
 * spaces after an end belong to the sentence before. All boundaries are found once per text, so the
 * highlighter's many {@code preceding} and {@code following} calls are binary searches, where the
 * JDK's rule-based sentence iterator walks the text again for each (it was most of the time of a
 * search).
 */
final class SentenceBreaks extends BreakIterator {

  private String text = "";
  private int[] boundaries = {0};
  private int current;

  @Override
  public void setText(String newText) {
    text = newText;
    int[] found = new int[16];
    int count = 0;
    found[count++] = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean end =
          switch (c) {
            case '。', '！', '？', '；', '\n' -> true;
            case '.', '!', '?', ';' -> i + 1 < length && Character.isWhitespace(text.charAt(i + 1));
            default -> false;
          };
      if (end) {
        int next = i + 1;
        while (next < length && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (next < length) {
          if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
          }
          found[count++] = next;
        }
        i = next - 1;
      }
    }
    if (length > 0) {
      if (count == found.length) {
        found = Arrays.copyOf(found, count + 1);
      }
      found[count++] = length;
    }
    boundaries = Arrays.copyOf(found, count);
    current = 0;
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder chars = new StringBuilder();
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      chars.append(c);
    }
    setText(chars.toString());
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public int first() {
    current = 0;
    return boundaries[0];
  }

  @Override
  public int last() {
    current = boundaries.length - 1;
    return boundaries[current];
  }

  @Override
  public int next(int n) {
    int target = current + n;
    if (target < 0 || target >= boundaries.length) {
      current = target < 0 ? 0 : boundaries.length - 1;
      return DONE;
    }
    current = target;
    return boundaries[current];
  }

  @Override
  public int next() {
    return next(1);
  }

  @Override
  public int previous() {
    return next(-1);
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    int at = Arrays.binarySearch(boundaries, offset);
    int index = at >= 0 ? at + 1 : -at - 1;
    if (index >= boundaries.length) {
      current = boundaries.length - 1;
      return DONE;
    }
    current = index;
    return boundaries[current];
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    int at = Arrays.binarySearch(boundaries, offset);
    int index = at >= 0 ? at - 1 : -at - 2;
    if (index < 0) {
      current = 0;
      return DONE;
    }
    current = index;
    return boundaries[current];
  }

  @Override
  public int current() {
    return boundaries[current];
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset out of bounds: " + offset);
    }
  }
}
