package org.banyan.search;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;

/**
 * Snippets of Chinese text, made of whole clauses. The passages come as sentences (ended by 。！？； or
 * a line end); a sentence of at most {@link #MAX_CHARS} is the snippet, a longer one is cut to the
 * clauses around its first match, each ended by its punctuation (。！？；，), up to that length. A
 * passage whose match has fewer than {@link #MIN_CONTEXT} letters around it (a heading, a list item
 * of a few words, "你有多生气？") tells the reader nothing: the next best passage is taken, and when none
 * is better the answer is {@link #FRAGMENT}, so the hit shows its summary instead.
 */
final class ClauseSnippets extends DefaultPassageFormatter {

  /** The longest snippet made of whole clauses, in characters. */
  static final int MAX_CHARS = 80;

  /** The fewest letters besides the matched words that make a snippet worth reading. */
  static final int MIN_CONTEXT = 6;

  /** The answer when the query matched only in fragments. */
  static final String FRAGMENT = "";

  ClauseSnippets() {
    super("<mark>", "</mark>", " … ", true);
  }

  @Override
  public String format(Passage[] passages, String content) {
    Passage[] best = passages.clone();
    Arrays.sort(best, Comparator.comparing(Passage::getScore).reversed());
    boolean matched = false;
    for (Passage passage : best) {
      if (passage.getNumMatches() == 0) {
        continue;
      }
      matched = true;
      String snippet = snippet(passage, content);
      if (snippet != null) {
        return snippet;
      }
    }
    return matched ? FRAGMENT : null;
  }

  /** The passage as a snippet of whole clauses; null when it is only a fragment. */
  private String snippet(Passage passage, String content) {
    int start = passage.getStartOffset();
    int end = passage.getEndOffset();
    while (start < end && skippedAtStart(content.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    int[] starts = Arrays.copyOf(passage.getMatchStarts(), passage.getNumMatches());
    int[] ends = Arrays.copyOf(passage.getMatchEnds(), passage.getNumMatches());
    int first = Integer.MAX_VALUE;
    int firstEnd = 0;
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] < first) {
        first = starts[i];
        firstEnd = ends[i];
      }
    }
    if (first < start || firstEnd > end) {
      return null;
    }
    if (end - start > MAX_CHARS) {
      int from = clauseStart(content, start, first);
      int to = clauseEnd(content, firstEnd, end);
      while (to < end) {
        int further = clauseEnd(content, to, end);
        if (further - from > MAX_CHARS) {
          break;
        }
        to = further;
      }
      while (from > start) {
        int earlier = clauseStart(content, start, from - 1);
        if (to - earlier > MAX_CHARS) {
          break;
        }
        from = earlier;
      }
      start = from;
      end = to;
    }
    return context(content, start, end, starts, ends) < MIN_CONTEXT
        ? null
        : marked(content, start, end, starts, ends);
  }

  /** {@code text} escaped for HTML as the snippets are. */
  String escaped(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    append(escaped, text, 0, text.length());
    return escaped.toString();
  }

  /** Where the clause holding {@code at} begins, not before {@code limit}. */
  private static int clauseStart(String content, int limit, int at) {
    int from = at;
    while (from > limit && !endsClause(content.charAt(from - 1))) {
      from--;
    }
    while (from < at && skippedAtStart(content.charAt(from))) {
      from++;
    }
    return from;
  }

  /**
   * Where the clause holding the text just before {@code at} ends, its punctuation and any closing
   * quote included, not after {@code limit}.
   */
  private static int clauseEnd(String content, int at, int limit) {
    int to = at;
    while (to < limit && !endsClause(content.charAt(to))) {
      to++;
    }
    if (to < limit) {
      to++;
      while (to < limit && closes(content.charAt(to))) {
        to++;
      }
    }
    return to;
  }

  private static boolean endsClause(char c) {
    return switch (c) {
      case '。', '！', '？', '；', '，', '!', '?', ';' -> true;
      default -> false;
    };
  }

  private static boolean closes(char c) {
    return switch (c) {
      case '”', '’', '）', '」', '』', '】', '》', '"', ')' -> true;
      default -> false;
    };
  }

  /**
   * White space, list markers and the closing quote of the sentence before are left out at the
   * start of a snippet.
   */
  private static boolean skippedAtStart(char c) {
    return Character.isWhitespace(c) || c == '-' || c == '*' || c == '•' || closes(c);
  }

  /** How many letters and digits of {@code [start, end)} lie outside the matches. */
  private static int context(String content, int start, int end, int[] starts, int[] ends) {
    int count = 0;
    for (int at = start; at < end; at++) {
      if (Character.isLetterOrDigit(content.charAt(at)) && !inMatch(at, starts, ends)) {
        count++;
      }
    }
    return count;
  }

  private static boolean inMatch(int at, int[] starts, int[] ends) {
    for (int i = 0; i < starts.length; i++) {
      if (at >= starts[i] && at < ends[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text of {@code [start, end)}, escaped, the matches in it marked (overlapping ones as one).
   */
  private String marked(String content, int start, int end, int[] starts, int[] ends) {
    StringBuilder snippet = new StringBuilder();
    int at = start;
    int[] order = sortedByStart(starts);
    for (int k = 0; k < order.length; k++) {
      int from = Math.max(starts[order[k]], start);
      int to = Math.min(ends[order[k]], end);
      if (from >= to || to <= at) {
        continue;
      }
      // Matches that overlap or touch (Chinese bigrams) are marked as one.
      while (k + 1 < order.length && starts[order[k + 1]] <= to) {
        to = Math.max(to, Math.min(ends[order[k + 1]], end));
        k++;
      }
      from = Math.max(from, at);
      append(snippet, content, at, from);
      snippet.append(preTag);
      append(snippet, content, from, to);
      snippet.append(postTag);
      at = to;
    }
    append(snippet, content, at, end);
    return snippet.toString();
  }

  private static int[] sortedByStart(int[] starts) {
    return java.util.stream.IntStream.range(0, starts.length)
        .boxed()
        .sorted(Comparator.comparingInt(i -> starts[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
