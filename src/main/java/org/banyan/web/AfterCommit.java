package org.banyan.web;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends an event once the current transaction has committed, so that listeners (the search index)
 * never see a change that was rolled back. Outside a transaction it sends at once.
 */
@Component
public class AfterCommit {

  private final ApplicationEventPublisher events;

  public AfterCommit(ApplicationEventPublisher events) {
    this.events = events;
  }

  /** Sends {@code event} after the current transaction commits, or now when there is none. */
  public void publish(Object event) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              events.publishEvent(event);
            }
          });
    } else {
      events.publishEvent(event);
    }
  }
}
