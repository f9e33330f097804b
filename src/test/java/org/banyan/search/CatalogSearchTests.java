package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.banyan.content.Markdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSearchTests {

  @Test
  void aSearchThatFailsGivesBackItsTurn(@TempDir Path dir) {
    SearchIndex index = new SearchIndex(dir.resolve("index"), new Documents(new Markdown()));
    Suggestions suggestions = new Suggestions(dir.resolve("suggest"));
    CatalogSearch search = new CatalogSearch(index, suggestions, null, null);
    index.close();
    // Searches run on one thread per core; a failing one must leave its thread serving, or after
    // as many failures as threads every later search would wait for ever. Its own failure reaches
    // the caller, not a wrapper around it.
    int attempts = 3 * Runtime.getRuntime().availableProcessors() + 1;
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (int i = 0; i < attempts; i++) {
            assertThatThrownBy(
                    () -> search.search(SearchRequest.of("angry", false, Locale.ENGLISH)))
                .isInstanceOf(org.apache.lucene.store.AlreadyClosedException.class);
          }
        });
    search.close();
    suggestions.close();
  }
}
