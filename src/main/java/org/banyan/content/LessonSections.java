package org.banyan.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A lesson's Markdown split at its second-level headings, knowing which section is which. */
final class LessonSections {

  enum Kind {
    OTHER,
    SAFEGUARDING,
    TAKE_HOME
  }

  /**
   * One section.
   *
   * @param heading the heading text; empty for text before the first heading
   * @param markdown the section, its heading line included
   */
  record Section(String heading, String markdown, Kind kind) {}

  private static final Set<String> SAFEGUARDING = Set.of("safeguarding", "安全与转介");
  private static final Set<String> TAKE_HOME = Set.of("take-home note for guardians", "带给家长的话");

  private LessonSections() {}

  static List<Section> split(String markdown) {
    List<Section> sections = new ArrayList<>();
    if (markdown == null) {
      return sections;
    }
    String heading = "";
    StringBuilder current = new StringBuilder();
    boolean fenced = false;
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      if (line.startsWith("```") || line.startsWith("~~~")) {
        fenced = !fenced;
      }
      if (!fenced && line.startsWith("## ")) {
        add(sections, heading, current);
        heading = line.substring(3).strip();
        current = new StringBuilder();
      }
      current.append(line).append('\n');
    }
    add(sections, heading, current);
    return sections;
  }

  private static void add(List<Section> sections, String heading, StringBuilder text) {
    if (text.toString().isBlank()) {
      return;
    }
    String key = heading.toLowerCase(java.util.Locale.ROOT);
    Kind kind =
        SAFEGUARDING.contains(key)
            ? Kind.SAFEGUARDING
            : TAKE_HOME.contains(key) ? Kind.TAKE_HOME : Kind.OTHER;
    sections.add(new Section(heading, text.toString(), kind));
  }
}
