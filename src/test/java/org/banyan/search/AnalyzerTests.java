package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class AnalyzerTests {

  private static List<String> tokens(Analyzer analyzer, String text) {
    return new TextQueries(analyzer).analyze("f", text);
  }

  @Test
  void smartChineseKeepsWordsWhole() {
    assertThat(tokens(IndexSchema.chineseWords(), "我在北京大学读书"))
        .contains("北京大学")
        .doesNotContain("北京");
  }

  @Test
  void theBigramFieldFindsPartsOfWords() {
    assertThat(tokens(IndexSchema.chineseBigrams(), "北京大学")).contains("北京", "京大", "大学");
    assertThat(tokens(IndexSchema.chineseBigrams(), "想家")).contains("想家");
  }

  @Test
  void englishIsStemmedAndStopWordsDropped() {
    assertThat(tokens(IndexSchema.english(), "The children were angry and missing their parents"))
        .contains("children", "angri", "miss", "parent")
        .doesNotContain("the", "and");
  }

  @Test
  void theMixedAnalyzerHandlesBothLanguages() {
    assertThat(tokens(IndexSchema.mixed(), "发脾气 temper tantrums"))
        .contains("发脾", "脾气", "temper", "tantrum");
  }

  @Test
  void cleaningRemovesControlCharactersAndCapsTheLength() {
    assertThat(TextQueries.clean("a\u0000b\u0007\tc\u200b d")).isEqualTo("a b c d");
    assertThat(TextQueries.clean("x".repeat(10_000))).hasSize(TextQueries.MAX_LENGTH);
    assertThat(TextQueries.clean(null)).isEmpty();
  }

  @Test
  void anythingTypedBecomesAQueryOrNothingNeverAnError() {
    TextQueries queries = new TextQueries(IndexSchema.perField());
    for (String text :
        List.of(
            "\"unbalanced",
            "AND OR NOT",
            "*:*",
            "title:(x OR",
            "a~2 b^3 [1 TO 5]",
            "\\",
            "))((",
            "生气\"发火")) {
      queries.query(TextQueries.clean(text), false);
      queries.query(TextQueries.clean(text), true);
    }
    assertThat(queries.query("*:* ()", false)).isNull();
    assertThat(queries.query("angry", false)).isNotNull();
  }
}
