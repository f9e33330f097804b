package org.banyan.content;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A reviewer tried to publish changes they wrote themselves: a revision since the last published
 * one (HTTP 403).
 */
class OwnRevision extends ProblemException {

  private OwnRevision() {
    super(
        HttpStatus.FORBIDDEN,
        "A reviewer cannot publish an item they wrote a revision of since it was last published;"
            + " another reviewer must publish it");
  }

  public static OwnRevision create() {
    return new OwnRevision();
  }
}
