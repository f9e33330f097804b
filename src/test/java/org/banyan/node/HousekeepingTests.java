package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

class HousekeepingTests {

  /**
   * ShedLock refuses, at every run, a lock held at least longer than at most: such a job would
   * never run (it did happen: journal retention and the daily cleanup were held at least 50 minutes
   * and 1 hour against the default 10 minutes at most).
   */
  @Test
  void everyJobsLockCanBeTaken() {
    Duration defaultAtMost =
        Duration.parse(
            SchedulingConfiguration.class
                .getAnnotation(EnableSchedulerLock.class)
                .defaultLockAtMostFor());
    List<Method> jobs =
        Arrays.stream(Housekeeping.class.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(SchedulerLock.class))
            .toList();
    assertThat(jobs).hasSizeGreaterThanOrEqualTo(4);
    for (Method job : jobs) {
      SchedulerLock lock = job.getAnnotation(SchedulerLock.class);
      Duration atMost =
          lock.lockAtMostFor().isEmpty() ? defaultAtMost : Duration.parse(lock.lockAtMostFor());
      Duration atLeast =
          lock.lockAtLeastFor().isEmpty() ? Duration.ZERO : Duration.parse(lock.lockAtLeastFor());
      assertThat(atLeast).as(lock.name()).isLessThanOrEqualTo(atMost);
    }
  }
}
