package org.banyan.account;

import java.security.SecureRandom;

/** Random passwords an administrator hands over once, easy to read aloud and to type. */
final class TemporaryPasswords {

  /** No 0/o, 1/l/i: they are confused when read from a slip of paper. */
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  private static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TemporaryPasswords() {}

  static String next() {
    StringBuilder password = new StringBuilder(LENGTH + 3);
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
