package org.banyan.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banyan.problem.Violation;
import org.springframework.context.MessageSource;

/**
 * The refusals of a module, told in the author's words: “Unit 3, question 2: tick at least one
 * right answer” for {@code units[2].questions[1].correct}. A code may have a wording of its own for
 * the editor ({@code moduleEditor.invalid.quiz.correct}); otherwise the reason is the API's.
 */
final class ModuleEditorProblems {

  private static final Pattern PATH =
      Pattern.compile(
          "units\\[(\\d+)](?:\\.questions\\[(\\d+)](?:\\.choices\\[(\\d+)])?)?(?:\\.(\\w+))?");

  /** Fields whose reason says what is wrong without naming them. */
  private static final List<String> UNNAMED = List.of("id", "correct", "choices", "questions");

  /**
   * One refusal as the editor shows it.
   *
   * @param field the field as the form names it ({@code units[2].title})
   * @param anchor the id of the element it is shown next to
   * @param text the whole sentence, place and reason
   */
  public record Problem(String field, String anchor, String text) {}

  private ModuleEditorProblems() {}

  static List<Problem> describe(List<Violation> violations, MessageSource messages, Locale locale) {
    List<Problem> problems = new ArrayList<>();
    for (Violation v : violations) {
      String reason =
          messages.getMessage(
              "moduleEditor." + v.code(),
              v.args().toArray(),
              messages.getMessage(v.code(), v.args().toArray(), v.code(), locale),
              locale);
      String where = where(v.field(), messages, locale);
      problems.add(
          new Problem(
              v.field(),
              anchor(v.field()),
              messages.getMessage("moduleEditor.problem", new Object[] {where, reason}, locale)));
    }
    return problems;
  }

  /** The id of the element a field's refusal is shown next to. */
  static String anchor(String field) {
    String id = field.replace("[", "-").replace("]", "").replace('.', '-');
    if (id.endsWith("-correct")) {
      return id.substring(0, id.length() - "correct".length()) + "choices";
    }
    return id.endsWith("-id") ? id.substring(0, id.length() - 3) : id;
  }

  private static String where(String field, MessageSource messages, Locale locale) {
    Matcher m = PATH.matcher(field);
    if (!m.matches()) {
      return label(field, messages, locale);
    }
    String where =
        messages.getMessage("moduleEditor.at.unit", new Object[] {number(m.group(1))}, locale);
    if (m.group(2) != null) {
      where =
          messages.getMessage(
              "moduleEditor.at.question", new Object[] {where, number(m.group(2))}, locale);
    }
    if (m.group(3) != null) {
      where =
          messages.getMessage(
              "moduleEditor.at.choice", new Object[] {where, number(m.group(3))}, locale);
    }
    String name = m.group(4);
    if (name != null && !UNNAMED.contains(name)) {
      where =
          messages.getMessage(
              "moduleEditor.at.field",
              new Object[] {where, label("unit." + name, messages, locale)},
              locale);
    }
    return where;
  }

  private static String label(String name, MessageSource messages, Locale locale) {
    return messages.getMessage("moduleEditor.name." + name, null, name, locale);
  }

  /** A 0-based index as the author counts: from 1. */
  private static String number(String index) {
    return String.valueOf(Integer.parseInt(index) + 1);
  }
}
