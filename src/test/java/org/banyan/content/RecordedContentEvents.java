package org.banyan.content;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only listener that remembers every content event, to check what was sent and when. */
@Component
class RecordedContentEvents {

  final List<Object> events = new CopyOnWriteArrayList<>();

  @EventListener
  void published(ContentPublished event) {
    events.add(event);
  }

  @EventListener
  void archived(ContentArchived event) {
    events.add(event);
  }
}
