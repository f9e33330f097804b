package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.banyan.content.Taxonomy;
import org.junit.jupiter.api.Test;

class TaxonomyWordsTests {

  static final Taxonomy TAXONOMY =
      new Taxonomy(
          List.of(
              new Taxonomy.Term(
                  "self-regulation",
                  "自我调节",
                  "Self-regulation",
                  Map.of("en", List.of("calming down"), "zh-CN", List.of("冷静")))),
          List.of(
              new Taxonomy.Term(
                  "anger",
                  "愤怒",
                  "Anger",
                  Map.of("en", List.of("temper", "angry"), "zh-CN", List.of("发脾气", "生气"))),
              new Taxonomy.Term(
                  "missing-parents",
                  "想念父母",
                  "Missing parents",
                  Map.of("en", List.of("homesick"), "zh-CN", List.of("想家")))));

  final TaxonomyWords words = TaxonomyWords.of(TAXONOMY);
  final TextQueries queries = new TextQueries(IndexSchema.forQueries());

  @Test
  void everydayWordsInEitherLanguageNameTheirTopic() {
    TaxonomyWords.Entry anger = new TaxonomyWords.Entry(IndexSchema.F_TOPIC, "anger");
    assertThat(words.matches(List.of("temper"))).containsOnlyKeys(anger);
    assertThat(words.matches(List.of("脾气"))).containsOnlyKeys(anger);
    assertThat(words.matches(List.of("angri"))).containsOnlyKeys(anger);
    assertThat(words.matches(List.of("calm")))
        .containsOnlyKeys(new TaxonomyWords.Entry(IndexSchema.F_COMPETENCY, "self-regulation"));
    assertThat(words.matches(List.of("tractor"))).isEmpty();
  }

  @Test
  void aWordNamingATopicTwiceCountsTwice() {
    assertThat(words.matches(List.of("miss", "parent")))
        .containsEntry(new TaxonomyWords.Entry(IndexSchema.F_TOPIC, "missing-parents"), 2);
  }

  @Test
  void typosNameTheTopicOnlyAsNearMatches() {
    assertThat(words.matches(List.of("homesik"))).isEmpty();
    assertThat(words.nearMatches(List.of("homesik")))
        .containsOnlyKeys(new TaxonomyWords.Entry(IndexSchema.F_TOPIC, "missing-parents"));
    assertThat(words.nearMatches(List.of("xomesick"))).isEmpty();
    assertThat(words.nearMatches(List.of("ang"))).isEmpty();
  }

  @Test
  void distanceCountsEditsAndSwaps() {
    assertThat(TaxonomyWords.distance("angry", "angry", 2)).isZero();
    assertThat(TaxonomyWords.distance("angry", "angey", 2)).isEqualTo(1);
    assertThat(TaxonomyWords.distance("angry", "anrgy", 2)).isEqualTo(1);
    assertThat(TaxonomyWords.distance("friends", "freinds", 2)).isEqualTo(1);
    assertThat(TaxonomyWords.distance("bullying", "bulying", 2)).isEqualTo(1);
    assertThat(TaxonomyWords.distance("angry", "tractor", 2)).isGreaterThan(2);
  }

  @Test
  void theQueryAsksForTheNamedTopicsFacetTerm() {
    String query = queries.query("发脾气", false, words).toString();
    assertThat(query).contains("$facets:topic\u001fanger");
    assertThat(queries.query("tractor", false, words).toString()).doesNotContain("$facets");
  }
}
