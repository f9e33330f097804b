package org.banyan.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Input that was refused, naming each bad field and why (HTTP 400). */
public class InvalidInput extends ProblemException {

  private final List<Violation> violations;

  public InvalidInput(List<Violation> violations) {
    super(
        HttpStatus.BAD_REQUEST,
        violations.stream()
            .map(v -> v.field() + ": " + v.code())
            .collect(Collectors.joining("; ", "Invalid input: ", "")));
    this.violations = List.copyOf(violations);
  }

  public static InvalidInput of(String field, String code, Object... args) {
    return new InvalidInput(List.of(Violation.of(field, code, args)));
  }

  public List<Violation> violations() {
    return violations;
  }

  /** Whether {@code field} was among the refused ones. */
  public boolean refused(String field) {
    return violations.stream().anyMatch(v -> v.field().equals(field));
  }
}
