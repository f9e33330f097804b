package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Search shows an item once, in the reader's language, with its translations as links. */
class SearchTranslationsIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = SearchCalls.JSON;

  private JsonNode search(String language, String query) {
    return SearchCalls.search(client().header("Accept-Language", language), query);
  }

  private static String q(String text) {
    return SearchCalls.q(text);
  }

  private static List<String> versions(JsonNode results) {
    return SearchCalls.versions(results);
  }

  /** The versions of item {@code slug} among the results: one at most. */
  private static List<String> ours(JsonNode results, String slug) {
    return versions(results).stream().filter(v -> v.startsWith(slug + ".")).toList();
  }

  private static ObjectNode lesson(String slug, String lang, String title, String markdown) {
    ObjectNode lesson = JSON.createObjectNode();
    lesson.put("slug", slug);
    lesson.put("lang", lang);
    lesson.put("title", title);
    lesson.put("summary", lang.equals("en") ? "A lesson of the tests." : "测试用的一节课，请老师放心使用。");
    lesson.putArray("competencies").add("self-awareness");
    lesson.putArray("topics").add("naming-feelings");
    lesson.putArray("grades").add(4);
    lesson.put("durationMinutes", 15);
    lesson.putArray("objectives").add(lang.equals("en") ? "Children try." : "孩子们试一试。");
    lesson.put("markdown", markdown);
    return lesson;
  }

  private long publish(ObjectNode lesson) {
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", lesson.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    assertThat(
            as("reviewer")
                .postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}")
                .statusCode())
        .isEqualTo(200);
    return id;
  }

  /** Publishes an English lesson and its Chinese translation, both holding {@code word}. */
  private void publishPair(String slug, String word) {
    long english =
        publish(
            lesson(slug, "en", "The " + word + " walk", "## Warm-up\n\nWe look for " + word + "."));
    ObjectNode chinese =
        lesson(slug, "zh-CN", word + " 池塘散步", "## 热身\n\n我们一起去池塘边找 " + word + "，看看它长什么样。");
    chinese.put("translationOf", english);
    publish(chinese);
  }

  /** Waits until {@code query} finds {@code count} items (publishing is near-real-time). */
  private void awaitTotal(String query, long count) throws InterruptedException {
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (search("en", query).get("total").asLong() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void aLessonAndItsTranslationAreOneHitWithALinkToTheOther() throws Exception {
    String slug = "quillwort-" + System.nanoTime();
    publishPair(slug, "quillwort");
    awaitTotal(q("quillwort") + "&lang=zh-CN", 1);

    // Both versions match; one hit, in English (the query is in Latin letters), whatever the UI.
    for (String ui : List.of("en", "zh-CN")) {
      JsonNode results = search(ui, q("quillwort"));
      assertThat(results.get("total").asLong()).isEqualTo(1);
      assertThat(versions(results)).containsExactly(slug + ".en");
      JsonNode translations = results.get("hits").get(0).get("translations");
      assertThat(translations.size()).isEqualTo(1);
      assertThat(translations.get(0).get("lang").asString()).isEqualTo("zh-CN");
      assertThat(translations.get(0).get("slug").asString()).isEqualTo(slug);
      assertThat(translations.get(0).get("title").asString()).isEqualTo("quillwort 池塘散步");
      assertThat(translations.get(0).get("url").asString()).isEqualTo("/lessons/zh-CN/" + slug);
      // The language facet counts versions: choosing one shows that one.
      assertThat(results.get("facets").get("lang").values())
          .extracting(v -> v.get("value").asString() + "=" + v.get("count").asLong())
          .containsExactlyInAnyOrder("zh-CN=1", "en=1");
    }
    // A query in both scripts follows the UI language.
    assertThat(ours(search("zh-CN", q("quillwort 池塘")), slug)).containsExactly(slug + ".zh-CN");
    assertThat(ours(search("en", q("quillwort 池塘")), slug)).containsExactly(slug + ".en");

    // A language filter shows that language only, still with the link to the other.
    JsonNode filtered = search("en", q("quillwort") + "&lang=zh-CN");
    assertThat(versions(filtered)).containsExactly(slug + ".zh-CN");
    assertThat(filtered.get("hits").get(0).get("translations").get(0).get("lang").asString())
        .isEqualTo("en");
    assertThat(versions(search("zh-CN", q("quillwort") + "&lang=en")))
        .containsExactly(slug + ".en");

    // The page shows one hit with a link to the translation, in the UI language.
    String page = client().header("Accept-Language", "en").get("/search?" + q("quillwort")).body();
    assertThat(page.split("class=\"hit\"", -1)).hasSize(2);
    assertThat(page)
        .contains("href=\"/lessons/zh-CN/" + slug + "\" hreflang=\"zh-CN\">Also in Chinese</a>");
    String chinesePage =
        client()
            .header("Accept-Language", "zh-CN")
            .get("/search?" + q("quillwort") + "&lang=zh-CN")
            .body();
    assertThat(chinesePage).contains("hreflang=\"en\">另有英文版</a>");
  }

  @Test
  void aQueryInChineseCharactersPicksTheChineseVersion() throws Exception {
    String slug = "duckweed-" + System.nanoTime();
    long english =
        publish(lesson(slug, "en", "Duckweed on the pond", "## Warm-up\n\nDuckweed (浮萍) floats."));
    ObjectNode chinese = lesson(slug, "zh-CN", "池塘上的浮萍", "## 热身\n\n浮萍 duckweed 漂在水面上，风一吹就散开。");
    chinese.put("translationOf", english);
    publish(chinese);
    awaitTotal(q("duckweed") + "&lang=zh-CN", 1);
    // Chinese characters only: the Chinese version (the English one matches too, by its topic).
    for (String ui : List.of("en", "zh-CN")) {
      assertThat(ours(search(ui, q("浮萍 认识情绪") + "&size=50"), slug))
          .containsExactly(slug + ".zh-CN");
    }
    // Latin letters only: the English version.
    assertThat(ours(search("zh-CN", q("duckweed")), slug)).containsExactly(slug + ".en");
    // Both scripts: the UI decides.
    assertThat(ours(search("en", q("duckweed 浮萍")), slug)).containsExactly(slug + ".en");
    assertThat(ours(search("zh-CN", q("duckweed 浮萍")), slug)).containsExactly(slug + ".zh-CN");
  }

  @Test
  void totalsAndPagesCountAnItemWithItsTranslationsOnce() throws Exception {
    String word = "marshwick";
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String slug = "marshwick-" + i + "-" + System.nanoTime();
      publishPair(slug, word);
      slugs.add(slug);
    }
    String alone = "marshwick-alone-" + System.nanoTime();
    publish(lesson(alone, "en", "Marshwick alone", "## Warm-up\n\nOnly marshwick here."));
    slugs.add(alone);
    awaitTotal(q(word) + "&lang=zh-CN", 3);
    awaitTotal(q(word), 4);

    for (String ui : List.of("en", "zh-CN")) {
      JsonNode all = search(ui, q(word) + "&size=10");
      assertThat(all.get("total").asLong()).isEqualTo(4);
      assertThat(all.get("hits").size()).isEqualTo(4);
      JsonNode type = all.get("facets").get("type").get(0);
      assertThat(type.get("value").asString() + "=" + type.get("count").asLong())
          .isEqualTo("lesson=4");
      assertThat(all.get("facets").get("grade").get(0).get("count").asLong()).isEqualTo(4);
      assertThat(all.get("facets").get("lang").values())
          .extracting(v -> v.get("value").asString() + "=" + v.get("count").asLong())
          .containsExactlyInAnyOrder("en=4", "zh-CN=3");

      Set<String> seen = new HashSet<>();
      for (int page = 1; page <= 2; page++) {
        JsonNode results = search(ui, q(word) + "&size=2&page=" + page);
        assertThat(results.get("total").asLong()).isEqualTo(4);
        assertThat(results.get("hits").size()).isEqualTo(2);
        for (JsonNode hit : results.get("hits").values()) {
          assertThat(seen.add(hit.get("slug").asString())).as("seen once").isTrue();
        }
      }
      assertThat(seen).containsExactlyInAnyOrderElementsOf(slugs);
      assertThat(search(ui, q(word) + "&size=2&page=3").get("hits").size()).isZero();
    }
    // Filtered to a language, every version of it is a hit.
    assertThat(search("en", q(word) + "&lang=zh-CN").get("total").asLong()).isEqualTo(3);
    assertThat(search("zh-CN", q(word) + "&lang=en").get("total").asLong()).isEqualTo(4);
  }

  @Test
  void atEqualRelevanceTheReadersLanguageComesFirst() throws Exception {
    // Two lessons, not translations of each other, with the same words: equally relevant.
    String text = "## Warm-up\n\nSedgeplume circle sedgeplume.";
    String english = "sedgeplume-en-" + System.nanoTime();
    String chinese = "sedgeplume-zh-" + System.nanoTime();
    publish(lesson(english, "en", "Sedgeplume circle", text));
    publish(lesson(chinese, "zh-CN", "Sedgeplume circle", text));
    awaitTotal(q("sedgeplume"), 2);
    // Latin letters only: English first, whatever the UI.
    assertThat(versions(search("zh-CN", q("sedgeplume"))))
        .containsExactly(english + ".en", chinese + ".zh-CN");
    // Mixed scripts: the UI language first; both stay (a boost, not a filter).
    assertThat(versions(search("zh-CN", q("sedgeplume 莎草"))))
        .containsExactly(chinese + ".zh-CN", english + ".en");
    assertThat(versions(search("en", q("sedgeplume 莎草"))))
        .containsExactly(english + ".en", chinese + ".zh-CN");
  }

  @Test
  void aChineseSnippetIsAWholeClauseOrTheSummary() throws Exception {
    String clause = "pelican-" + System.nanoTime();
    publish(
        lesson(
            clause,
            "zh-CN",
            "河边的一天",
            "## 鹈鹕\n\n老师先请大家围坐成一圈，让每个孩子说一说最近一次心里不舒服是什么时候，有的孩子会说想家，"
                + "有的孩子会说考试没考好，有的孩子说在河边看见鹈鹕飞走了心里空空的，老师不评价对错，只是点点头，"
                + "把每一种心情都写在黑板上，最后请大家一起给这些心情分分类，再说说哪一种心情最常来找自己。"));
    String heading = "heron-" + System.nanoTime();
    ObjectNode onlyAHeading = lesson(heading, "zh-CN", "河边的另一天", "## 苍鹭\n\n孩子们围成一圈，说说今天的心情。");
    onlyAHeading.put("summary", "孩子们在河边观察鸟，说说自己的心情。");
    publish(onlyAHeading);
    awaitTotal(q("鹈鹕"), 1);
    awaitTotal(q("苍鹭"), 1);

    String snippet = search("zh-CN", q("鹈鹕")).get("hits").get(0).get("highlight").asString();
    assertThat(snippet).contains("<mark>鹈鹕</mark>").matches("(?s).*[。！？；，]");
    String plain = snippet.replaceAll("</?mark>", "");
    assertThat(plain).hasSizeGreaterThan(10).hasSizeLessThanOrEqualTo(ClauseSnippets.MAX_CHARS);
    // The heading alone says nothing: the summary stands in.
    assertThat(search("zh-CN", q("苍鹭")).get("hits").get(0).get("highlight").asString())
        .isEqualTo("孩子们在河边观察鸟，说说自己的心情。");
  }
}
