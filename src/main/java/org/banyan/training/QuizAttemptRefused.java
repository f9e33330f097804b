package org.banyan.training;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A quiz attempt the module does not allow (HTTP 409): every attempt is used, or the wait after the
 * last one is not over. Nothing is recorded.
 */
class QuizAttemptRefused extends ProblemException {

  private QuizAttemptRefused(String message) {
    super(HttpStatus.CONFLICT, message);
  }

  static QuizAttemptRefused noneLeft(int allowed) {
    return new QuizAttemptRefused(
        "No attempts left: this quiz allows "
            + allowed
            + (allowed == 1 ? " attempt" : " attempts"));
  }

  static QuizAttemptRefused tooSoon(OffsetDateTime nextAt, int waitMinutes) {
    String at =
        DateTimeFormatter.ISO_INSTANT.format(
            nextAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    return new QuizAttemptRefused(
        "Too soon: this quiz asks you to wait "
            + waitMinutes
            + " minutes between attempts; the next attempt is possible from "
            + at);
  }
}
