package org.banyan.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banyan.problem.Violation;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The course editor's units as form fields ({@code unit.0.title}, {@code unit.0.week}, one {@code
 * unit.0.lesson} per lesson slug) and the form posts that change them: add, remove and move units
 * and lessons, search published lesson titles in the course's language and add one to a unit. Each
 * action answers the whole form again, so it works without JavaScript and loses nothing typed.
 */
@Component
class CourseBuilder {

  static final String QUERY = "lessonQuery";
  static final String TARGET = "addTo";
  static final String UNITS = "courseUnits";
  private static final Pattern FIELD = Pattern.compile("unit\\.(\\d{1,3})\\.(title|week|lesson)");
  private static final Pattern ACTION =
      Pattern.compile(
          "unit\\.add|lesson\\.search"
              + "|unit\\.(remove|up|down)\\.(\\d{1,3})"
              + "|lesson\\.(remove|up|down)\\.(\\d{1,3})\\.(\\d{1,4})"
              + "|lesson\\.add\\.([a-z0-9-]{1,100})");
  private static final int MAX_UNITS = 200;
  private static final int MAX_FOUND = 20;

  /** A unit as typed: the week stays text until the form is saved. */
  record UnitDraft(String title, String week, List<String> lessons) {
    UnitDraft {
      title = title == null ? "" : title;
      week = week == null ? "" : week;
      lessons = List.copyOf(lessons);
    }

    boolean isBlank() {
      return title.isBlank() && week.isBlank() && lessons.isEmpty();
    }
  }

  /** A lesson of a unit as the editor lists it; {@code published} false when no lesson is live. */
  public record LessonRow(
      String slug, String title, int minutes, List<Integer> grades, boolean published) {}

  public record UnitRow(int index, String title, String week, List<LessonRow> lessons) {}

  /** A published lesson whose title matched the search. */
  public record Found(
      String slug, String title, int minutes, List<Integer> grades, boolean added) {}

  /**
   * What the editor shows of a course's units.
   *
   * @param grades every grade the course's lessons and its own grades reach, in order
   * @param found the lessons found by the title search; empty when none was made
   */
  public record View(
      List<UnitRow> units,
      int lessons,
      int totalMinutes,
      List<Integer> grades,
      String query,
      boolean searched,
      List<Found> found,
      int target) {}

  private final Catalog catalog;

  CourseBuilder(Catalog catalog) {
    this.catalog = catalog;
  }

  static boolean isAction(String action) {
    return action != null && ACTION.matcher(action).matches();
  }

  /** Whether the form posted units as fields, not as the older text block. */
  static boolean posted(MultiValueMap<String, String> p) {
    return p.keySet().stream().anyMatch(key -> FIELD.matcher(key).matches());
  }

  /** The units posted, in the order of their numbers. */
  static List<UnitDraft> read(MultiValueMap<String, String> p) {
    Map<Integer, String[]> heads = new TreeMap<>();
    Map<Integer, List<String>> lessons = new TreeMap<>();
    p.forEach(
        (key, values) -> {
          Matcher m = FIELD.matcher(key);
          if (!m.matches() || values.isEmpty()) {
            return;
          }
          int index = Integer.parseInt(m.group(1));
          if (index >= MAX_UNITS) {
            return;
          }
          String[] head = heads.computeIfAbsent(index, i -> new String[] {"", ""});
          switch (m.group(2)) {
            case "title" -> head[0] = values.get(0);
            case "week" -> head[1] = values.get(0);
            default ->
                lessons.put(
                    index, values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
          }
        });
    List<UnitDraft> units = new ArrayList<>();
    heads.forEach(
        (index, head) ->
            units.add(new UnitDraft(head[0], head[1], lessons.getOrDefault(index, List.of()))));
    return units;
  }

  static List<UnitDraft> of(CourseContent course) {
    return course.units().stream()
        .map(
            u ->
                new UnitDraft(
                    u.title(), u.week() == null ? "" : String.valueOf(u.week()), u.lessons()))
        .toList();
  }

  /** The units as the content model holds them; a week that is not a number is refused. */
  static List<CourseContent.Unit> units(List<UnitDraft> drafts, List<Violation> violations) {
    List<CourseContent.Unit> units = new ArrayList<>();
    for (UnitDraft draft : drafts) {
      if (draft.isBlank()) {
        continue;
      }
      Integer week = null;
      if (!draft.week().isBlank()) {
        try {
          week = Integer.valueOf(draft.week().strip());
        } catch (NumberFormatException e) {
          violations.add(Violation.of("units[" + units.size() + "].week", "invalid.week"));
        }
      }
      units.add(new CourseContent.Unit(draft.title().strip(), week, draft.lessons()));
    }
    return units;
  }

  /** The form after one builder action, everything else as it was posted. */
  static MultiValueMap<String, String> apply(String action, MultiValueMap<String, String> posted) {
    List<UnitDraft> units = new ArrayList<>(read(posted));
    int target = target(posted, units.size());
    Matcher m = ACTION.matcher(action);
    if (!m.matches()) {
      return posted;
    }
    if (action.equals("unit.add")) {
      units.add(new UnitDraft("", "", List.of()));
    } else if (m.group(1) != null) {
      int u = Integer.parseInt(m.group(2));
      if (u < units.size()) {
        switch (m.group(1)) {
          case "remove" -> units.remove(u);
          case "up" -> swap(units, u, u - 1);
          default -> swap(units, u, u + 1);
        }
      }
    } else if (m.group(3) != null) {
      int u = Integer.parseInt(m.group(4));
      int l = Integer.parseInt(m.group(5));
      if (u < units.size() && l < units.get(u).lessons().size()) {
        UnitDraft unit = units.get(u);
        List<String> lessons = new ArrayList<>(unit.lessons());
        switch (m.group(3)) {
          case "remove" -> lessons.remove(l);
          case "up" -> swap(lessons, l, l - 1);
          default -> swap(lessons, l, l + 1);
        }
        units.set(u, new UnitDraft(unit.title(), unit.week(), lessons));
      }
    } else if (m.group(6) != null) {
      String slug = m.group(6);
      boolean there = units.stream().anyMatch(u -> u.lessons().contains(slug));
      if (!there) {
        if (units.isEmpty()) {
          units.add(new UnitDraft("", "", List.of()));
          target = 0;
        }
        UnitDraft unit = units.get(target);
        List<String> lessons = new ArrayList<>(unit.lessons());
        lessons.add(slug);
        units.set(target, new UnitDraft(unit.title(), unit.week(), lessons));
      }
    }
    return write(units, posted);
  }

  /** {@code posted} with its unit fields replaced by {@code units}. */
  static MultiValueMap<String, String> write(
      List<UnitDraft> units, MultiValueMap<String, String> posted) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    posted.forEach(
        (key, values) -> {
          if (!FIELD.matcher(key).matches() && !key.equals("units") && !key.equals("action")) {
            form.put(key, new ArrayList<>(values));
          }
        });
    for (int i = 0; i < units.size(); i++) {
      form.add("unit." + i + ".title", units.get(i).title());
      form.add("unit." + i + ".week", units.get(i).week());
      for (String slug : units.get(i).lessons()) {
        form.add("unit." + i + ".lesson", slug);
      }
    }
    return form;
  }

