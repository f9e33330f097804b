package org.banyan.course;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The note looks like it holds a child's personal data; nothing was saved (HTTP 422). Saving anyway
 * needs an explicit confirmation.
 */
class PersonalDataSuspected extends ProblemException {

  private final String code;

  private PersonalDataSuspected(String code, String message) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, message);
    this.code = code;
  }

  static PersonalDataSuspected because(String code) {
    String what = code.endsWith("id") ? "an ID card number" : "a mobile phone number";
    return new PersonalDataSuspected(
        code,
        "The note seems to contain "
            + what
            + ". Children's personal data does not belong in"
            + " Banyan; remove it, or confirm to save the note as it is.");
  }

  /** The message code of the reason, for pages. */
  public String code() {
    return code;
  }
}
