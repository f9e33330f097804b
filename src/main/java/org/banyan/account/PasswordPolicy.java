package org.banyan.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least ten characters, at most 72 bytes (the bcrypt limit), not
 * containing the username, and neither on the shipped list of common passwords nor one of them with
 * a few digits or symbols added.
 */
@Component
class PasswordPolicy {

  static final int MIN_LENGTH = 10;
  static final int MAX_BYTES = 72;
  private static final String COMMON = "account/common-passwords.txt";

  private final Set<String> common;

  PasswordPolicy() {
    this.common = load();
  }

  /** The message code of the reason {@code password} is refused, or empty when it is fine. */
  Optional<String> refusal(String username, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("invalid.password.short");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("invalid.password.long");
    }
    String folded = password.toLowerCase(Locale.ROOT);
    if (common.contains(folded) || common.contains(core(folded)) || tooFewDistinct(folded)) {
      return Optional.of("invalid.password.common");
    }
    if (username != null && folded.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("invalid.password.username");
    }
    return Optional.empty();
  }

  /**
   * The password without the digits and symbols people tack on each end ("password2026!" ->
   * "password"), since a common word with a year added is just as easy to guess.
   */
  private static String core(String folded) {
    return folded.replaceAll("^[^\\p{L}]{0,4}", "").replaceAll("[^\\p{L}]{0,6}$", "");
  }

  private static boolean tooFewDistinct(String folded) {
    return folded.codePoints().distinct().count() < 4;
  }

  int commonCount() {
    return common.size();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + COMMON);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#!comment:")) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
