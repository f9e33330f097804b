package org.banyan.content;

import static org.banyan.content.ModuleForm.FIELDS;
import static org.banyan.content.ModuleForm.MAX_CHOICES;
import static org.banyan.content.ModuleForm.MAX_QUESTIONS;
import static org.banyan.content.ModuleForm.MAX_UNITS;
import static org.banyan.content.ModuleForm.questions;
import static org.banyan.content.ModuleForm.units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banyan.problem.Violation;
import org.springframework.util.MultiValueMap;

/**
 * A module editor's post read into a {@link ModuleForm}: its fields by name, its units, questions
 * and choices by their indexes in the field names ({@code units[2].questions[1].choices[0]}).
 */
final class ModuleFormPost {

  private static final Pattern UNIT = Pattern.compile("units\\[(\\d+)]\\.(\\w+)");
  private static final Pattern QUESTION =
      Pattern.compile("units\\[(\\d+)]\\.questions\\[(\\d+)]\\.(\\w+)");
  private static final Pattern CHOICE =
      Pattern.compile("units\\[(\\d+)]\\.questions\\[(\\d+)]\\.choices\\[(\\d+)]");

  private ModuleFormPost() {}

  /**
   * Reads a post. Units, questions and choices come in the order of their indexes, gaps closed; an
   * index past the most a module, quiz or question may hold is refused and left out.
   */
  static ModuleForm.Read read(MultiValueMap<String, String> params) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : FIELDS) {
      String value = params.getFirst(name);
      if (value != null) {
        fields.put(name, value);
      }
    }
    List<Violation> violations = new ArrayList<>();
    TreeMap<Integer, Map<String, String>> unitFields = new TreeMap<>();
    TreeMap<Integer, TreeMap<Integer, Map<String, String>>> questionFields = new TreeMap<>();
    TreeMap<Integer, TreeMap<Integer, TreeMap<Integer, String>>> choices = new TreeMap<>();
    TreeMap<Integer, TreeMap<Integer, List<String>>> ticks = new TreeMap<>();
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      String name = param.getKey();
      String value = param.getValue().isEmpty() ? "" : param.getValue().get(0);
      Matcher m;
      if ((m = CHOICE.matcher(name)).matches()) {
        int u = index(m.group(1), MAX_UNITS, "units", "invalid.tooMany.units", violations);
        int q =
            u < 0
                ? -1
                : index(
                    m.group(2),
                    MAX_QUESTIONS,
                    units(u) + ".questions",
                    "invalid.tooMany.questions",
                    violations);
        int c =
            q < 0
                ? -1
                : index(
                    m.group(3),
                    MAX_CHOICES,
                    questions(u, q) + ".choices",
                    "invalid.tooMany.choices",
                    violations);
        if (u >= 0 && q >= 0 && c >= 0) {
          unitFields.computeIfAbsent(u, k -> new LinkedHashMap<>());
          questionFields
              .computeIfAbsent(u, k -> new TreeMap<>())
              .computeIfAbsent(q, k -> new LinkedHashMap<>());
          choices
              .computeIfAbsent(u, k -> new TreeMap<>())
              .computeIfAbsent(q, k -> new TreeMap<>())
              .put(c, value);
        }
      } else if ((m = QUESTION.matcher(name)).matches()) {
        int u = index(m.group(1), MAX_UNITS, "units", "invalid.tooMany.units", violations);
        int q =
            u < 0
                ? -1
                : index(
                    m.group(2),
                    MAX_QUESTIONS,
                    units(u) + ".questions",
                    "invalid.tooMany.questions",
                    violations);
        if (u >= 0 && q >= 0) {
          unitFields.computeIfAbsent(u, k -> new LinkedHashMap<>());
          Map<String, String> question =
              questionFields
                  .computeIfAbsent(u, k -> new TreeMap<>())
                  .computeIfAbsent(q, k -> new LinkedHashMap<>());
          if (m.group(3).equals("correct")) {
            ticks.computeIfAbsent(u, k -> new TreeMap<>()).put(q, param.getValue());
          } else {
            question.put(m.group(3), value);
          }
        }
      } else if ((m = UNIT.matcher(name)).matches()) {
        int u = index(m.group(1), MAX_UNITS, "units", "invalid.tooMany.units", violations);
        if (u >= 0) {
          unitFields.computeIfAbsent(u, k -> new LinkedHashMap<>()).put(m.group(2), value);
        }
      }
    }
    List<ModuleForm.UnitForm> units = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, String>> entry : unitFields.entrySet()) {
      int u = entry.getKey();
      Map<String, String> f = entry.getValue();
      List<ModuleForm.QuestionForm> questions = new ArrayList<>();
      for (Map.Entry<Integer, Map<String, String>> qe :
          questionFields.getOrDefault(u, new TreeMap<>()).entrySet()) {
        int q = qe.getKey();
        TreeMap<Integer, String> posted =
            choices.getOrDefault(u, new TreeMap<>()).getOrDefault(q, new TreeMap<>());
        List<Integer> postedIndexes = new ArrayList<>(posted.keySet());
        List<Integer> correct = new ArrayList<>();
        for (String tick : ticks.getOrDefault(u, new TreeMap<>()).getOrDefault(q, List.of())) {
          int position = -1;
          if (tick != null && tick.matches("\\d{1,4}")) {
            position = postedIndexes.indexOf(Integer.valueOf(tick));
          }
          correct.add(position);
        }
        questions.add(
            new ModuleForm.QuestionForm(
                qe.getValue().getOrDefault("id", ""),
                qe.getValue().getOrDefault("text", ""),
                new ArrayList<>(posted.values()),
                correct));
      }
      units.add(
          new ModuleForm.UnitForm(
              f.getOrDefault("id", ""),
              f.getOrDefault("type", ""),
              f.getOrDefault("title", ""),
              f.getOrDefault("markdown", ""),
              f.getOrDefault("mediaId", ""),
              f.getOrDefault("prompt", ""),
              f.getOrDefault("lessonSlug", ""),
              f.getOrDefault("passMark", ""),
              f.getOrDefault("maxAttempts", ""),
              f.getOrDefault("attemptWaitMinutes", ""),
              questions));
    }
    return new ModuleForm.Read(
        new ModuleForm(fields, units), violations.stream().distinct().toList());
  }

  /** An index below {@code max}, else -1 and a refusal naming {@code field}. */
  private static int index(
      String digits, int max, String field, String code, List<Violation> violations) {
    if (digits.length() <= 4 && Integer.parseInt(digits) < max) {
      return Integer.parseInt(digits);
    }
    violations.add(Violation.of(field, code, max));
    return -1;
  }
}
