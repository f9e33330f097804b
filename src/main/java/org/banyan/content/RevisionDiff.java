package org.banyan.content;

import java.util.List;

/**
 * What changed between two revisions: each changed field, and a line diff of the Markdown.
 *
 * @param fields the fields other than the Markdown whose values differ
 * @param markdown every line of both versions: kept, removed or added
 */
public record RevisionDiff(int from, int to, List<FieldChange> fields, List<Line> markdown) {

  /** One changed field, each side as readable text. */
  public record FieldChange(String field, String before, String after) {}

  /**
   * One line of the Markdown diff.
   *
   * @param kind {@code " "} kept, {@code "-"} only in {@code from}, {@code "+"} only in {@code to}
   */
  public record Line(String kind, String text) {}

  public boolean isEmpty() {
    return fields.isEmpty() && markdown.stream().allMatch(l -> l.kind().equals(" "));
  }
}
