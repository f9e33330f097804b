package org.banyan.content;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Differences between two revisions' content: per field, and line by line for the Markdown. */
@Component
class Diffs {

  private final JsonMapper json;

  Diffs(JsonMapper json) {
    this.json = json;
  }

  RevisionDiff between(int from, Content before, int to, Content after) {
    Map<String, Object> left = fields(before);
    Map<String, Object> right = fields(after);
    Set<String> names = new LinkedHashSet<>(left.keySet());
    names.addAll(right.keySet());
    names.remove("markdown");
    List<RevisionDiff.FieldChange> changes = new ArrayList<>();
    for (String name : names) {
      String was = readable(left.get(name));
      String now = readable(right.get(name));
      if (!Objects.equals(was, now)) {
        changes.add(new RevisionDiff.FieldChange(name, was, now));
      }
    }
    return new RevisionDiff(from, to, changes, lines(before.markdown(), after.markdown()));
  }

  static List<RevisionDiff.Line> lines(String before, String after) {
    List<String> original = split(before);
    List<String> revised = split(after);
    Patch<String> patch = DiffUtils.diff(original, revised);
    List<RevisionDiff.Line> lines = new ArrayList<>();
    int position = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int start = delta.getSource().getPosition();
      while (position < start) {
        lines.add(new RevisionDiff.Line(" ", original.get(position++)));
      }
      for (String removed : delta.getSource().getLines()) {
        lines.add(new RevisionDiff.Line("-", removed));
      }
      for (String added : delta.getTarget().getLines()) {
        lines.add(new RevisionDiff.Line("+", added));
      }
      position += delta.getSource().size();
    }
    while (position < original.size()) {
      lines.add(new RevisionDiff.Line(" ", original.get(position++)));
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> fields(Content content) {
    return new LinkedHashMap<>(json.convertValue(content, Map.class));
  }

  private String readable(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list
        && list.stream().allMatch(v -> v instanceof String || v instanceof Number)) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    return json.writeValueAsString(value);
  }

  private static List<String> split(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return List.of(text.replace("\r\n", "\n").split("\n", -1));
  }
}
