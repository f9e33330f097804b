package org.banyan.course;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The lesson is not marked as taught with this class, so there is nothing to undo (HTTP 404). */
class DeliveryNotFound extends ProblemException {

  private DeliveryNotFound(String slug) {
    super(
        HttpStatus.NOT_FOUND, "The lesson '" + slug + "' is not marked as taught with this class");
  }

  public static DeliveryNotFound lesson(String slug) {
    return new DeliveryNotFound(slug);
  }
}
