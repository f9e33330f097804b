package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.HtmlUtils;

class MarkdownTests {

  private final Markdown markdown = new Markdown();

  static java.util.List<String> payloads() {
    return XssCorpus.payloads();
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void noPayloadSurvivesRendering(String payload) {
    String html = markdown.toHtml("Intro\n\n" + payload + "\n\n## Heading\n\n" + payload);
    assertThat(XssCorpus.problems(html, false)).as(html).isEmpty();
  }

  @Test
  void theCheckFindsWhatItShould() {
    assertThat(XssCorpus.problems("<img src=x onerror=alert(1)>", false)).isNotEmpty();
    assertThat(XssCorpus.problems("<a href=\" java\tscript:x\">x</a>", false)).isNotEmpty();
    assertThat(XssCorpus.problems("<p style=\"x\">x</p>", false)).isNotEmpty();
    assertThat(XssCorpus.problems("<svg><g/></svg>", false)).isNotEmpty();
    assertThat(XssCorpus.problems("<form action=/x></form>", false)).isNotEmpty();
    assertThat(XssCorpus.problems("<p>onerror=alert(1) &lt;script&gt;</p>", false)).isEmpty();
  }

  @Test
  void rendersTablesHeadingAnchorsListsAndEmphasis() {
    String html =
        markdown.toHtml(
            "## Warm-up\n\n- one\n- **two**\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n> quote\n\n`code`");
    assertThat(html)
        .contains("<h2 id=\"warm-up\">Warm-up</h2>")
        .contains("<li><strong>two</strong></li>")
        .contains("<table>")
        .contains("<td align=\"center\">2</td>")
        .contains("<blockquote>")
        .contains("<code>code</code>");
  }

  @Test
  void marksExternalLinksNofollowNoopenerAndKeepsRelativeOnesPlain() {
    String html = markdown.toHtml("[out](https://example.org/x) and [in](/lessons/en/x)");
    assertThat(html)
        .contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener\">out</a>")
        .contains("<a href=\"/lessons/en/x\">in</a>");
  }

