package org.banyan.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.modulith.NamedInterface;

/**
 * How carefully a lesson must be taught. A high one opens with a note to the teacher, and any but a
 * low one must say in its safeguarding section how to follow up with a child.
 */
@NamedInterface("catalog")
public enum Sensitivity implements Coded {
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  private final String code;

  Sensitivity(String code) {
    this.code = code;
  }

  @Override
  @JsonValue
  public String code() {
    return code;
  }

  /** The sensitivity spelled {@code code}; null for none; refused as input when unknown. */
  @JsonCreator
  public static Sensitivity of(String code) {
    return Coded.parse(Sensitivity.class, "sensitivity", "invalid.sensitivity", code);
  }
}
