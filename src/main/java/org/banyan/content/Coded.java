package org.banyan.content;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.banyan.problem.InvalidInput;

/**
 * A kind spelled in files, forms and the API by a lower-case code ({@code "boarding-evening"}),
 * held in Java as an enum so that a {@code switch} over it is checked by the compiler.
 */
interface Coded {

  /** How files, forms, the API and message keys spell it. */
  String code();

  /**
   * The constant spelled {@code code}, null for a blank one; any other spelling is refused as input
   * to {@code field} with {@code reason}, which is given the codes allowed.
   */
  static <E extends Enum<E> & Coded> E parse(
      Class<E> kind, String field, String reason, String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String wanted = code.strip();
    for (E constant : kind.getEnumConstants()) {
      if (constant.code().equals(wanted)) {
        return constant;
      }
    }
    throw InvalidInput.of(field, reason, codes(kind));
  }

  /** The codes of {@code kind}, in order, as a reader sees them listed. */
  static <E extends Enum<E> & Coded> String codes(Class<E> kind) {
    return Arrays.stream(kind.getEnumConstants())
        .map(Coded::code)
        .collect(Collectors.joining(", "));
  }

  /** The codes of {@code kind}, in order. */
  static <E extends Enum<E> & Coded> List<String> all(Class<E> kind) {
    return Arrays.stream(kind.getEnumConstants()).map(Coded::code).toList();
  }
}
