package org.banyan.course;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No such class among the caller's own (HTTP 404): another teacher's class is not revealed. */
class ClassNotFound extends ProblemException {

  private ClassNotFound(long id) {
    super(HttpStatus.NOT_FOUND, "No class " + id);
  }

  public static ClassNotFound forId(long id) {
    return new ClassNotFound(id);
  }
}
