package org.banyan.content;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The edit started from a revision that is no longer the latest (HTTP 409); nothing was saved. It
 * carries what changed since, so the author can merge by hand.
 */
class StaleRevision extends ProblemException {

  private final int latest;
  private final RevisionDiff changes;

  private StaleRevision(int base, int latest, RevisionDiff changes) {
    super(
        HttpStatus.CONFLICT,
        "This edit started from revision "
            + base
            + " but revision "
            + latest
            + " was saved since; nothing was saved");
    this.latest = latest;
    this.changes = changes;
  }

  public static StaleRevision of(int base, int latest, RevisionDiff changes) {
    return new StaleRevision(base, latest, changes);
  }

  public int latest() {
    return latest;
  }

  public RevisionDiff changes() {
    return changes;
  }
}
