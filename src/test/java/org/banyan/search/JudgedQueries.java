package org.banyan.search;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The judged query set, and nDCG@10 and recall@10 of a ranking against it. */
final class JudgedQueries {

  /** A query and what a teacher would want from it, graded 1 (relevant) to 3 (the one). */
  record Judged(String query, Map<String, Integer> grades) {}

  private JudgedQueries() {}

  @SuppressWarnings("unchecked")
  static List<Judged> load() {
    try (InputStream in = JudgedQueries.class.getResourceAsStream("/search/judged-queries.yml")) {
      Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      List<Judged> judged = new ArrayList<>();
      for (Object entry : (List<Object>) root.get("queries")) {
        Map<String, Object> query = (Map<String, Object>) entry;
        Map<String, Integer> grades = new java.util.LinkedHashMap<>();
        for (Object item : (List<Object>) query.get("relevant")) {
          Map<String, Object> relevant = (Map<String, Object>) item;
          grades.put(
              key(relevant.get("type"), relevant.get("lang"), relevant.get("slug")),
              (Integer) relevant.get("grade"));
        }
        judged.add(new Judged(String.valueOf(query.get("q")), grades));
      }
      return judged;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String key(Object type, Object lang, Object slug) {
    return type + ":" + lang + ":" + slug;
  }

  static double ndcgAt10(List<String> ranking, Map<String, Integer> grades) {
    double dcg = 0;
    for (int i = 0; i < Math.min(10, ranking.size()); i++) {
      int grade = grades.getOrDefault(ranking.get(i), 0);
      dcg += (Math.pow(2, grade) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    List<Integer> ideal =
        grades.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(10, ideal.size()); i++) {
      idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double recallAt10(List<String> ranking, Map<String, Integer> grades) {
    long found = ranking.stream().limit(10).filter(grades::containsKey).count();
    return grades.isEmpty() ? 0 : (double) found / grades.size();
  }

  /**
   * The grades by item: a search shows an item once, in one language, with links to its other
   * versions, so an item counts as found at the grade of its best judged version. The translations
   * of a seed item share its slug.
   */
  static Map<String, Integer> byItem(Map<String, Integer> grades) {
    Map<String, Integer> items = new java.util.LinkedHashMap<>();
    grades.forEach((key, grade) -> items.merge(item(key), grade, Math::max));
    return items;
  }

  /** A ranking of versions ({@link #key}) as a ranking of items, each where it first appears. */
  static List<String> items(List<String> ranking) {
    return ranking.stream().map(JudgedQueries::item).distinct().toList();
  }

  private static String item(String key) {
    String[] parts = key.split(":", 3);
    return parts[0] + ":" + parts[2];
  }
}
