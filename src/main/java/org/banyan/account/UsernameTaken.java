package org.banyan.account;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The username is already held by another account (HTTP 409). */
public class UsernameTaken extends ProblemException {

  private UsernameTaken(String username) {
    super(HttpStatus.CONFLICT, "The username '" + username + "' is already taken");
  }

  public static UsernameTaken forUsername(String username) {
    return new UsernameTaken(username);
  }
}
