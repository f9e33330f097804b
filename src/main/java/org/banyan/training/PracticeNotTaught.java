package org.banyan.training;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A practice unit completes only when the lesson is marked as taught with one of the teacher's
 * classes (HTTP 409): nothing says it has been yet.
 */
class PracticeNotTaught extends ProblemException {

  private PracticeNotTaught(String lang, String lessonSlug) {
    super(
        HttpStatus.CONFLICT,
        "The lesson '"
            + lessonSlug
            + "' ("
            + lang
            + ") is not marked as taught with any of your classes yet; mark it in My classes and"
            + " this unit completes by itself");
  }

  public static PracticeNotTaught lesson(String lang, String lessonSlug) {
    return new PracticeNotTaught(lang, lessonSlug);
  }
}
