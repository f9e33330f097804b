package org.banyan.course;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The lesson is already marked as taught with this class (HTTP 409). */
class AlreadyDelivered extends ProblemException {

  private AlreadyDelivered(String slug) {
    super(
        HttpStatus.CONFLICT,
        "The lesson '" + slug + "' is already marked as taught with this class");
  }

  public static AlreadyDelivered lesson(String slug) {
    return new AlreadyDelivered(slug);
  }
}
