package org.banyan.node;

import org.banyan.search.IndexFollower;
import org.banyan.search.IndexStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Whether this node's search index is fit to serve: built, and no more than {@code
 * banyan.node.ready-max-lag} journal entries behind. Part of the readiness a load balancer asks for
 * ({@code /actuator/health/readiness}), with the database and the blob store.
 */
@Component("indexHealthIndicator")
class IndexReadiness implements HealthIndicator {

  private final IndexFollower index;
  private final long maxLag;

  IndexReadiness(IndexFollower index, @Value("${banyan.node.ready-max-lag:100}") long maxLag) {
    this.index = index;
    this.maxLag = maxLag;
  }

  @Override
  public Health health() {
    IndexStatus status = index.refreshHead();
    Status up =
        status.state() == IndexStatus.State.FOLLOWING && status.lag() <= maxLag
            ? Status.UP
            : Status.OUT_OF_SERVICE;
    return Health.status(up)
        .withDetail("state", status.state().name())
        .withDetail("position", status.position())
        .withDetail("head", status.head())
        .withDetail("lag", status.lag())
        .withDetail("items", status.items())
        .withDetail("woken", status.notified() ? "notifications" : "polling")
        .build();
  }
}
