package org.banyan.content;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An autosaved draft larger than a slot holds (HTTP 413); nothing was kept. */
public class DraftTooLarge extends ProblemException {

  private DraftTooLarge(long limit) {
    super(HttpStatus.CONTENT_TOO_LARGE, "An autosaved draft may be at most " + limit + " bytes");
  }

  static DraftTooLarge over(long limit) {
    return new DraftTooLarge(limit);
  }
}
