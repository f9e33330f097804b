package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.banyan.content.ContentType;
import org.banyan.content.PublishedListing;
import org.banyan.content.Taxonomy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestionsTests {

  static final Taxonomy TAXONOMY =
      new Taxonomy(List.of(), List.of(new Taxonomy.Term("anger", "生气", "Anger", Map.of())));

  @TempDir Path dir;
  Suggestions suggestions;

  @BeforeEach
  void open() {
    suggestions = new Suggestions(dir.resolve("suggest"));
  }

  @AfterEach
  void close() {
    suggestions.close();
  }

  static PublishedListing lesson(long id, String title) {
    return new PublishedListing(id, 1, ContentType.LESSON, "en", "lesson-" + id, title);
  }

  private List<String> titles(String text) {
    return suggestions.lookup(text, true, 8).stream().map(Suggestion::text).toList();
  }

  @Test
  void aPublishedTitleIsSuggestedAtOnceAndARepublishedOneReplacesIt() {
    suggestions.rebuild(() -> List.of(lesson(1, "Anger traffic light")), TAXONOMY);
    assertThat(titles("ang")).contains("Anger traffic light", "Anger");

    suggestions.put(lesson(2, "Zebracorn breathing"));
    assertThat(titles("zebra")).containsExactly("Zebracorn breathing");
    assertThat(suggestions.lookup("zebra", true, 8).get(0).slug()).isEqualTo("lesson-2");

    suggestions.put(lesson(2, "Okapifruit breathing"));
    assertThat(titles("zebra")).isEmpty();
    assertThat(titles("okapi")).containsExactly("Okapifruit breathing");
    // The other item and the topics are untouched.
    assertThat(titles("ang")).contains("Anger traffic light", "Anger");

    suggestions.remove(2);
    assertThat(titles("okapi")).isEmpty();
    assertThat(titles("breath")).isEmpty();
    assertThat(titles("ang")).contains("Anger traffic light");
  }

  @Test
  void aModuleIsSuggestedOnlyToSignedInUsers() {
    suggestions.rebuild(List::of, TAXONOMY);
    suggestions.put(
        new PublishedListing(
            3, 1, ContentType.MODULE, "en", "listening-well", "Listening well to children"));
    assertThat(suggestions.lookup("listen", true, 8)).hasSize(1);
    assertThat(suggestions.lookup("listen", false, 8)).isEmpty();
  }

  @Test
  void aChangeMadeWhileBuildingIsAppliedAfterItNotLost() {
    suggestions.rebuild(() -> List.of(lesson(1, "Anger traffic light")), TAXONOMY);
    // The listing is read once building has begun; what is published or archived meanwhile is not
    // in it, and building from it alone would lose the change.
    suggestions.rebuild(
        () -> {
          suggestions.put(lesson(4, "Kindness jar"));
          suggestions.remove(1);
          return List.of(lesson(1, "Anger traffic light"));
        },
        TAXONOMY);
    assertThat(titles("kind")).containsExactly("Kindness jar");
    assertThat(titles("traffic")).isEmpty();
  }

  @Test
  void aChangeBeforeTheFirstBuildIsAppliedAfterIt() {
    suggestions.put(lesson(5, "Worry box"));
    assertThat(titles("worry")).isEmpty();
    suggestions.rebuild(List::of, TAXONOMY);
    assertThat(titles("worry")).containsExactly("Worry box");
  }
}
