package org.banyan.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence ends for snippets: after 。！？；, after . ! ? ; followed by a space, and at line ends; the
 * spaces after an end belong to the sentence before. Each call looks only at the text around its
 * offset, so highlighting a long lesson costs what its matches cost, where the JDK's rule-based
 * sentence iterator walked the text again for every call (it was most of the time of a search).
 */
final class SentenceBreaks extends BreakIterator {

  private String text = "";
  private int current;

  @Override
  public void setText(String newText) {
    text = newText;
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
    return current;
  }

  @Override
  public int last() {
    current = text.length();
    return current;
  }

  @Override
  public int next(int n) {
    int result = current;
    for (int i = 0; i < Math.abs(n) && result != DONE; i++) {
      result = n > 0 ? next() : previous();
    }
    return result;
  }

  @Override
  public int next() {
    if (current >= text.length()) {
      return DONE;
    }
    return following(current);
  }

  @Override
  public int previous() {
    if (current <= 0) {
      return DONE;
    }
    return preceding(current);
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    if (offset >= text.length()) {
      current = text.length();
      return DONE;
    }
    int at = offset + 1;
    while (at < text.length() && !ends(at)) {
      at++;
    }
    current = at;
    return at;
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    if (offset <= 0) {
      current = 0;
      return DONE;
    }
    int at = offset - 1;
    while (at > 0 && !ends(at)) {
      at--;
    }
    current = at;
    return at;
  }

  @Override
  public int current() {
    return current;
  }

  /** Whether a sentence starts at {@code at} (0 < at < length): after an end and its spaces. */
  private boolean ends(int at) {
    if (Character.isWhitespace(text.charAt(at))) {
      return false;
    }
    int before = at - 1;
    boolean spaces = false;
    while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
      if (text.charAt(before) == '\n') {
        return true;
      }
      spaces = true;
      before--;
    }
    if (before < 0) {
      return false;
    }
    return switch (text.charAt(before)) {
      case '。', '！', '？', '；' -> true;
      case '.', '!', '?', ';' -> spaces;
      default -> false;
    };
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset out of bounds: " + offset);
    }
  }
}
