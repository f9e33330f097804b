package org.banyan.media;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The uploaded bytes are not of a type Banyan accepts (HTTP 415). */
class UnsupportedFileType extends ProblemException {

  private UnsupportedFileType() {
    super(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Only PNG, JPEG, WebP, SVG, PDF, MP3, M4A/MP4 and OGG files are accepted");
  }

  public static UnsupportedFileType create() {
    return new UnsupportedFileType();
  }
}
