package org.banyan.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.modulith.NamedInterface;

/** Where and with whom a lesson is meant to be taught. */
@NamedInterface("catalog")
public enum Setting implements Coded {
  WHOLE_CLASS("whole-class"),
  SMALL_GROUPS("small-groups"),
  OUTDOORS("outdoors"),
  BOARDING_EVENING("boarding-evening");

  private final String code;

  Setting(String code) {
    this.code = code;
  }

  @Override
  @JsonValue
  public String code() {
    return code;
  }

  /** The setting spelled {@code code}; null for none; refused as input when unknown. */
  @JsonCreator
  public static Setting of(String code) {
    return Coded.parse(Setting.class, "setting", "invalid.setting", code);
  }
}
