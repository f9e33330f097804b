package org.banyan.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.banyan.problem.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Merging a module by hand after another author saved it: the module's own fields as in {@link
 * Merges}, and its units matched by their ids, each unit a row that can be taken whole. Taking a
 * unit only they have adds it where they have it; taking theirs for a unit only this author has
 * removes it.
 */
@Component
class ModuleMerges {

  private static final List<String> FIELDS =
      List.of("title", "summary", "estimatedMinutes", "markdown");
  private static final String UNIT = "unit:";
  private static final String ORDER = "unitOrder";

  private final Authoring authoring;
  private final MessageSource messages;

  ModuleMerges(Authoring authoring, MessageSource messages) {
    this.authoring = authoring;
    this.messages = messages;
  }

  /** The form of a refused save, set to go on top of {@code latest}. */
  ModuleForm conflict(int latest, ModuleForm form) {
    int base =
        Merges.number(form.field(Merges.MERGE_BASE))
            .orElse(Merges.number(form.field("baseRevision")).orElse(latest));
    return form.withField("baseRevision", String.valueOf(latest))
        .withField(Merges.MERGE_BASE, String.valueOf(base));
  }

  /** The form with their value of the field or unit {@code action} names taken. */
  ModuleForm take(ItemSummary item, ModuleForm form, String action) {
    Optional<Revisions> revisions = revisions(item, form);
    if (revisions.isEmpty()) {
      return form;
    }
    ModuleForm theirs = revisions.get().theirs();
    String what = action.substring(Merges.TAKE.length());
    if (what.equals("*")) {
      ModuleForm base = revisions.get().base();
      for (String field : FIELDS) {
        if (same(form.field(field), base.field(field))) {
          form = form.withField(field, theirs.field(field));
        }
      }
      for (String id : ids(theirs, form)) {
        if (canonical(unit(form, id)).equals(canonical(unit(base, id)))) {
          form = takeUnit(form, theirs, id);
        }
      }
      Set<String> both = both(theirs, form);
      if (order(form, both).equals(order(base, both))) {
        form = takeOrder(form, theirs);
      }
      return form;
    }
    if (what.equals(ORDER)) {
      return takeOrder(form, theirs);
    }
    if (FIELDS.contains(what)) {
      return form.withField(what, theirs.field(what));
    }
    if (what.startsWith(UNIT)) {
      String id = what.substring(UNIT.length());
      if (unit(theirs, id) != null || unit(form, id) != null) {
        return takeUnit(form, theirs, id);
      }
    }
    return form;
  }

  /**
   * The table of what differs from the revision the form goes on top of; empty when not merging.
   */
  Optional<Merges.View> view(ItemSummary item, ModuleForm form, Locale locale) {
    Optional<Revisions> revisions = revisions(item, form);
    if (revisions.isEmpty()) {
      return Optional.empty();
    }
    ModuleForm theirs = revisions.get().theirs();
    ModuleForm base = revisions.get().base();
    List<Merges.Row> rows = new ArrayList<>();
    for (String field : FIELDS) {
      String their = Merges.canonical(theirs.field(field));
      String your = Merges.canonical(form.field(field));
      if (!their.equals(your)) {
        rows.add(
            new Merges.Row(
                field,
                messages.getMessage("authoring.field." + field, null, field, locale),
                their,
                your,
                Merges.changedBy(their, your, Merges.canonical(base.field(field))),
                field.equals("markdown") ? Diffs.lines(your, their) : List.of()));
      }
    }
    for (String id : ids(theirs, form)) {
      ModuleForm.UnitForm their = unit(theirs, id);
      ModuleForm.UnitForm your = unit(form, id);
      if (canonical(their).equals(canonical(your))) {
        continue;
      }
      String title = their != null ? their.title() : your.title();
      rows.add(
          new Merges.Row(
              UNIT + id,
              messages.getMessage("merge.unit", new Object[] {title}, locale),
              describe(their, locale),
              describe(your, locale),
              Merges.changedBy(canonical(their), canonical(your), canonical(unit(base, id))),
              List.of()));
    }
    Set<String> both = both(theirs, form);
    List<String> theirOrder = order(theirs, both);
    List<String> yourOrder = order(form, both);
    if (!theirOrder.equals(yourOrder)) {
      rows.add(
          new Merges.Row(
              ORDER,
              messages.getMessage("merge.unitOrder", null, locale),
              titles(theirs, theirOrder),
              titles(form, yourOrder),
              Merges.changedBy(
                  theirOrder.toString(), yourOrder.toString(), order(base, both).toString()),
              List.of()));
    }
    return Optional.of(
        new Merges.View(
            Integer.parseInt(theirs.field("baseRevision")),
            Integer.parseInt(form.field(Merges.MERGE_BASE)),
            rows));
  }

