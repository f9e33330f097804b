package org.banyan.content;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only listener that remembers every content event heard after its transaction committed, to
 * check what was sent and when.
 */
@Component
class RecordedContentEvents {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  /** What was heard (a method: the bean is a proxy, its fields are not read). */
  List<Object> events() {
    return events;
  }

  @TransactionalEventListener
  void published(ContentPublished event) {
    events.add(event);
  }

  @TransactionalEventListener
  void archived(ContentArchived event) {
    events.add(event);
  }
}
