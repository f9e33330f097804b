package org.banyan.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.banyan.content.ModuleContent;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;

/**
 * Scores a quiz on the server. A question counts as right only when exactly its right choices are
 * chosen, so a question with several right answers needs all of them and no wrong one. The score is
 * the share of questions answered right, in whole percent; the attempt passes when it reaches the
 * pass mark (every question right when the quiz names none).
 */
final class QuizScoring {

  /**
   * One scored attempt.
   *
   * @param right how many questions were answered right
   * @param questions how many the quiz has
   * @param percent right answers in whole percent, rounded down
   */
  record Score(int right, int questions, int percent, boolean passed) {}

  private QuizScoring() {}

  /**
   * @param answers the chosen 0-based choice indexes by question id; a question left out is wrong
   * @throws InvalidInput for a missing answer map, an unknown question or a choice out of range
   */
  static Score score(ModuleContent.Quiz quiz, Map<String, List<Integer>> answers) {
    if (answers == null) {
      throw InvalidInput.of("answers", "invalid.required");
    }
    List<ModuleContent.Question> questions = quiz.questions();
    List<Violation> violations = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> answer : answers.entrySet()) {
      ModuleContent.Question question =
          questions.stream().filter(q -> q.id().equals(answer.getKey())).findFirst().orElse(null);
      if (question == null) {
        violations.add(
            Violation.of("answers", "invalid.training.question", String.valueOf(answer.getKey())));
      } else if (answer.getValue() == null
          || answer.getValue().stream()
              .anyMatch(c -> c == null || c < 0 || c >= question.choices().size())) {
        violations.add(Violation.of("answers." + question.id(), "invalid.training.choice"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    int right = 0;
    for (ModuleContent.Question question : questions) {
      List<Integer> chosen = answers.get(question.id());
      if (chosen != null && Set.copyOf(chosen).equals(new HashSet<>(question.correct()))) {
        right++;
      }
    }
    int total = questions.size();
    int percent = total == 0 ? 0 : 100 * right / total;
    int passMark = quiz.passMark() == null ? 100 : quiz.passMark();
    return new Score(right, total, percent, total > 0 && right * 100 >= passMark * total);
  }
}
