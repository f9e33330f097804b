package org.banyan.content;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A reviewer decided on a revision that is no longer the one under review (HTTP 409): the author
 * saved another since. Nothing was decided.
 */
class RevisionMovedOn extends ProblemException {

  private final int latest;

  private RevisionMovedOn(String step, int read, int latest) {
    super(
        HttpStatus.CONFLICT,
        "The item has moved on to revision "
            + latest
            + " since revision "
            + read
            + " was reviewed; nothing was "
            + step
            + "; read revision "
            + latest
            + " first");
    this.latest = latest;
  }

  /** Answers {@code step} on revision {@code read} while the item is at {@code latest}. */
  public static RevisionMovedOn since(String step, int read, int latest) {
    return new RevisionMovedOn(step, read, latest);
  }

  public int latest() {
    return latest;
  }
}
