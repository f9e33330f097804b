package org.banyan.content;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No autosaved draft of this editor is kept for the signed-in author (HTTP 404). */
public class DraftNotFound extends ProblemException {

  private DraftNotFound(String slot) {
    super(HttpStatus.NOT_FOUND, "No unsaved draft of " + slot);
  }

  static DraftNotFound forSlot(String slot) {
    return new DraftNotFound(slot);
  }
}
