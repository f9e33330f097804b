package org.banyan.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Where the query's words are in a hit's text, for a part indexed without offsets (the body and
 * summary), found the way the index analysed the text but without analysing all of it.
 *
 * <p>A Chinese character is a word boundary for the standard tokenizer, as is white space. The text
 * is cut at both into chunks. Every word the analysis gives (lower-cased, stemmed) begins with the
 * same two characters as the text it came from, Porter's stemmer changing only endings, so a chunk
 * is analysed only if a query word's first two characters begin a word in it (a word begins a chunk
 * or follows a character that is neither letter nor digit; where Latin letters run on from kana
 * with no break, a word's beginning goes unseen: not in Banyan's content). Chinese characters are
 * matched as the index holds them: in a Chinese text, two adjacent characters as a bigram and a
 * character with no Chinese neighbour alone; in an English text, each character alone. Each word's
 * count in the text goes with its matches, as the index's postings give it, for the passage scores.
 */
final class WordOffsets extends FieldOffsetStrategy {

  private final Analyzer analyzer;
  private final boolean bigrams;
  private final Set<BytesRef> words = new HashSet<>();
  private final Set<String> han = new HashSet<>();

  /**
   * The query's other words' first two letters, hashed (a collision only has a chunk analysed for
   * nothing), and the first letters of its one-letter words.
   */
  private final BitSet pairs = new BitSet(1 << 16);

  private final BitSet singles = new BitSet(1 << 16);

  /**
   * {@code analyzer}: the hit's language's, by the parts' own names; {@code bigrams}: whether
   * Chinese characters are indexed as bigrams (a Chinese text).
   */
  WordOffsets(UHComponents components, Analyzer analyzer, boolean bigrams) {
    super(components);
    this.analyzer = analyzer;
    this.bigrams = bigrams;
    for (BytesRef term : components.getTerms()) {
      String word = term.utf8ToString();
      if (word.isEmpty()) {
        continue;
      }
      if (word.codePoints().allMatch(WordOffsets::isHan)) {
        han.add(word);
      } else {
        words.add(term);
        if (word.length() < 2) {
          singles.set(word.charAt(0));
        } else {
          pairs.set(pair(word.charAt(0), word.charAt(1)));
        }
      }
    }
  }

  @Override
  public UnifiedHighlighter.OffsetSource getOffsetSource() {
    return UnifiedHighlighter.OffsetSource.ANALYSIS;
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content)
      throws IOException {
    List<Match> matches = new ArrayList<>();
    if (!han.isEmpty()) {
      findHan(content, matches);
    }
    if (!words.isEmpty()) {
      findWords(content, matches);
    }
    if (matches.isEmpty()) {
      return OffsetsEnum.EMPTY;
    }
    matches.sort(
        (a, b) ->
            a.start != b.start
                ? Integer.compare(a.start, b.start)
                : a.end != b.end ? Integer.compare(a.end, b.end) : a.term.compareTo(b.term));
    Map<BytesRef, Integer> counts = new HashMap<>();
    for (Match match : matches) {
      counts.merge(match.term, 1, Integer::sum);
    }
    return new MatchesEnum(matches, counts);
  }

  private void findHan(String content, List<Match> matches) {
    for (String word : han) {
      BytesRef term = new BytesRef(word);
      int length = word.length();
      for (int at = content.indexOf(word); at >= 0; at = content.indexOf(word, at + 1)) {
        if (indexedAt(content, at, length)) {
          matches.add(new Match(at, at + length, term));
        }
      }
    }
  }

  /** Whether the Chinese word found at {@code at} is one the index holds there. */
  private boolean indexedAt(String content, int at, int length) {
    int codePoints = Character.codePointCount(content, at, at + length);
    if (!bigrams) {
      return codePoints == 1;
    }
    if (codePoints == 2) {
      return true;
    }
    // A single character is indexed alone only when no Chinese character is next to it.
    boolean before = at > 0 && isHan(Character.codePointBefore(content, at));
    boolean after = at + length < content.length() && isHan(content.codePointAt(at + length));
    return codePoints == 1 && !before && !after;
  }

  private void findWords(String content, List<Match> matches) throws IOException {
    int length = content.length();
    int at = 0;
    while (at < length) {
      if (boundary(content.charAt(at))) {
        at++;
        continue;
      }
      // A chunk: up to the next white space or Chinese character. A word of the analysis starts
      // at its beginning or after a character that is neither letter nor digit.
      int start = at;
      boolean candidate = false;
      boolean wordStart = true;
      int first = -1;
      for (; at < length; at++) {
        char c = content.charAt(at);
        if (boundary(c)) {
          break;
        }
        boolean letter = Character.isLetterOrDigit(c);
        int lower = lower(c);
        if (!candidate) {
          // The second character of a word, whatever it is (the apostrophe of "i've").
          candidate =
              first >= 0 && pairs.get(pair(first, lower))
                  || wordStart && letter && singles.get(lower);
        }
        first = wordStart && letter ? lower : -1;
        wordStart = !letter;
      }
      if (candidate) {
        analyse(content, start, at, matches);
      }
    }
  }

  private static boolean boundary(char c) {
    return c < 0x80 ? c <= ' ' : Character.isWhitespace(c) || isHan(c);
  }

  private static int lower(char c) {
    return c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) : Character.toLowerCase(c);
  }

  private void analyse(String content, int start, int end, List<Match> matches) throws IOException {
    try (TokenStream tokens = analyzer.tokenStream(getField(), content.substring(start, end))) {
      TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
      OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        BytesRef bytes = term.getBytesRef();
        if (words.contains(bytes)) {
          matches.add(
              new Match(
                  start + offsets.startOffset(),
                  start + offsets.endOffset(),
                  BytesRef.deepCopyOf(bytes)));
        }
      }
      tokens.end();
    }
  }

  private static int pair(int first, int second) {
    return (first * 31 + second) & 0xFFFF;
  }

  private static boolean isHan(int codePoint) {
    // Below U+2E80 (CJK radicals) there is no Chinese character: most text is decided at once.
    return codePoint >= 0x2E80
        && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  private record Match(int start, int end, BytesRef term) {}

  /** The matches in order of their place in the text. */
  private static final class MatchesEnum extends OffsetsEnum {
    private final List<Match> matches;
    private final Map<BytesRef, Integer> counts;
    private int next;
    private Match current;

    MatchesEnum(List<Match> matches, Map<BytesRef, Integer> counts) {
      this.matches = matches;
      this.counts = counts;
    }

    @Override
    public boolean nextPosition() {
      if (next == matches.size()) {
        return false;
      }
      current = matches.get(next++);
      return true;
    }

    @Override
    public int freq() {
      return counts.get(current.term);
    }

    @Override
    public BytesRef getTerm() {
      return current.term;
    }

    @Override
    public int startOffset() {
      return current.start;
    }

    @Override
    public int endOffset() {
      return current.end;
    }

    @Override
    public String toString() {
      return Arrays.toString(matches.toArray());
    }
  }
}