  /** What the editor shows: the units with their lessons, the totals and any title search. */
  View view(Map<String, Object> form, String lang) {
    @SuppressWarnings("unchecked")
    List<UnitDraft> drafts = (List<UnitDraft>) form.getOrDefault(UNITS, List.of());
    Set<String> slugs = new LinkedHashSet<>();
    drafts.forEach(d -> slugs.addAll(d.lessons()));
    Map<String, PublishedItem> lessons = catalog.find(ContentType.LESSON, lang, slugs);
    Set<Integer> grades = new java.util.TreeSet<>();
    Object courseGrades = form.get("grades");
    if (courseGrades instanceof List<?> list) {
      for (Object grade : list) {
        try {
          grades.add(Integer.valueOf(String.valueOf(grade).strip()));
        } catch (NumberFormatException ignored) {
          // Refused when the form is saved.
        }
      }
    }
    int total = 0;
    int count = 0;
    List<UnitRow> rows = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      UnitDraft draft = drafts.get(i);
      List<LessonRow> lessonRows = new ArrayList<>();
      for (String slug : draft.lessons()) {
        PublishedItem item = lessons.get(slug);
        if (item != null && item.content() instanceof LessonContent l) {
          lessonRows.add(new LessonRow(slug, l.title(), l.durationMinutes(), l.grades(), true));
          total += l.durationMinutes();
          grades.addAll(l.grades());
        } else {
          lessonRows.add(new LessonRow(slug, slug, 0, List.of(), false));
        }
        count++;
      }
      rows.add(new UnitRow(i, draft.title(), draft.week(), lessonRows));
    }
    String query = String.valueOf(form.getOrDefault(QUERY, "")).strip();
    List<Found> found = query.isEmpty() ? List.of() : search(lang, query, slugs);
    int target = target(form.get(TARGET), drafts.size());
    return new View(
        rows, count, total, List.copyOf(grades), query, !query.isEmpty(), found, target);
  }

  /** Published lessons in {@code lang} whose title holds {@code query}, ignoring case. */
  List<Found> search(String lang, String query, Set<String> added) {
    String words = query.toLowerCase(Locale.ROOT);
    List<String> slugs =
        catalog.listings().stream()
            .filter(l -> l.type() == ContentType.LESSON && l.lang().equals(lang))
            .filter(l -> l.title() != null && l.title().toLowerCase(Locale.ROOT).contains(words))
            .sorted(
                (a, b) -> {
                  boolean aFirst = a.title().toLowerCase(Locale.ROOT).startsWith(words);
                  boolean bFirst = b.title().toLowerCase(Locale.ROOT).startsWith(words);
                  return aFirst == bFirst ? a.title().compareTo(b.title()) : aFirst ? -1 : 1;
                })
            .limit(MAX_FOUND)
            .map(PublishedListing::slug)
            .toList();
    Map<String, PublishedItem> items = catalog.find(ContentType.LESSON, lang, slugs);
    List<Found> found = new ArrayList<>();
    for (String slug : slugs) {
      PublishedItem item = items.get(slug);
      if (item != null && item.content() instanceof LessonContent lesson) {
        found.add(
            new Found(
                slug,
                lesson.title(),
                lesson.durationMinutes(),
                lesson.grades(),
                added.contains(slug)));
      }
    }
    return found;
  }

  private static int target(MultiValueMap<String, String> posted, int units) {
    return target(posted.getFirst(TARGET), units);
  }

  private static int target(Object value, int units) {
    try {
      int target = Integer.parseInt(String.valueOf(value).strip());
      return target >= 0 && target < units ? target : Math.max(0, units - 1);
    } catch (NumberFormatException e) {
      return Math.max(0, units - 1);
    }
  }

  private static <T> void swap(List<T> list, int i, int j) {
    if (i >= 0 && j >= 0 && i < list.size() && j < list.size()) {
      Collections.swap(list, i, j);
    }
  }
}
