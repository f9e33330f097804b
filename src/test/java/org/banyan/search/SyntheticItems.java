package org.banyan.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.banyan.content.ContentType;
import org.banyan.content.LessonContent;
import org.banyan.content.PublishedItem;
import org.banyan.content.Sensitivity;
import org.banyan.content.Setting;

/** Made-up published lessons, for tests and benchmarks that need many. */
final class SyntheticItems {

  private SyntheticItems() {}

  static PublishedItem lesson(long id, String lang, String title, String body) {
    LessonContent content =
        new LessonContent(
            title,
            "Summary of " + title,
            List.of("self-awareness"),
            List.of("naming-feelings"),
            List.of(3, 4),
            40,
            Setting.WHOLE_CLASS,
            List.of("chalk"),
            List.of("Children name a feeling."),
            body,
            Sensitivity.LOW,
            null,
            List.of());
    return new PublishedItem(
        id,
        ContentType.LESSON,
        lang,
        "synthetic-" + id,
        "synthetic-" + id,
        1,
        OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(id),
        content);
  }

  static List<PublishedItem> lessons(int count) {
    List<PublishedItem> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      items.add(
          lesson(
              i,
              i % 2 == 0 ? "zh-CN" : "en",
              "Lesson number " + i,
              "## Warm-up\n\nMarker word item" + i + " and calm breathing."));
    }
    return items;
  }
}
