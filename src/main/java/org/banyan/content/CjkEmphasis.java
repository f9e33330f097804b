package org.banyan.content;

import java.util.regex.Pattern;

/**
 * Emphasis that CommonMark would leave as literal {@code *} next to Chinese. The spec lets a
 * delimiter run close only when it is not preceded by punctuation or is followed by a space or
 * punctuation (and open only mirror-wise), so {@code **画一幅画。**画你想念的人} keeps its asterisks
 * (commonmark-spec#650). The "CJK-friendly emphasis" amendment lets such a run open or close when
 * the punctuation, or the character on its other side, is Chinese, Japanese or Korean.
 *
 * <p>commonmark-java decides flanking inside its parser, so this works on the source instead: an
 * invisible word joiner (U+2060, neither space nor punctuation) goes between a run of {@code *} and
 * the punctuation beside it, where the other side is not a space and either side is CJK. The parser
 * then sees what the amendment means, pairs runs with its own algorithm, and the joiners are taken
 * out of what it renders. Text in other languages is untouched, as are code spans, fenced and
 * indented code, and escaped asterisks.
 */
final class CjkEmphasis {

  static final char JOINER = '\u2060';

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*");

  private CjkEmphasis() {}

  /** {@code markdown} with joiners where the amendment lets a run of {@code *} open or close. */
  static String prepare(String markdown) {
    if (markdown.indexOf('*') < 0 || markdown.codePoints().noneMatch(CjkEmphasis::isCjk)) {
      return markdown;
    }
    StringBuilder out = new StringBuilder(markdown.length() + 16);
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      var opening = FENCE.matcher(line);
      if (fence == null && opening.matches()) {
        fence = opening.group(1).substring(0, 3);
        out.append(line);
      } else if (fence != null) {
        if (line.strip().startsWith(fence)) {
          fence = null;
        }
        out.append(line);
      } else if (line.startsWith("    ") || line.startsWith("\t")) {
        out.append(line);
      } else {
        out.append(prepareLine(line));
      }
    }
    return out.toString();
  }

  /** Takes the joiners {@link #prepare} put in out of rendered text. */
  static String finish(String rendered) {
    return rendered.indexOf(JOINER) < 0 ? rendered : rendered.replace(String.valueOf(JOINER), "");
  }

  private static String prepareLine(String line) {
    StringBuilder out = new StringBuilder(line.length() + 8);
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        out.append(c).append(line.charAt(i + 1));
        i += 2;
      } else if (c == '`') {
        int ticks = run(line, i, '`');
        int close = line.indexOf("`".repeat(ticks), i + ticks);
        int end = close < 0 ? i + ticks : close + ticks;
        out.append(line, i, end);
        i = end;
      } else if (c == '*') {
        int end = i + run(line, i, '*');
        int before = i > 0 ? line.codePointBefore(i) : -1;
        int after = end < line.length() ? line.codePointAt(end) : -1;
        boolean cjk = isCjk(before) || isCjk(after);
        if (cjk && isPunctuation(before) && after != -1 && !isSpace(after)) {
          out.append(JOINER);
        }
        out.append(line, i, end);
        if (cjk && isPunctuation(after) && before != -1 && !isSpace(before)) {
          out.append(JOINER);
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int run(String line, int from, char c) {
    int end = from;
    while (end < line.length() && line.charAt(end) == c) {
      end++;
    }
    return end - from;
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isPunctuation(int c) {
    if (c < 0 || c == '*') {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  static boolean isCjk(int c) {
    if (c < 0) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    if (script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || script == Character.UnicodeScript.BOPOMOFO) {
      return true;
    }
    Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
    return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
        || block == Character.UnicodeBlock.VERTICAL_FORMS;
  }
}
