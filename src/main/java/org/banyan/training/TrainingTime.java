package org.banyan.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Now, and today where the schools are, so that "overdue" means what a teacher expects. */
@Component
class TrainingTime {

  private final Clock clock;
  private final ZoneId zone;

  TrainingTime(Clock clock, @Value("${banyan.time-zone:Asia/Shanghai}") String zone) {
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  ZoneId zone() {
    return zone;
  }
}
