package org.banyan.content;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** The kinds of step a training module is made of. */
@NamedInterface("catalog")
public enum UnitType {
  READING,
  MEDIA,
  REFLECTION,
  QUIZ,
  PRACTICE;

  /** How files, forms, the API and templates spell it: {@code reading}. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type spelled {@code code}; empty for null or an unknown code. */
  public static Optional<UnitType> ofCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
  }
}
