package org.banyan.media;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The file is larger than the deployment allows (HTTP 413). */
class FileTooLarge extends ProblemException {

  private FileTooLarge(DataSize limit) {
    super(HttpStatus.CONTENT_TOO_LARGE, "Files may be at most " + limit.toMegabytes() + " MB");
  }

  public static FileTooLarge over(DataSize limit) {
    return new FileTooLarge(limit);
  }
}
