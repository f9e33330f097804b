package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ClauseSnippetsTests {

  private final ClauseSnippets snippets = new ClauseSnippets();

  private static Passage passage(String content, int start, int end, String word, float score) {
    Passage passage = new Passage();
    passage.setStartOffset(start);
    passage.setEndOffset(end);
    int at = content.indexOf(word, start);
    passage.addMatch(at, at + word.length(), new BytesRef(word), 1);
    passage.setScore(score);
    return passage;
  }

  @Test
  void aShortSentenceIsTheSnippetWhole() {
    String text = "## 热身\n你可能会害怕、生气、内疚，晚上睡不着，这都很正常。下一句。";
    int start = text.indexOf("你");
    int end = text.indexOf("下");
    assertThat(snippets.format(new Passage[] {passage(text, start, end, "生气", 1)}, text))
        .isEqualTo("你可能会害怕、<mark>生气</mark>、内疚，晚上睡不着，这都很正常。");
  }

  @Test
  void aLongSentenceIsCutToWholeClausesAroundTheMatch() {
    String text =
        "老师先请大家围坐成一圈，让每个孩子说一说最近一次心里不舒服是什么时候，"
            + "有的孩子会说想家，有的孩子会说考试没考好，有的孩子说和同桌吵架以后很生气，"
            + "老师不评价对错，只是点点头，把每一种心情都写在黑板上，最后请大家一起给这些心情分分类。";
    String snippet =
        snippets.format(new Passage[] {passage(text, 0, text.length(), "生气", 1)}, text);
    assertThat(snippet).contains("<mark>生气</mark>").matches("(?s).*[。！？；，]");
    String plain = snippet.replaceAll("</?mark>", "");
    assertThat(plain).hasSizeLessThanOrEqualTo(ClauseSnippets.MAX_CHARS);
    // It begins where a clause begins.
    assertThat(text.charAt(text.indexOf(plain) - 1)).isEqualTo('，');
  }

  @Test
  void aMatchWithLittleAroundItIsAFragmentAndTheNextPassageIsTaken() {
    String text = "你有多生气？\n课后，请孩子回家以后告诉奶奶，今天自己生气的时候是怎么让自己平静下来的。";
    Passage heading = passage(text, 0, 6, "生气", 5);
    int second = text.indexOf("课后");
    Passage sentence = passage(text, second, text.length(), "生气", 1);
    assertThat(snippets.format(new Passage[] {heading}, text)).isEqualTo(ClauseSnippets.FRAGMENT);
    assertThat(snippets.format(new Passage[] {heading, sentence}, text))
        .startsWith("课后，")
        .contains("<mark>生气</mark>")
        .endsWith("。");
  }

  @Test
  void textIsEscaped() {
    String text = "孩子说<我很生气>，然后跑出了教室，老师追了出去。";
    assertThat(snippets.format(new Passage[] {passage(text, 0, text.length(), "生气", 1)}, text))
        .contains("&lt;我很<mark>生气</mark>&gt;");
  }
}
