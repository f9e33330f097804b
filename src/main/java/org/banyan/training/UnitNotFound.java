package org.banyan.training;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The module the teacher works through has no unit of that id (HTTP 404). */
class UnitNotFound extends ProblemException {

  private UnitNotFound(String unitId) {
    super(HttpStatus.NOT_FOUND, "No unit '" + unitId + "' in this module");
  }

  public static UnitNotFound forId(String unitId) {
    return new UnitNotFound(unitId);
  }
}
