package org.banyan.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The catalog arranged for browsing: an item once, in the reader's language when it has it, with
 * its other languages beside it, under each grade band it is for; the reader's language first.
 */
final class Shelves {

  /** An item in the language shown, and its versions in the others. */
  public record Entry(PublishedItem item, List<PublishedItem> translations) {}

  /** A grade band ({@code 1-2}) and what is listed under it. */
  public record Band(String key, List<Entry> entries) {}

  private Shelves() {}

  /**
   * {@code items} (in the order to keep) as entries: one per translation group, in {@code reader}'s
   * language when the group has it; those in the reader's language first.
   */
  static List<Entry> entries(List<PublishedItem> items, String reader) {
    Map<String, List<PublishedItem>> groups = new LinkedHashMap<>();
    for (PublishedItem item : items) {
      String group = item.translationGroup() == null ? "#" + item.id() : item.translationGroup();
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(item);
    }
    List<Entry> entries = new ArrayList<>();
    for (List<PublishedItem> versions : groups.values()) {
      PublishedItem shown =
          versions.stream()
              .filter(v -> v.lang().equals(reader))
              .findFirst()
              .orElse(versions.get(0));
      List<PublishedItem> others = versions.stream().filter(v -> v != shown).toList();
      entries.add(new Entry(shown, others));
    }
    entries.sort(Comparator.comparing((Entry e) -> !e.item().lang().equals(reader)));
    return entries;
  }

  /**
   * {@code entries} under each grade band they are for, by {@code grades}; empty bands left out.
   */
  static List<Band> bands(List<Entry> entries, Function<PublishedItem, List<Integer>> grades) {
    List<Band> bands = new ArrayList<>();
    for (GradeBand band : GradeBand.values()) {
      List<Entry> under =
          entries.stream().filter(e -> band.reaches(grades.apply(e.item()))).toList();
      if (!under.isEmpty()) {
        bands.add(new Band(band.key(), under));
      }
    }
    return bands;
  }
}
