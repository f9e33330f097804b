package org.banyan.content;

import org.banyan.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A reviewer tried to publish a revision they wrote themselves (HTTP 403). */
public class OwnRevision extends ProblemException {

  private OwnRevision() {
    super(HttpStatus.FORBIDDEN, "A reviewer cannot publish a revision they wrote");
  }

  public static OwnRevision create() {
    return new OwnRevision();
  }
}
