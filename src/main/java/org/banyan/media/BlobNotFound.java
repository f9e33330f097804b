package org.banyan.media;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No blob, or no media file, under this key or id (HTTP 404). */
class BlobNotFound extends ProblemException {

  private BlobNotFound(String key) {
    super(HttpStatus.NOT_FOUND, "No file " + key);
  }

  public static BlobNotFound forKey(String key) {
    return new BlobNotFound(key);
  }
}
