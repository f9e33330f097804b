package org.banyan.training;

import org.banyan.course.LessonDelivered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completes practice units when a lesson is taught. The delivery is committed before this runs; a
 * failure here is logged and never undoes it. The teacher can still complete the unit from the
 * module page, which looks the delivery up again.
 */
@Component
class PracticeListener {

  private static final Logger log = LoggerFactory.getLogger(PracticeListener.class);

  private final Progress progress;

  PracticeListener(Progress progress) {
    this.progress = progress;
  }

  @EventListener
  void taught(LessonDelivered delivery) {
    try {
      progress.practiceTaught(delivery);
    } catch (RuntimeException e) {
      log.warn(
          "Could not record the practice of {} for {} ({}): {}",
          delivery.lessonSlug(),
          delivery.teacher(),
          delivery.lang(),
          e.toString());
    }
  }
}