  private record Revisions(ModuleForm theirs, ModuleForm base) {}

  private Optional<Revisions> revisions(ItemSummary item, ModuleForm form) {
    Optional<Integer> theirs = Merges.number(form.field("baseRevision"));
    Optional<Integer> base = Merges.number(form.field(Merges.MERGE_BASE));
    if (item == null || theirs.isEmpty() || base.isEmpty()) {
      return Optional.empty();
    }
    if (!Merges.revisions(item, theirs.get(), base.get())) {
      return Optional.empty();
    }
    return Optional.of(new Revisions(revision(item, theirs.get()), revision(item, base.get())));
  }

  private ModuleForm revision(ItemSummary item, int revision) {
    return ModuleForm.of(
        (ModuleContent) authoring.revision(ContentType.MODULE, item.id(), revision), revision);
  }

  /** Their units' ids in their order, then those only this author has. */
  private static Set<String> ids(ModuleForm theirs, ModuleForm yours) {
    Set<String> ids = new LinkedHashSet<>();
    theirs.units().forEach(u -> ids.add(u.id()));
    yours.units().forEach(u -> ids.add(u.id()));
    return ids;
  }

  private static ModuleForm.UnitForm unit(ModuleForm form, String id) {
    return form.units().stream().filter(u -> u.id().equals(id)).findFirst().orElse(null);
  }

  private static ModuleForm takeUnit(ModuleForm form, ModuleForm theirs, String id) {
    List<ModuleForm.UnitForm> units = new ArrayList<>(form.units());
    ModuleForm.UnitForm their = unit(theirs, id);
    int at = indexOf(units, id);
    if (their == null) {
      if (at >= 0) {
        units.remove(at);
      }
    } else if (at >= 0) {
      units.set(at, their);
    } else if (units.size() < ModuleForm.MAX_UNITS) {
      units.add(Math.min(indexOf(theirs.units(), id), units.size()), their);
    }
    return form.withUnits(units);
  }

  /** The ids of the units both forms have. */
  private static Set<String> both(ModuleForm theirs, ModuleForm yours) {
    Set<String> both = new LinkedHashSet<>();
    theirs.units().stream().filter(u -> unit(yours, u.id()) != null).forEach(u -> both.add(u.id()));
    return both;
  }

  /** The order of the units {@code among} in {@code form}. */
  private static List<String> order(ModuleForm form, Set<String> among) {
    return form.units().stream().map(ModuleForm.UnitForm::id).filter(among::contains).toList();
  }

  /** The units as numbered lines of titles, in the order given. */
  private static String titles(ModuleForm form, List<String> ids) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      lines.add((i + 1) + ". " + unit(form, ids.get(i)).title());
    }
    return String.join("\n", lines);
  }

  /**
   * The units both have put in their order, in the places such units hold in the form; a unit only
   * this author has keeps its place.
   */
  private static ModuleForm takeOrder(ModuleForm form, ModuleForm theirs) {
    Set<String> both = both(theirs, form);
    List<String> theirOrder = order(theirs, both);
    if (order(form, both).size() != theirOrder.size()) {
      return form; // an id twice in the form: it is refused when saved, and not reordered here
    }
    List<ModuleForm.UnitForm> units = new ArrayList<>(form.units());
    int next = 0;
    for (int i = 0; i < units.size(); i++) {
      if (both.contains(units.get(i).id())) {
        units.set(i, unit(form, theirOrder.get(next++)));
      }
    }
    return form.withUnits(units);
  }

  private static int indexOf(List<ModuleForm.UnitForm> units, String id) {
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** A unit as it would be saved, so that fields of another type typed and left do not count. */
  private static String canonical(ModuleForm.UnitForm unit) {
    if (unit == null) {
      return "";
    }
    try {
      return new ModuleForm(java.util.Map.of(), List.of(unit)).content().units().get(0).toString();
    } catch (InvalidInput e) {
      return unit.toString();
    }
  }

  private String describe(ModuleForm.UnitForm unit, Locale locale) {
    if (unit == null) {
      return messages.getMessage("merge.unit.absent", null, locale);
    }
    String type = messages.getMessage("training.unit." + unit.type(), null, unit.type(), locale);
    String questions =
        unit.type().equals(UnitType.QUIZ.code())
            ? " · "
                + messages.getMessage(
                    "merge.unit.questions", new Object[] {unit.questions().size()}, locale)
            : "";
    return type + " · " + unit.title() + questions;
  }

  private static boolean same(String a, String b) {
    return Merges.canonical(a).equals(Merges.canonical(b));
  }
}
