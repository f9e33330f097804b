package org.banyan.content;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON for the content tests: request bodies and reading answers. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Json() {}

  static JsonNode read(HttpResponse<String> response) {
    return MAPPER.readTree(response.body());
  }

  static String uniqueSlug(String prefix) {
    return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
  }

  /** A valid lesson body; change fields with {@link ObjectNode#put}. */
  static ObjectNode lesson(String slug, String lang) {
    ObjectNode lesson = MAPPER.createObjectNode();
    lesson.put("slug", slug);
    lesson.put("lang", lang);
    lesson.put("title", "Sharing the swing " + slug);
    lesson.put("summary", "Children practise taking turns on the one swing in the school yard.");
    lesson.putArray("competencies").add("relationship-skills");
    lesson.putArray("topics").add("friendship");
    lesson.putArray("grades").add(1).add(2);
    lesson.put("durationMinutes", 40);
    lesson.put("setting", "outdoors");
    lesson.putArray("materials").add("one swing").add("chalk");
    lesson.putArray("objectives").add("Children can wait for a turn and ask for one.");
    lesson.put(
        "markdown",
        "## Teacher background\n\nTurns matter.\n\n## Warm-up\n\n### Count to ten (5 min)\n\n"
            + "## Safeguarding\n\nIf a child is often pushed off, follow the referral path.\n\n"
            + "## Take-home note for guardians\n\nAsk your child who they played with today.\n");
    return lesson;
  }
}
