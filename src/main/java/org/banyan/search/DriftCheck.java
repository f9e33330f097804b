package org.banyan.search;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The safety net under the change journal, on each node for its own index. */
@Component
class DriftCheck {

  private final IndexFollower follower;

  DriftCheck(IndexFollower follower) {
    this.follower = follower;
  }

  @Scheduled(
      fixedDelayString = "${banyan.search.drift-check-interval:PT10M}",
      initialDelayString = "${banyan.search.drift-check-interval:PT10M}")
  void run() {
    follower.checkDrift();
  }
}
