package org.banyan.content;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A workflow step that does not apply to the item as it stands (HTTP 409). */
class StepNotAllowed extends ProblemException {

  private StepNotAllowed(String message) {
    super(HttpStatus.CONFLICT, message);
  }

  public static StepNotAllowed from(String step, Status status) {
    return new StepNotAllowed("Cannot " + step + " an item that is " + status);
  }

  public static StepNotAllowed because(String reason) {
    return new StepNotAllowed(reason);
  }
}
