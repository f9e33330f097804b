package org.banyan.training;

import org.banyan.course.LessonDelivered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Completes practice units when a lesson is taught, once the delivery has committed, in a
 * transaction of its own. The event is kept by Spring Modulith's event publication registry until
 * this succeeds: a failure (or a node stopped mid-way) leaves it to be run again, on one node, and
 * never undoes the delivery. Running it twice completes nothing twice.
 */
@Component
class PracticeListener {

  private final Progress progress;

  PracticeListener(Progress progress) {
    this.progress = progress;
  }

  @ApplicationModuleListener
  void taught(LessonDelivered delivery) {
    progress.practiceTaught(delivery);
  }
}
