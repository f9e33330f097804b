package org.banyan.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do; a user holds one or more. */
public enum Role {
  TEACHER,
  TRAINER,
  AUTHOR,
  REVIEWER,
  ADMIN;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role named {@code name}, in any letter case, if there is one. */
  public static Optional<Role> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
  }
}
