package org.banyan.account;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The user has no token with this id (HTTP 404): another user's token is not found either. */
class TokenNotFound extends ProblemException {

  private TokenNotFound(long id) {
    super(HttpStatus.NOT_FOUND, "No token " + id);
  }

  public static TokenNotFound withId(long id) {
    return new TokenNotFound(id);
  }
}
