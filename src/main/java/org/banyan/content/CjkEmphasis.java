package org.banyan.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Emphasis that CommonMark leaves as literal {@code *} next to Chinese. The spec lets a delimiter
 * run close only when it is not preceded by punctuation or is followed by a space or punctuation,
 * so {@code **画一幅画。**画你想念的人} keeps its asterisks (commonmark-spec#650). Following the "CJK-friendly
 * emphasis" amendment, a run of {@code *} that the parser left as text and that stands next to a
 * Chinese, Japanese or Korean character or punctuation mark may open when a non-space follows it
 * and close when a non-space precedes it; such runs are paired, innermost first, within one
 * paragraph, heading or cell. Text in other languages is parsed exactly as CommonMark says.
 */
final class CjkEmphasis implements PostProcessor {

  @Override
  public Node process(Node document) {
    Set<Node> containers = new LinkedHashSet<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            if (text.getLiteral().indexOf('*') >= 0 && text.getParent() != null) {
              containers.add(text.getParent());
            }
          }

          @Override
          public void visit(Code code) {
            // Code keeps its asterisks.
          }
        });
    containers.forEach(CjkEmphasis::pair);
    return document;
  }

  /** A run of {@code *} split off into a text node of its own. */
  private record Run(Text node, boolean canOpen, boolean canClose) {

    int length() {
      return node.getLiteral().length();
    }
  }

  private static void pair(Node container) {
    List<Run> runs = new ArrayList<>();
    for (Node child = container.getFirstChild(); child != null; ) {
      Node next = child.getNext();
      if (child instanceof Text text && text.getLiteral().indexOf('*') >= 0) {
        runs.addAll(split(text));
      }
      child = next;
    }
    Deque<Run> open = new ArrayDeque<>();
    for (Run run : runs) {
      Run opener = run.canClose() ? matching(open, run.length()) : null;
      if (opener != null) {
        while (open.peek() != opener) {
          open.pop();
        }
        open.pop();
        wrap(opener.node(), run.node());
      } else if (run.canOpen()) {
        open.push(run);
      }
    }
  }

  private static Run matching(Deque<Run> open, int length) {
    for (Run candidate : open) {
      if (candidate.length() == length) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Splits the runs of {@code *} next to CJK text out of {@code text}, in place, and answers them;
   * runs of one or two asterisks only, the lengths of emphasis and strong emphasis.
   */
  private static List<Run> split(Text text) {
    String literal = text.getLiteral();
    List<int[]> found = new ArrayList<>();
    for (int i = 0; i < literal.length(); ) {
      if (literal.charAt(i) != '*') {
        i++;
        continue;
      }
      int end = i;
      while (end < literal.length() && literal.charAt(end) == '*') {
        end++;
      }
      int before = i > 0 ? literal.codePointBefore(i) : edge(text.getPrevious(), true);
      int after = end < literal.length() ? literal.codePointAt(end) : edge(text.getNext(), false);
      if (end - i <= 2 && (isCjk(before) || isCjk(after))) {
        found.add(new int[] {i, end, before, after});
      }
      i = end;
    }
    List<Run> runs = new ArrayList<>();
    if (found.isEmpty()) {
      return runs;
    }
    text.setLiteral(literal.substring(0, found.get(0)[0]));
    Node cursor = text;
    for (int k = 0; k < found.size(); k++) {
      int[] run = found.get(k);
      Text node = new Text(literal.substring(run[0], run[1]));
      cursor.insertAfter(node);
      cursor = node;
      runs.add(new Run(node, run[3] != -1 && !isSpace(run[3]), run[2] != -1 && !isSpace(run[2])));
      int next = k + 1 < found.size() ? found.get(k + 1)[0] : literal.length();
      if (next > run[1]) {
        Text between = new Text(literal.substring(run[1], next));
        cursor.insertAfter(between);
        cursor = between;
      }
    }
    return runs;
  }

  /** The character at the edge of a neighbouring node; {@code -1} when there is none. */
  private static int edge(Node neighbour, boolean last) {
    if (neighbour == null) {
      return -1;
    }
    if (neighbour instanceof Text text && !text.getLiteral().isEmpty()) {
      String literal = text.getLiteral();
      return last ? literal.codePointBefore(literal.length()) : literal.codePointAt(0);
    }
    return 'x';
  }

  private static void wrap(Text opener, Text closer) {
    Node emphasis =
        opener.getLiteral().length() == 2 ? new StrongEmphasis("**") : new Emphasis("*");
    for (Node node = opener.getNext(); node != closer; ) {
      Node next = node.getNext();
      emphasis.appendChild(node);
      node = next;
    }
    opener.insertAfter(emphasis);
    opener.unlink();
    closer.unlink();
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
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
