package org.banyan.training;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as pages show them: {@code 2026-09-01 14:30} in the schools' time zone. */
// Public: FreeMarker calls its methods, and it reaches only public classes.
public record DisplayTimes(ZoneId zone) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  /** The time, or an empty string for null. */
  public String format(OffsetDateTime time) {
    return time == null ? "" : TIME.format(time.atZoneSameInstant(zone));
  }

  /** The date part only, or an empty string for null. */
  public String date(OffsetDateTime time) {
    return time == null ? "" : DATE.format(time.atZoneSameInstant(zone));
  }
}
