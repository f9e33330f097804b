package org.banyan.course;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots what looks like a child's personal data in what a teacher writes: a mainland resident ID
 * number (18 characters with a valid check digit) or a mobile number (11 digits starting with 1).
 */
public final class PersonalData {

  private static final Pattern ID =
      Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9})(?!\\d)");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private PersonalData() {}

  /** The message code of what the text seems to hold, or empty. */
  public static Optional<String> suspect(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String compact = text.replaceAll("[\\s-]", "");
    Matcher id = ID.matcher(compact);
    while (id.find()) {
      if (validId(id.group(1))) {
        return Optional.of("class.personal.id");
      }
    }
    if (MOBILE.matcher(compact).find()) {
      return Optional.of("class.personal.mobile");
    }
    return Optional.empty();
  }

  static boolean validId(String id) {
    if (id.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (!Character.isDigit(c)) {
        return false;
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
  }
}