  @Test
  void allowsImagesOnlyFromTheMediaStore() {
    String ours =
        markdown.toHtml("![faces](/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/faces.svg)");
    String theirs = markdown.toHtml("![faces](https://evil.example/faces.png)");
    assertThat(ours).contains("<img src=\"/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/faces.svg\"");
    assertThat(theirs).doesNotContain("<img").doesNotContain("evil.example");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/../../admin/users",
        "/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/%2e%2e/%2e%2e/admin",
        "/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/%2F..%2Fadmin",
        "/media/../admin/x.png",
        "/media/not-a-media-id/x.png",
        "/media/0F8E7A36-5D3B-4C58-9A57-1D2F3E4A5B6C/x.png",
        "/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/a/b.png",
        "/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/x.png?download=1",
        "/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/.hidden",
        "https://evil.example/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c/x.png",
        "data:image/png;base64,iVBORw0KGgo="
      })
  void refusesImageSourcesThatAreNotExactlyAMediaUrl(String src) {
    String html = markdown.toHtml("![x](" + src + ")");
    assertThat(html).as(html).doesNotContain("<img");
  }

  @Test
  void keepsMediaUrlsWithChineseNamesEncodedOrAsTypedAndWithoutNames() {
    String media = "/media/0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c";
    String encoded = media + "/%E8%A1%A8%E6%83%85-%E5%8D%A1%E7%89%87.png";
    assertThat(markdown.toHtml("![表情](" + encoded + ")")).contains("<img src=\"" + encoded + "\"");
    assertThat(markdown.toHtml("![表情](" + media + "/表情-卡片.png)"))
        .contains("<img src=\"" + media + "/表情-卡片.png\"");
    assertThat(markdown.toHtml("![x](" + media + ")")).contains("<img src=\"" + media + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"faces.svg", "表情-卡片.png", "Worksheet_2.pdf", "a.b-c.mp3"})
  void keepsEveryUrlTheMediaLibraryHandsOut(String filename) {
    String url =
        new org.banyan.media.Media(
                java.util.UUID.randomUUID().toString(), "0", filename, "image/png", 1, "a", null)
            .url();
    assertThat(markdown.toHtml("![x](" + url + ")")).contains("<img src=\"" + url + "\"");
  }

  @Test
  void escapesRawHtmlInsteadOfPassingItThrough() {
    assertThat(markdown.toHtml("<b onclick=x>bold</b>")).doesNotContain("<b").contains("&lt;b");
  }

  @Test
  void keepsChineseHeadingAnchors() {
    assertThat(markdown.toHtml("## 热身")).contains("<h2 id=\"热身\">热身</h2>");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "**画一幅画。**画你想念的人 | <strong>画一幅画。</strong>画你想念的人",
        "这是**“重要”**的事 | 这是<strong>“重要”</strong>的事",
        "**（可选）**带一张纸 | <strong>（可选）</strong>带一张纸",
        "先说*感受。*再说原因 | 先说<em>感受。</em>再说原因",
        "**第一步：**深呼吸。**第二步：**数到十。 | <strong>第一步：</strong>深呼吸。<strong>第二步：</strong>数到十。",
        "**外面*里面。*还在外面。**后面 | <strong>外面<em>里面。</em>还在外面。</strong>后面",
        "Chinese **中文，**then more | Chinese <strong>中文，</strong>then more",
      })
  void emphasisClosesNextToChinesePunctuation(String source, String expected) {
    assertThat(HtmlUtils.htmlUnescape(markdown.toHtml(source.strip())))
        .contains(expected.strip())
        .doesNotContain("*");
    assertThat(markdown.unrenderedEmphasis(source.strip())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2 * 3 * 4 = 24",
        "a * b",
        "**foo bar **",
        "*foo**bar**baz*",
        "foo*bar*baz",
        "`**code**` stays",
      })
  void otherLanguagesAreParsedExactlyAsCommonMarkSays(String source) {
    String plain =
        org.commonmark.renderer.html.HtmlRenderer.builder()
            .build()
            .render(org.commonmark.parser.Parser.builder().build().parse(source));
    assertThat(HtmlUtils.htmlUnescape(markdown.toHtml(source)).strip())
        .isEqualTo(HtmlUtils.htmlUnescape(plain).strip());
  }

  @Test
  void aRunAfterChinesePunctuationClosesTheBoldBeforeItInsteadOfOpeningAnother() {
    String source = "**画一幅画。**画你想念的人。说一声**谢谢司机。";
    assertThat(HtmlUtils.htmlUnescape(markdown.toHtml(source)))
        .contains("<strong>画一幅画。</strong>画你想念的人。说一声**谢谢司机。")
        .doesNotContain("\u2060");
    assertThat(markdown.unrenderedEmphasis(source)).singleElement().asString().contains("**谢谢");
    assertThat(markdown.toText(source)).isEqualTo("画一幅画。画你想念的人。说一声**谢谢司机。");
  }

  @Test
  void findsTheEmphasisMarkersRenderingWouldStillShow() {
    assertThat(markdown.unrenderedEmphasis("只有一个**没有关上的星号")).hasSize(1);
    assertThat(markdown.unrenderedEmphasis("A **bold start and no end")).hasSize(1);
    assertThat(markdown.unrenderedEmphasis("__下划线__没关")).isNotEmpty();
    assertThat(markdown.unrenderedEmphasis("2 * 3 = 6, `a*b` in code")).isEmpty();
    assertThat(markdown.unrenderedEmphasis("**全都好。**然后")).isEmpty();
  }

  @Test
  void renderingTheSameTextAgainGivesTheSameSafeHtml() {
    String text = "## 情绪温度计\n\n**安静**地坐一会儿。<script>alert(1)</script>";
    String first = markdown.toHtml(text);
    String again = markdown.toHtml(new String(text.toCharArray()));
    assertThat(again).isEqualTo(first).contains("<strong>安静</strong>").doesNotContain("<script");
  }

  @Test
  void renderedHtmlIsKeptWithinItsBoundLeastRecentlyUsedFirstOut() {
    Markdown.Rendered kept = new Markdown.Rendered(1_600);
    for (int i = 0; i < 40; i++) {
      kept.put("text " + i + "x".repeat(40), "<p>" + i + "</p>" + "y".repeat(40));
      kept.get("text 0" + "x".repeat(40));
    }
    assertThat(kept.chars()).isLessThanOrEqualTo(1_600);
    assertThat(kept.size()).isLessThan(40);
    assertThat(kept.get("text 0" + "x".repeat(40))).startsWith("<p>0</p>");
    assertThat(kept.get("text 1" + "x".repeat(40))).isNull();
    assertThat(kept.get("text 39" + "x".repeat(40))).startsWith("<p>39</p>");

    kept.put("z".repeat(200), "too big to keep");
    assertThat(kept.get("z".repeat(200))).isNull();
  }
}
