package org.banyan.problem;

import org.springframework.http.HttpStatus;

/**
 * An expected failure with its HTTP status. Features name their own subclasses for what went wrong
 * ({@code UsernameTaken}); the web layer turns them into the API's error shape or a themed page.
 */
public abstract class ProblemException extends RuntimeException {

  private final HttpStatus status;

  protected ProblemException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
