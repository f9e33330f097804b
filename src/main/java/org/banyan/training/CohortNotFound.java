package org.banyan.training;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No such cohort among the caller's own (HTTP 404). */
class CohortNotFound extends ProblemException {

  private CohortNotFound(long id) {
    super(HttpStatus.NOT_FOUND, "No cohort " + id);
  }

  public static CohortNotFound forId(long id) {
    return new CohortNotFound(id);
  }
}
