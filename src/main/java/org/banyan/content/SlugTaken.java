package org.banyan.content;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Another item of this type and language already has this slug (HTTP 409). */
class SlugTaken extends ProblemException {

  private SlugTaken(ContentType type, String lang, String slug) {
    super(
        HttpStatus.CONFLICT,
        "The slug '" + slug + "' is already used by another " + type.key() + " in " + lang);
  }

  public static SlugTaken of(ContentType type, String lang, String slug) {
    return new SlugTaken(type, lang, slug);
  }
}
