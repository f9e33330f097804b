package org.banyan.content;

import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A content file: YAML front matter between {@code ---} lines, then Markdown. Parsing keeps the
 * line of each top-level key so that problems can be reported where they are.
 */
final class FrontMatter {

  /** A parsed file: its fields, the file line of each top-level key, and the Markdown body. */
  record Parsed(Map<String, Object> fields, Map<String, Integer> lines, String body) {

    int lineOf(String field) {
      String key = field.replaceAll("[\\[.].*$", "");
      return lines.getOrDefault(key, 1);
    }
  }

  /** A problem at a line of a file. */
  static final class Problem extends Exception {
    final int line;

    Problem(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private FrontMatter() {}

  @SuppressWarnings("unchecked")
  static Parsed parse(String text) throws Problem {
    String normalized = text.replace("\r\n", "\n");
    if (normalized.startsWith("\uFEFF")) {
      normalized = normalized.substring(1);
    }
    if (!normalized.startsWith("---\n")) {
      throw new Problem(1, "the file must start with a '---' line opening the front matter");
    }
    int end = normalized.indexOf("\n---\n", 3);
    int bodyStart = end + 5;
    if (end < 0) {
      if (normalized.endsWith("\n---")) {
        end = normalized.length() - 4;
        bodyStart = normalized.length();
      } else {
        throw new Problem(1, "the front matter is not closed by a '---' line");
      }
    }
    String yaml = normalized.substring(4, end + 1);
    Map<String, Integer> lines = new HashMap<>();
    Object loaded;
    try {
      Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
      Node root = parser.compose(new StringReader(yaml));
      if (root instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode key) {
            lines.put(key.getValue(), key.getStartMark().getLine() + 2);
          }
        }
      }
      loaded = parser.load(yaml);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
      throw new Problem(line, "the front matter is not valid YAML: " + e.getProblem());
    } catch (RuntimeException e) {
      throw new Problem(2, "the front matter is not valid YAML: " + e.getMessage());
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new Problem(2, "the front matter must be a set of 'key: value' lines");
    }
    return new Parsed(
        new LinkedHashMap<>((Map<String, Object>) map), lines, normalized.substring(bodyStart));
  }

  static String write(Map<String, Object> fields, String body) {
    String markdown = body == null ? "" : body.replace("\r\n", "\n");
    if (!markdown.isEmpty() && !markdown.endsWith("\n")) {
      markdown = markdown + "\n";
    }
    return "---\n" + dump(fields) + "---\n" + markdown;
  }

  /** YAML as a person writes it: blocks, Unicode as is, long text as literal blocks. */
  static String dump(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(10_000);
    options.setAllowUnicode(true);
    options.setSplitLines(false);
    return new Yaml(new LiteralRepresenter(options), options).dump(value);
  }

  /** Writes text of several lines as a literal block, as a person would. */
  private static final class LiteralRepresenter extends Representer {
    LiteralRepresenter(DumperOptions options) {
      super(options);
      Represent plain = this.representers.get(String.class);
      this.representers.put(
          String.class,
          data -> {
            String value = (String) data;
            if (value.contains("\n") && !value.matches("(?s).*[ \\t]\\n.*")) {
              return representScalar(Tag.STR, value, DumperOptions.ScalarStyle.LITERAL);
            }
            return plain.representData(data);
          });
    }
  }
}
