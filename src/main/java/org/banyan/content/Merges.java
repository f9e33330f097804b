package org.banyan.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Merging by hand after another author saved over the same lesson or course: the form as this
 * author typed it beside the latest revision, field by field, each row saying who changed it since
 * the revision the edit started from, and a button that takes their value into the form. Nothing is
 * saved until the author saves.
 */
@Component
class Merges {

  /** The {@code action} of a form post that takes the other author's value of one field. */
  static final String TAKE = "take:";

  /** Takes every field that only the other author changed. */
  static final String TAKE_THEIRS_ONLY = TAKE + "*";

  /** Hidden field: the revision this author's edit started from, kept while merging. */
  static final String MERGE_BASE = "mergeBase";

  /** Who changed a field since the edit started. */
  public enum ChangedBy {
    THEM,
    YOU,
    BOTH
  }

  /**
   * One field whose typed value differs from the latest revision's.
   *
   * @param lines for the Markdown, the typed text turned into theirs, line by line; else empty
   */
  public record Row(
      String field,
      String label,
      String theirs,
      String yours,
      ChangedBy changedBy,
      List<RevisionDiff.Line> lines) {}

  /**
   * @param theirs the latest revision, which the next save goes on top of
   * @param base the revision the edit started from
   */
  public record View(int theirs, int base, List<Row> rows) {
    public boolean onlyYours() {
      return rows.stream().allMatch(r -> r.changedBy() == ChangedBy.YOU);
    }

