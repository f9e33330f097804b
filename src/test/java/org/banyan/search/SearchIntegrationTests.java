package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SearchIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = SearchCalls.JSON;

  private static JsonNode search(WebClient client, String query) {
    return SearchCalls.search(client, query);
  }

  private static String q(String text) {
    return SearchCalls.q(text);
  }

  private static List<String> slugs(JsonNode results) {
    return SearchCalls.versions(results);
  }

  private ObjectNode lesson(String slug, String lang, String title, String markdown) {
    ObjectNode lesson = JSON.createObjectNode();
    lesson.put("slug", slug);
    lesson.put("lang", lang);
    lesson.put("title", title);
    lesson.put("summary", "A lesson made by the search tests.");
    lesson.putArray("competencies").add("self-awareness");
    lesson.putArray("topics").add("naming-feelings");
    lesson.putArray("grades").add(4);
    lesson.put("durationMinutes", 15);
    lesson.putArray("objectives").add("Children try something new.");
    lesson.put("markdown", markdown);
    return lesson;
  }

  private long publish(ObjectNode lesson) {
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", lesson.toString());
    long id = JSON.readTree(created.body()).get("id").asLong();
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    assertThat(
            as("reviewer")
                .postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}")
                .statusCode())
        .isEqualTo(200);
    return id;
  }

  private boolean foundWithin(long millis, String query, String slug) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    do {
      if (slugs(search(client(), query)).stream().anyMatch(s -> s.startsWith(slug + "."))) {
        return true;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return false;
  }

  @Test
  void anyInputAnswersResultsOrAnEmptyListNeverAnError() {
    for (String text :
        List.of(
            "\"unbalanced",
            "AND OR NOT",
            "*:*",
            "title:(x OR",
            "\u0000\u0001\u0007",
            "生气\"",
            "x".repeat(10_000),
            "想".repeat(10_000),
            "a~2 b^3 [1 TO 5] {x}",
            "\\\\",
            "<script>alert(1)</script>")) {
      JsonNode results = search(client(), q(text));
      assertThat(results.has("total")).isTrue();
      assertThat(results.get("hits").isArray()).isTrue();
    }
    assertThat(client().get("/search?" + q("\"unbalanced AND (")).statusCode()).isEqualTo(200);
  }

  /** The slugs the autocomplete suggests for {@code text}. */
  private List<String> suggested(String text) {
    return JSON
        .readTree(client().get("/api/v1/suggest?" + q(text)).body())
        .get("suggestions")
        .values()
        .stream()
        .map(s -> s.get("slug").asString())
        .toList();
  }

  @Test
  void aPublishedLessonIsSearchableWithinASecondAndGoneWithinASecondOfArchiving() throws Exception {
    String slug = "nrt-" + System.nanoTime();
    long id =
        publish(
            lesson(slug, "en", "Zebracorn breathing", "## Warm-up\n\nBreathe like a zebracorn."));
    assertThat(foundWithin(1000, q("zebracorn"), slug)).isTrue();
    // The autocomplete has the title as soon as the publish is answered.
    assertThat(suggested("zebrac")).containsExactly(slug);

    ObjectNode edit =
        lesson(slug, "en", "Okapifruit breathing", "## Warm-up\n\nBreathe like an okapifruit.");
    edit.put("baseRevision", 1);
    as("author").putJson("/api/v1/authoring/lessons/" + id, edit.toString());
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}");
    assertThat(foundWithin(1000, q("okapifruit"), slug)).isTrue();
    assertThat(suggested("okapif")).containsExactly(slug);
    assertThat(suggested("zebrac")).isEmpty();

    as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/archive", "{}");
    assertThat(suggested("okapif")).isEmpty();
    Thread.sleep(1000);
    assertThat(slugs(search(client(), q("okapifruit")))).isEmpty();
  }

  @Test
  void partOfAChineseWordStillFindsTheLesson() throws Exception {
    String slug = "bigram-" + System.nanoTime();
    publish(lesson(slug, "zh-CN", "参观北京大学的一天", "## 热身\n\n同学们一起聊聊北京大学。"));
    assertThat(foundWithin(1000, q("北京"), slug)).isTrue();
  }

  @Test
  void aSnippetMarksTheWordsAsTheHitsLanguageWasAnalysed() throws Exception {
    // Summaries keep no offsets in the index: a hit the query matches only there has its summary
    // analysed again, in bigrams when Chinese and stemmed when English, as the index had it.
    String zh = "snippet-zh-" + System.nanoTime();
    ObjectNode chinese = lesson(zh, "zh-CN", "课堂小游戏", "## 热身\n\n同学们围成一圈。");
    chinese.put("summary", "孩子们一起系蝴蝶结，练习合作。");
    publish(chinese);
    String en = "snippet-en-" + System.nanoTime();
    ObjectNode english = lesson(en, "en", "A circle game", "## Warm-up\n\nStand in a circle.");
    english.put("summary", "Children practise tying ribbons together.");
    publish(english);
    assertThat(foundWithin(1000, q("蝴蝶结"), zh)).isTrue();
    assertThat(highlight(q("蝴蝶结"), zh)).contains("<mark>蝴蝶结</mark>");
    assertThat(foundWithin(1000, q("ribbon"), en)).isTrue();
    assertThat(highlight(q("ribbon"), en)).contains("<mark>ribbons</mark>");
  }

  private String highlight(String query, String slug) {
    for (JsonNode hit : search(client(), query).get("hits").values()) {
      if (hit.get("slug").asString().equals(slug)) {
        return hit.get("highlight").asString();
      }
    }
    throw new AssertionError(slug + " not found by " + query);
  }

  @Test
  void everydayWordsAndTheOtherLanguageFindTheTopic() {
    assertThat(slugs(search(client(), q("temper"))))
        .contains("little-volcano.en", "anger-traffic-light.en");
    // Both versions match: one result, in Chinese (the query's script), linking the English one.
    JsonNode temper = search(client(), q("发脾气"));
    assertThat(slugs(temper)).contains("little-volcano.zh-CN").doesNotContain("little-volcano.en");
    assertThat(temper.get("hits").values())
        .filteredOn(h -> h.get("slug").asString().equals("little-volcano"))
        .singleElement()
        .satisfies(
            h ->
                assertThat(h.get("translations").get(0).get("url").asString())
                    .isEqualTo("/lessons/en/little-volcano"));
    assertThat(slugs(search(client(), q("想念父母") + "&lang=en"))).contains("missing-mum-and-dad.en");
    assertThat(slugs(search(client(), q("homesick") + "&lang=zh-CN"))).isNotEmpty();
  }

  @Test
  void typosStillFindLessonsAndSuggestACorrection() {
    JsonNode results = search(client(), q("angrey"));
    assertThat(results.get("didYouMean").asString()).isEqualTo("angry");
    assertThat(slugs(results)).contains("little-volcano.en");
  }

  @Test
  void filtersCombineWithAndAcrossFacetsAndOrWithinOne() {
    JsonNode early = search(client(), "type=lesson&grade=1&lang=en&size=50");
    JsonNode late = search(client(), "type=lesson&grade=7&lang=en&size=50");
    JsonNode either = search(client(), "type=lesson&grade=1&grade=7&lang=en&size=50");
    assertThat(either.get("total").asLong())
        .isEqualTo(early.get("total").asLong() + late.get("total").asLong());
    for (JsonNode hit : either.get("hits").values()) {
      assertThat(hit.get("type").asString()).isEqualTo("lesson");
      assertThat(hit.get("lang").asString()).isEqualTo("en");
      assertThat(hit.get("grades").values()).anyMatch(g -> g.asInt() == 1 || g.asInt() == 7);
    }
    JsonNode facets = early.get("facets");
    assertThat(
            facets.has("type")
                && facets.has("competency")
                && facets.has("topic")
                && facets.has("grade")
                && facets.has("lang")
                && facets.has("duration"))
        .isTrue();
    assertThat(facets.get("grade").values())
        .anySatisfy(
            v -> {
              assertThat(v.get("value").asString()).isEqualTo("7");
              assertThat(v.get("count").asLong()).isEqualTo(late.get("total").asLong());
            });
    assertThat(facets.get("topic").get(0).get("label").asString()).isNotBlank();
  }

  @Test
  void manySearchesAtOnceAllAnswerAsOneAloneDoes() throws Exception {
    // More searches than run at once (one per core): the rest wait their turn, none is lost.
    List<String> queries =
        List.of(q("angry"), q("想念") + "&grade=3", q("friends") + "&type=lesson&lang=en", "");
    java.util.Map<String, String> alone = new java.util.HashMap<>();
    for (String query : queries) {
      alone.put(query, search(client(), query).toString());
    }
    int threads = 4 * Runtime.getRuntime().availableProcessors() + 2;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<List<String>>> answers = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        answers.add(
            pool.submit(
                () -> {
                  WebClient own = client();
                  List<String> mismatches = new java.util.ArrayList<>();
                  for (int i = 0; i < 12; i++) {
                    String query = queries.get((first + i) % queries.size());
                    if (!search(own, query).toString().equals(alone.get(query))) {
                      mismatches.add(query);
                    }
                  }
                  return mismatches;
                }));
      }
      for (java.util.concurrent.Future<List<String>> answer : answers) {
        assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void trainingModulesAreFoundOnlyBySignedInUsers() {
    JsonNode anonymous = search(client(), "type=module");
    assertThat(anonymous.get("total").asLong()).isZero();
    // Seven modules, each in two languages: an item and its translation are one result.
    JsonNode teacher = search(as("teacher"), "type=module");
    assertThat(teacher.get("total").asLong()).isGreaterThanOrEqualTo(7);
    assertThat(
            JSON.readTree(client().get("/api/v1/suggest?" + q("Looking after")).body())
                .get("suggestions")
                .values())
        .noneMatch(s -> s.get("type").asString().equals("module"));
  }

  @Test
  void anEmptyQueryListsEverythingNewestFirst() {
    JsonNode all = search(client(), "size=50");
    // 52 lessons and 6 courses, each in two languages: an item and its translation are one.
    assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(58);
    assertThat(all.get("hits").size()).isEqualTo(50);
    JsonNode second = search(client(), "size=50&page=2");
    assertThat(second.get("page").asInt()).isEqualTo(2);
    assertThat(slugs(second)).doesNotContainAnyElementsOf(slugs(all));
  }

  @Test
  void hitsCarryEveryFieldAndAHighlightedSnippet() {
    JsonNode hit = search(client(), q("anger traffic light") + "&lang=en").get("hits").get(0);
    for (String field :
        List.of(
            "type",
            "slug",
            "lang",
            "title",
            "summary",
            "highlight",
            "competencies",
            "topics",
            "grades",
            "durationMinutes",
            "url",
            "score")) {
      assertThat(hit.has(field)).as(field).isTrue();
    }
    assertThat(hit.get("slug").asString()).isEqualTo("anger-traffic-light");
    assertThat(hit.get("highlight").asString()).contains("<mark>");
  }

  @Test
  void badParametersAre400NamingTheParameter() {
    for (String query :
        List.of(
            "type=video",
            "lang=fr",
            "grade=0",
            "duration=5-10",
            "sort=random",
            "page=0",
            "size=500",
            "topic=space")) {
      HttpResponse<String> response = client().get("/api/v1/search?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("fields").get(0).get("field").asString())
          .isEqualTo(query.substring(0, query.indexOf('=')));
    }
  }

  @Test
  void suggestionsCoverTitlesAndTopicsInBothLanguages() {
    JsonNode english = JSON.readTree(client().get("/api/v1/suggest?" + q("ang")).body());
    assertThat(english.get("suggestions").values())
        .anyMatch(s -> s.get("slug").asString().equals("anger-traffic-light"));
    assertThat(english.get("suggestions").values())
        .anyMatch(s -> s.get("type").asString().equals("topic"));
    JsonNode chinese = JSON.readTree(client().get("/api/v1/suggest?" + q("想")).body());
    assertThat(chinese.get("suggestions").values())
        .anyMatch(s -> s.get("lang").asString().equals("zh-CN"));
  }

  @Test
  void relatedLessonsPutTheSameLanguageFirst() {
    JsonNode related =
        JSON.readTree(client().get("/api/v1/lessons/en/little-volcano/related").body());
    List<JsonNode> hits = related.get("hits").values().stream().toList();
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).get("lang").asString()).isEqualTo("en");
    assertThat(hits)
        .noneMatch(
            h ->
                h.get("slug").asString().equals("little-volcano")
                    && h.get("lang").asString().equals("en"));
    assertThat(client().get("/api/v1/lessons/en/no-such-lesson/related").statusCode())
        .isEqualTo(404);
    assertThat(client().get("/lessons/en/little-volcano").body()).contains("id=\"related\"");
  }

  /** The slugs the related-lessons API gives for {@code slug}, in English. */
  private List<String> relatedTo(String slug) {
    return JSON
        .readTree(client().get("/api/v1/lessons/en/" + slug + "/related").body())
        .get("hits")
        .values()
        .stream()
        .map(h -> h.get("slug").asString())
        .toList();
  }

  @Test
  void relatedLessonsFollowPublishingAndArchiving() throws Exception {
    String first = "quokkaberry-one-" + System.nanoTime();
    String second = "quokkaberry-two-" + System.nanoTime();
    String story = "## Warm-up\n\nThe quokkaberry orchard, quokkaberry baskets, quokkaberry jam.";
    publish(lesson(first, "en", "Quokkaberry orchard day", story));
    List<String> alone = relatedTo(first);
    assertThat(relatedTo(first)).isEqualTo(alone).doesNotContain(second);

    long id = publish(lesson(second, "en", "Quokkaberry orchard night", story));
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (!relatedTo(first).contains(second) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(relatedTo(first)).first().isEqualTo(second);
    assertThat(client().get("/lessons/en/" + first).body()).contains("/lessons/en/" + second);

    as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/archive", "{}");
    deadline = System.nanoTime() + 2_000_000_000L;
    while (relatedTo(first).contains(second) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(relatedTo(first)).doesNotContain(second);
  }

  @Test
  void theSearchPageWorksWithoutJavaScript() {
    String page =
        client()
            .header("Accept-Language", "en")
            .get("/search?" + q("angry") + "&type=lesson")
            .body();
    assertThat(page).contains("class=\"hit\"").contains("data-facet=\"topic\"").contains("<mark>");
    assertThat(page).contains("aria-current=\"true\" class=\"selected\"");
    String empty = client().get("/search?" + q("qqqzzzxxx")).body();
    assertThat(empty).contains("id=\"no-results\"").contains("/search?topic=");
    String typo = client().get("/search?" + q("homesik")).body();
    assertThat(typo).contains("id=\"did-you-mean\"");
  }
}
