package org.banyan.media;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The blob store cannot be reached right now (HTTP 503). */
class BlobStoreUnavailable extends ProblemException {

  private BlobStoreUnavailable(String message, Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, message);
    initCause(cause);
  }

  public static BlobStoreUnavailable because(Throwable cause) {
    return new BlobStoreUnavailable(
        "The file store is not reachable right now; please try again in a moment", cause);
  }
}
