package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.banyan.content.Markdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextQueriesTests {

  private final TextQueries queries = new TextQueries(IndexSchema.forQueries());

  @Test
  void aQueryThatNamesAKindOfItemPrefersThatKind() {
    assertThat(queries.query("course for left-behind children", false).toString())
        .contains("type:course");
    assertThat(queries.query("留守儿童 课程", false).toString()).contains("type:course");
    assertThat(queries.query("teacher training on referral", false).toString())
        .contains("type:module")
        .doesNotContain("type:course");
    assertThat(queries.query("教师培训", false).toString()).contains("type:module");
    assertThat(queries.query("angry", false).toString()).doesNotContain("type:");
    assertThat(queries.query("discourse", false).toString()).doesNotContain("type:");
  }

  @Test
  void theTypedPhraseInATitleCountsMoreThanItsWordsApart(@TempDir Path dir) throws Exception {
    try (SearchIndex index = new SearchIndex(dir, new Documents(new Markdown()))) {
      // The same words, as many of them: only their order differs.
      index.rebuild(
          List.of(
              SyntheticItems.lesson(1, "en", "A friend, then talking when worried", "Same body."),
              SyntheticItems.lesson(2, "en", "Talking with a friend when worried", "Same body.")));
      Query query = queries.query("talking with a friend", false);
      SearchIndex.Searcher searcher = index.acquire();
      try {
        TopDocs top = searcher.search(query, 10);
        assertThat(top.scoreDocs).hasSize(2);
        ScoreDoc first = top.scoreDocs[0];
        assertThat(searcher.storedFields().document(first.doc).get(IndexSchema.ID)).isEqualTo("2");
        assertThat(first.score).isGreaterThan(top.scoreDocs[1].score);
      } finally {
        index.release(searcher);
      }
    }
  }

  @Test
  void operatorsAndSyntaxAreOnlyText() {
    // Field names, boosts and quotes are words like any other; operators are stop words.
    for (String text : List.of("\"unbalanced", "title:x^9", "a\u0000b\u0007c")) {
      assertThat(queries.query(TextQueries.clean(text), false)).as(text).isNotNull();
    }
    assertThat(queries.query("AND OR NOT", false)).isNull();
    assertThat(queries.query("*:*", false)).isNull();
    assertThat(TextQueries.clean(" tab\tand\u200Bzero width \n")).isEqualTo("tab and zero width");
    assertThat(TextQueries.clean("x".repeat(10_000))).hasSize(TextQueries.MAX_LENGTH);
  }
}
