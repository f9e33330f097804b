package org.banyan.problem;

import java.util.List;

/**
 * One refused field, as a message code from the bundles, so that each page and the API can say why
 * in its own language.
 *
 * @param field the field's name as the request spelled it
 * @param code the message code of the reason
 * @param args the arguments of the message, never null
 */
public record Violation(String field, String code, List<Object> args)
    implements java.io.Serializable {

  public Violation {
    args = List.copyOf(args);
  }

  public static Violation of(String field, String code, Object... args) {
    return new Violation(field, code, List.of(args));
  }

  /**
   * A required text, stripped: adds to {@code violations} when it is empty or longer than {@code
   * max} characters, and answers the stripped text either way.
   */
  public static String requiredText(
      List<Violation> violations, String field, String value, int max) {
    String clean = value == null ? "" : value.strip();
    if (clean.isEmpty()) {
      violations.add(of(field, "invalid.required"));
    } else if (clean.length() > max) {
      violations.add(of(field, "invalid.tooLong", max));
    }
    return clean;
  }
}