    public boolean anyOnlyTheirs() {
      return rows.stream().anyMatch(r -> r.changedBy() == ChangedBy.THEM);
    }
  }

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("title", "authoring.field.title"),
          Map.entry("summary", "authoring.field.summary"),
          Map.entry("competencies", "lesson.competencies"),
          Map.entry("topics", "lesson.topics"),
          Map.entry("grades", "lesson.grades"),
          Map.entry("durationMinutes", "authoring.field.duration"),
          Map.entry("setting", "lesson.setting"),
          Map.entry("materials", "authoring.field.materials"),
          Map.entry("objectives", "authoring.field.objectives"),
          Map.entry("sensitivity", "authoring.field.sensitivity"),
          Map.entry("reviewBy", "authoring.field.reviewBy"),
          Map.entry("attachments", "lesson.attachments"),
          Map.entry(CourseBuilder.UNITS, "authoring.field.courseUnits"),
          Map.entry("markdown", "authoring.field.markdown"));

  private final Authoring authoring;
  private final ContentForms forms;
  private final Catalog catalog;
  private final MessageSource messages;
  private final CourseBuilder courses;

  Merges(
      Authoring authoring,
      ContentForms forms,
      Catalog catalog,
      MessageSource messages,
      CourseBuilder courses) {
    this.authoring = authoring;
    this.forms = forms;
    this.catalog = catalog;
    this.messages = messages;
    this.courses = courses;
  }

  /**
   * After a save refused because {@code latest} was saved meanwhile: the typed form, set to go on
   * top of {@code latest} and to be shown beside it ({@link #show}).
   */
  Map<String, Object> conflict(int latest, Map<String, Object> form) {
    // While merging, the edit still started where it started: a second conflict keeps that base.
    int base = number(form.get(MERGE_BASE)).orElse(number(form.get("baseRevision")).orElse(latest));
    form.put("baseRevision", String.valueOf(latest));
    form.put(MERGE_BASE, String.valueOf(base));
    return form;
  }

  /** After a post whose {@code action} takes a value of theirs: the form with it taken. */
  Map<String, Object> take(ItemSummary item, String action, Map<String, Object> form) {
    int theirs = number(form.get("baseRevision")).orElse(0);
    int base = number(form.get(MERGE_BASE)).orElse(0);
    return take(item, theirs, base, action, form);
  }

  /**
   * While a form is being merged (it carries {@link #MERGE_BASE}): the table of what still differs
   * from the revision it goes on top of, in the model as {@code merge}.
   */
  void show(ItemSummary item, Map<String, Object> form, Model model) {
    Optional<Integer> base = number(form.get(MERGE_BASE));
    if (item == null || base.isEmpty()) {
      return;
    }
    int theirs = number(form.get("baseRevision")).orElse(0);
    view(item, theirs, base.get(), form, LocaleContextHolder.getLocale())
        .ifPresent(view -> model.addAttribute("merge", view));
  }

  static Optional<Integer> number(Object value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Integer.valueOf(value.toString()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether a post's {@code action} takes a value of theirs. */
  static boolean isTake(String action) {
    return action != null && action.startsWith(TAKE);
  }

  /**
   * The typed {@code form} beside revision {@code theirs} of the item, against revision {@code
   * base}; empty when either revision is not one of the item's.
   */
  Optional<View> view(
      ItemSummary item, int theirs, int base, Map<String, Object> form, Locale locale) {
    if (!revisions(item, theirs, base)) {
      return Optional.empty();
    }
    Map<String, Object> their = values(item, theirs);
    Map<String, Object> was = values(item, base);
    List<Row> rows = new ArrayList<>();
    for (String field : their.keySet()) {
      String theirValue = canonical(their.get(field));
      String yourValue = canonical(form.get(field));
      if (theirValue.equals(yourValue)) {
        continue;
      }
      ChangedBy who = changedBy(theirValue, yourValue, canonical(was.get(field)));
      rows.add(
          new Row(
              field,
              messages.getMessage(LABELS.getOrDefault(field, field), null, field, locale),
              readable(item, field, their.get(field), locale),
              readable(item, field, form.get(field), locale),
              who,
              field.equals("markdown") ? Diffs.lines(yourValue, theirValue) : List.of()));
    }
    return Optional.of(new View(theirs, base, rows));
  }

  /**
   * The form with the other author's value taken for the field {@code action} names (or for every
   * field only they changed); an unknown field changes nothing.
   */
  private Map<String, Object> take(
      ItemSummary item, int theirs, int base, String action, Map<String, Object> form) {
    if (!revisions(item, theirs, base)) {
      return form;
    }
    Map<String, Object> their = values(item, theirs);
    String field = action.substring(TAKE.length());
    if (action.equals(TAKE_THEIRS_ONLY)) {
      Map<String, Object> was = values(item, base);
      for (String name : their.keySet()) {
        if (canonical(form.get(name)).equals(canonical(was.get(name)))) {
          form.put(name, their.get(name));
        }
      }
    } else if (their.containsKey(field)) {
      form.put(field, their.get(field));
    }
    return form;
  }

  private Map<String, Object> values(ItemSummary item, int revision) {
    return forms.values(authoring.revision(item.type(), item.id(), revision));
  }

  /**
   * Whether revisions {@code theirs} and {@code base} are the item's, the base not after theirs.
   */
  static boolean revisions(ItemSummary item, int theirs, int base) {
    return theirs >= 1 && base >= 1 && theirs <= item.revision() && base <= theirs;
  }

  /** Who changed a value since {@code base}, given it differs between theirs and yours. */
  static ChangedBy changedBy(String theirs, String yours, String base) {
    return yours.equals(base)
        ? ChangedBy.THEM
        : theirs.equals(base) ? ChangedBy.YOU : ChangedBy.BOTH;
  }

  /** A form value as text that is equal when the saved content would be. */
  static String canonical(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> list) {
      if (list.stream().allMatch(v -> v instanceof CourseBuilder.UnitDraft)) {
        return list.stream()
            .map(CourseBuilder.UnitDraft.class::cast)
            .filter(u -> !u.isBlank())
            .map(u -> u.title().strip() + " | " + u.week().strip() + " | " + u.lessons())
            .collect(Collectors.joining("\n"));
      }
      return list.stream()
          .map(v -> String.valueOf(v).strip())
          .filter(v -> !v.isEmpty())
          .sorted()
          .distinct()
          .collect(Collectors.joining(", "));
    }
    String text = String.valueOf(value).replace("\r\n", "\n");
    return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
  }

  /** A form value as the author reads it: labels, not codes. */
  private String readable(ItemSummary item, String field, Object value, Locale locale) {
    return switch (field) {
      case CourseBuilder.UNITS -> units(item, value, locale);
      case "competencies", "topics" -> terms(field, value, locale);
      case "setting", "sensitivity" -> {
        String code = canonical(value);
        yield code.isEmpty() ? "" : messages.getMessage(field + "." + code, null, code, locale);
      }
      case "attachments" ->
          value instanceof Collection<?> list
              ? list.stream()
                  .map(a -> String.valueOf(a).replaceFirst("^[^|]*\\|", ""))
                  .collect(Collectors.joining(", "))
              : canonical(value);
      default -> canonical(value);
    };
  }

  /** A course's units a line each: title, week, the lessons by title. */
  private String units(ItemSummary item, Object value, Locale locale) {
    return courses.view(Map.of(CourseBuilder.UNITS, value), item.lang()).units().stream()
        .map(
            u ->
                messages.getMessage(
                    u.week().isBlank() ? "merge.courseUnit.noWeek" : "merge.courseUnit",
                    new Object[] {
                      u.title(),
                      u.lessons().stream()
                          .map(CourseBuilder.LessonRow::title)
                          .collect(Collectors.joining(", ")),
                      u.week()
                    },
                    locale))
        .collect(Collectors.joining("\n"));
  }

  private String terms(String field, Object value, Locale locale) {
    Taxonomy taxonomy = catalog.taxonomy();
    List<Taxonomy.Term> terms =
        field.equals("competencies") ? taxonomy.competencies() : taxonomy.topics();
    if (!(value instanceof Collection<?> ids)) {
      return canonical(value);
    }
    return ids.stream()
        .map(String::valueOf)
        .sorted()
        .map(
            id ->
                terms.stream()
                    .filter(t -> Objects.equals(t.id(), id))
                    .map(t -> t.label(locale))
                    .findFirst()
                    .orElse(id))
        .collect(Collectors.joining(", "));
  }
}
