package org.banyan.account;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No user has this username (HTTP 404). */
class UserNotFound extends ProblemException {

  private UserNotFound(String username) {
    super(HttpStatus.NOT_FOUND, "No user '" + username + "'");
  }

  public static UserNotFound forUsername(String username) {
    return new UserNotFound(username);
  }
}
