package org.banyan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.banyan.content.Taxonomy;

/**
 * The taxonomy's labels and everyday synonyms in both languages, matched against the words of a
 * query: "temper", "发脾气" or a topic's name in the other language name a topic, and the query then
 * also asks for the items filed under it. Matching at query time keeps these words out of every
 * document (they were two fifths of all indexed words) and follows a taxonomy change at once.
 */
final class TaxonomyWords {

  /** A topic or competency, by facet dimension and id. */
  record Entry(String dimension, String id) {}

  static final TaxonomyWords NONE = new TaxonomyWords(null, Map.of());

  private final Taxonomy source;
  private final Map<String, Set<Entry>> byToken;

  private TaxonomyWords(Taxonomy source, Map<String, Set<Entry>> byToken) {
    this.source = source;
    this.byToken = byToken;
  }

  /** The words of {@code taxonomy} as the index would analyze them (with single characters). */
  static TaxonomyWords of(Taxonomy taxonomy) {
    Map<String, Set<Entry>> byToken = new HashMap<>();
    Analyzer analyzer = IndexSchema.mixed(true);
    add(byToken, analyzer, IndexSchema.F_COMPETENCY, taxonomy.competencies());
    add(byToken, analyzer, IndexSchema.F_TOPIC, taxonomy.topics());
    return new TaxonomyWords(taxonomy, byToken);
  }

  Taxonomy source() {
    return source;
  }

  /** How many of the query's tokens name each entry. */
  Map<Entry, Integer> matches(List<String> tokens) {
    Map<Entry, Integer> found = new LinkedHashMap<>();
    for (String token : tokens) {
      for (Entry entry : byToken.getOrDefault(token, Set.of())) {
        found.merge(entry, 1, Integer::sum);
      }
    }
    return found;
  }

  /**
   * The entries named by a word one typing mistake away from a query token (two for tokens of eight
   * letters or more), with the same first letter: Latin tokens of four letters or more only, since
   * shorter ones are too close to too many.
   */
  Map<Entry, Integer> nearMatches(List<String> tokens) {
    Map<Entry, Integer> found = new LinkedHashMap<>();
    for (String token : tokens) {
      if (token.length() < 4 || !token.chars().allMatch(c -> c < 128)) {
        continue;
      }
      int edits = token.length() >= 8 ? 2 : 1;
      for (Map.Entry<String, Set<Entry>> word : byToken.entrySet()) {
        String candidate = word.getKey();
        if (!candidate.equals(token)
            && candidate.length() >= 3
            && candidate.charAt(0) == token.charAt(0)
            && Math.abs(candidate.length() - token.length()) <= edits
            && distance(candidate, token, edits) <= edits) {
          for (Entry entry : word.getValue()) {
            found.merge(entry, 1, Integer::sum);
          }
        }
      }
    }
    return found;
  }

  /** Levenshtein distance with transpositions, stopping once it exceeds {@code limit}. */
  static int distance(String a, String b, int limit) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int best = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
        best = Math.min(best, value);
      }
      if (best > limit) {
        return best;
      }
    }
    return d[a.length()][b.length()];
  }

  private static void add(
      Map<String, Set<Entry>> byToken,
      Analyzer analyzer,
      String dimension,
      List<Taxonomy.Term> terms) {
    for (Taxonomy.Term term : terms) {
      Entry entry = new Entry(dimension, term.id());
      List<String> words = new ArrayList<>();
      words.add(term.zh());
      words.add(term.en());
      term.synonyms().values().forEach(words::addAll);
      Set<String> tokens = new HashSet<>();
      for (String word : words) {
        tokens.addAll(tokens(analyzer, word));
      }
      for (String token : tokens) {
        byToken.computeIfAbsent(token, t -> new HashSet<>()).add(entry);
      }
    }
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("taxonomy", text == null ? "" : text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
