package org.banyan.content;

import java.util.ArrayList;
import java.util.List;
import org.banyan.problem.Violation;

/**
 * What a button of the module editor asks for, as its {@code action} value names it: {@code save},
 * {@code addUnit}, {@code removeUnit:2}, {@code moveUp:2}, {@code moveDown:2}, {@code refresh:2}
 * (show the fields of the type chosen), {@code addQuestion:0}, {@code removeQuestion:0:1}, {@code
 * addChoice:0:1}, {@code removeChoice:0:1:2}. Anything else shows the form again unchanged; so does
 * an index that names nothing.
 */
record ModuleEditAction(String name, List<Integer> at) {

  ModuleEditAction {
    at = List.copyOf(at);
  }

  /** The form after the action, the id of the element to focus (null for none), and refusals. */
  record Applied(ModuleForm form, String focus, List<Violation> violations) {}

  static ModuleEditAction parse(String value) {
    if (value == null || value.isBlank()) {
      return new ModuleEditAction("save", List.of());
    }
    String[] parts = value.split(":", 5);
    List<Integer> at = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].matches("\\d{1,4}")) {
        return new ModuleEditAction("refresh", List.of());
      }
      at.add(Integer.valueOf(parts[i]));
    }
    return new ModuleEditAction(parts[0], at);
  }

  boolean saves() {
    return name.equals("save");
  }

  Applied apply(ModuleForm form, String newUnitType) {
    List<ModuleForm.UnitForm> units = new ArrayList<>(form.units());
    int u = at.isEmpty() ? -1 : at.get(0);
    boolean unitNamed = u >= 0 && u < units.size();
    switch (name) {
      case "addUnit" -> {
        if (units.size() >= ModuleForm.MAX_UNITS) {
          return refused(form, "units", "invalid.tooMany.units", ModuleForm.MAX_UNITS);
        }
        String type =
            UnitType.ofCode(newUnitType).map(UnitType::code).orElse(UnitType.READING.code());
        units.add(ModuleForm.UnitForm.blank(newUnitId(units), type));
        return new Applied(form.withUnits(units), anchor(units.size() - 1, "title"), List.of());
      }
      case "removeUnit" -> {
        if (!unitNamed) {
          break;
        }
        units.remove(u);
        String focus = u < units.size() ? anchor(u, "title") : "newUnitType";
        return new Applied(form.withUnits(units), focus, List.of());
      }
      case "moveUp", "moveDown" -> {
        int to = name.equals("moveUp") ? u - 1 : u + 1;
        if (!unitNamed || to < 0 || to >= units.size()) {
          break;
        }
        units.add(to, units.remove(u));
        boolean sameButton = name.equals("moveUp") ? to > 0 : to < units.size() - 1;
        return new Applied(
            form.withUnits(units),
            anchor(to, sameButton ? name : name.equals("moveUp") ? "moveDown" : "moveUp"),
            List.of());
      }
      case "refresh" -> {
        if (!unitNamed) {
          break;
        }
        units.set(u, units.get(u).ready());
        return new Applied(form.withUnits(units), anchor(u, "type"), List.of());
      }
      default -> {
        if (unitNamed) {
          return quiz(form, units, u);
        }
      }
    }
    return unchanged(form);
  }

  private Applied quiz(ModuleForm form, List<ModuleForm.UnitForm> units, int u) {
    ModuleForm.UnitForm unit = units.get(u);
    List<ModuleForm.QuestionForm> questions = new ArrayList<>(unit.questions());
    int q = at.size() > 1 ? at.get(1) : -1;
    boolean questionNamed = q >= 0 && q < questions.size();
    String focus;
    switch (name) {
      case "addQuestion" -> {
        if (questions.size() >= ModuleForm.MAX_QUESTIONS) {
          return refused(
              form,
              ModuleForm.units(u) + ".questions",
              "invalid.tooMany.questions",
              ModuleForm.MAX_QUESTIONS);
        }
        questions.add(ModuleForm.QuestionForm.blank(newQuestionId(questions)));
        focus = anchor(u, "questions-" + (questions.size() - 1) + "-text");
      }
      case "removeQuestion" -> {
        if (!questionNamed) {
          return unchanged(form);
        }
        questions.remove(q);
        focus = anchor(u, "addQuestion");
      }
      case "addChoice", "removeChoice" -> {
        if (!questionNamed) {
          return unchanged(form);
        }
        ModuleForm.QuestionForm question = questions.get(q);
        List<String> choices = new ArrayList<>(question.choices());
        List<Integer> correct = new ArrayList<>(question.correct());
        if (name.equals("addChoice")) {
          if (choices.size() >= ModuleForm.MAX_CHOICES) {
            return refused(
                form,
                ModuleForm.questions(u, q) + ".choices",
                "invalid.tooMany.choices",
                ModuleForm.MAX_CHOICES);
          }
          choices.add("");
          focus = anchor(u, "questions-" + q + "-choices-" + (choices.size() - 1));
        } else {
          int c = at.size() > 2 ? at.get(2) : -1;
          if (c < 0 || c >= choices.size()) {
            return unchanged(form);
          }
          choices.remove(c);
          correct = correct.stream().filter(i -> i != c).map(i -> i > c ? i - 1 : i).toList();
          focus = anchor(u, "questions-" + q + "-addChoice");
        }
        questions.set(q, question.withChoices(choices, correct));
      }
      default -> {
        return unchanged(form);
      }
    }
    units.set(u, unit.withQuestions(questions));
    return new Applied(form.withUnits(units), focus, List.of());
  }

  /** The id a new unit gets: {@code unit-N}, the first N no unit has. */
  static String newUnitId(List<ModuleForm.UnitForm> units) {
    return firstFree("unit-", units.stream().map(ModuleForm.UnitForm::id).toList());
  }

  static String newQuestionId(List<ModuleForm.QuestionForm> questions) {
    return firstFree("q", questions.stream().map(ModuleForm.QuestionForm::id).toList());
  }

  private static String firstFree(String prefix, List<String> taken) {
    int n = 1;
    while (taken.contains(prefix + n)) {
      n++;
    }
    return prefix + n;
  }

  /** The element id of a unit's field or button, as the template makes it. */
  static String anchor(int unit, String field) {
    return "units-" + unit + "-" + field;
  }

  private static Applied unchanged(ModuleForm form) {
    return new Applied(form, null, List.of());
  }

  private static Applied refused(ModuleForm form, String field, String code, int max) {
    return new Applied(form, null, List.of(Violation.of(field, code, max)));
  }
}
