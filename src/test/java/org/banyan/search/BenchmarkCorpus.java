package org.banyan.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.banyan.content.ContentType;
import org.banyan.content.LessonContent;
import org.banyan.content.PublishedItem;
import org.banyan.content.Sensitivity;
import org.banyan.content.Setting;
import org.banyan.content.Taxonomy;

/**
 * A deterministic bilingual corpus of lesson-like documents, built from the taxonomy and sentences
 * of the real lessons, and the query mix the benchmark runs on it. The same seed gives the same
 * corpus and queries on every machine.
 */
final class BenchmarkCorpus {

  static final long SEED = 20261129L;
  private static final int[] DURATIONS = {15, 20, 30, 40, 40, 40, 45, 60, 80};

  private final Taxonomy taxonomy;
  private final List<String> englishSentences = new ArrayList<>();
  private final List<String> chineseSentences = new ArrayList<>();
  private final List<String> englishTitles = new ArrayList<>();
  private final List<String> chineseTitles = new ArrayList<>();

  BenchmarkCorpus(Taxonomy taxonomy, Path lessons) throws IOException {
    this.taxonomy = taxonomy;
    try (Stream<Path> files = Files.list(lessons)) {
      for (Path file : files.sorted().toList()) {
        String text = Files.readString(file);
        boolean chinese = file.getFileName().toString().endsWith(".zh-CN.md");
        String body = text.substring(text.indexOf("\n---\n", 4) + 5);
        for (String line : text.split("\n")) {
          if (line.startsWith("title: ")) {
            (chinese ? chineseTitles : englishTitles).add(line.substring(7).replace("\"", ""));
          }
        }
        for (String sentence :
            body.replaceAll("[#*>|`-]", " ").split(chinese ? "(?<=[。！？])" : "(?<=[.!?])\\s+")) {
          String clean = sentence.strip();
          if (clean.length() > 12 && clean.length() < 300) {
            (chinese ? chineseSentences : englishSentences).add(clean);
          }
        }
      }
    }
  }

  /** Item {@code n} of the corpus (ids from 1); the same every time. */
  PublishedItem item(long n) {
    Random random = new Random(SEED * 31 + n);
    boolean chinese = n % 2 == 0;
    List<String> sentences = chinese ? chineseSentences : englishSentences;
    List<String> titles = chinese ? chineseTitles : englishTitles;
    Taxonomy.Term topic = taxonomy.topics().get(random.nextInt(taxonomy.topics().size()));
    Taxonomy.Term second = taxonomy.topics().get(random.nextInt(taxonomy.topics().size()));
    Taxonomy.Term competency =
        taxonomy.competencies().get(random.nextInt(taxonomy.competencies().size()));
    String title =
        (chinese ? topic.zh() + "：" : topic.en() + ": ")
            + titles.get(random.nextInt(titles.size()));
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      if (i % 5 == 0) {
        body.append("\n\n## ").append(chinese ? second.zh() : second.en()).append("\n\n");
      }
      body.append(sentences.get(random.nextInt(sentences.size()))).append(chinese ? "" : " ");
    }
    int band = random.nextInt(4);
    List<Integer> grades =
        switch (band) {
          case 0 -> List.of(1, 2);
          case 1 -> List.of(3, 4);
          case 2 -> List.of(5, 6);
          default -> List.of(7, 8, 9);
        };
    LessonContent content =
        new LessonContent(
            title,
            sentences.get(random.nextInt(sentences.size())),
            List.of(competency.id()),
            topic.id().equals(second.id()) ? List.of(topic.id()) : List.of(topic.id(), second.id()),
            grades,
            DURATIONS[random.nextInt(DURATIONS.length)],
            Setting.WHOLE_CLASS,
            List.of("chalk"),
            List.of(sentences.get(random.nextInt(sentences.size()))),
            body.toString(),
            Sensitivity.LOW,
            null,
            List.of());
    return new PublishedItem(
        1_000_000 + n,
        ContentType.LESSON,
        chinese ? "zh-CN" : "en",
        "bench-" + n,
        "bench-" + n,
        1,
        OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(n),
        content);
  }

  Iterator<PublishedItem> items(long count) {
    return new Iterator<>() {
      long next = 1;

      @Override
      public boolean hasNext() {
        return next <= count;
      }

      @Override
      public PublishedItem next() {
        return item(next++);
      }
    };
  }

  /** A benchmark query: its class, its text, and a facet filter (a grade) or none. */
  record Query(String kind, String text, String grade) {}

  /** The query mix: single terms, several terms, phrases, Chinese, and facet-filtered queries. */
  List<Query> queries(int count) {
    Random random = new Random(SEED);
    List<String> english = new ArrayList<>();
    List<String> chinese = new ArrayList<>();
    for (Taxonomy.Term term : taxonomy.topics()) {
      english.add(term.en().toLowerCase(java.util.Locale.ROOT));
      english.addAll(term.synonyms().get("en"));
      chinese.add(term.zh());
      chinese.addAll(term.synonyms().get("zh-CN"));
    }
    List<Query> queries = new ArrayList<>();
    String[] kinds = {"single", "several", "phrase", "chinese", "facet"};
    for (int i = 0; i < count; i++) {
      String kind = kinds[i % kinds.length];
      String text =
          switch (kind) {
            case "single" -> english.get(random.nextInt(english.size())).split(" ")[0];
            case "several" ->
                english.get(random.nextInt(english.size()))
                    + " "
                    + english.get(random.nextInt(english.size()));
            case "phrase" -> phrase(random);
            case "chinese" ->
                chinese.get(random.nextInt(chinese.size()))
                    + chinese.get(random.nextInt(chinese.size()));
            default -> english.get(random.nextInt(english.size()));
          };
      queries.add(
          new Query(
              kind, text, kind.equals("facet") ? Integer.toString(1 + random.nextInt(9)) : null));
    }
    return queries;
  }

  private String phrase(Random random) {
    String[] words = englishSentences.get(random.nextInt(englishSentences.size())).split("\\s+");
    int start = words.length > 4 ? random.nextInt(words.length - 3) : 0;
    StringBuilder phrase = new StringBuilder();
    for (int i = start; i < Math.min(words.length, start + 3); i++) {
      phrase.append(i == start ? "" : " ").append(words[i].replaceAll("[^\\p{L}\\p{N}'-]", ""));
    }
    return phrase.toString();
  }
}
