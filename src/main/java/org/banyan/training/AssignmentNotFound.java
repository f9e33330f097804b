package org.banyan.training;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * No such assignment among those the caller may see (HTTP 404): another trainer's or teacher's is
 * not revealed.
 */
class AssignmentNotFound extends ProblemException {

  private AssignmentNotFound(long id) {
    super(HttpStatus.NOT_FOUND, "No assignment " + id);
  }

  public static AssignmentNotFound forId(long id) {
    return new AssignmentNotFound(id);
  }
}
