package org.banyan.content;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A stale edit answers 409 in the API's error shape, with what changed since; a decision on a
 * revision that is no longer the latest, with the latest revision.
 */
@RestControllerAdvice(assignableTypes = AuthoringApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaleRevisionAnswer {

  record Conflict(
      int status, String error, String message, int latestRevision, RevisionDiff changes) {}

  record MovedOn(int status, String error, String message, int latestRevision) {}

  @ExceptionHandler(RevisionMovedOn.class)
  ResponseEntity<MovedOn> movedOn(RevisionMovedOn e) {
    HttpStatus status = HttpStatus.CONFLICT;
    return ResponseEntity.status(status)
        .body(new MovedOn(status.value(), status.getReasonPhrase(), e.getMessage(), e.latest()));
  }

  @ExceptionHandler(StaleRevision.class)
  ResponseEntity<Conflict> stale(StaleRevision e) {
    HttpStatus status = HttpStatus.CONFLICT;
    return ResponseEntity.status(status)
        .body(
            new Conflict(
                status.value(), status.getReasonPhrase(), e.getMessage(), e.latest(), e.changes()));
  }
}
