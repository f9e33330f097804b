package org.banyan.content;

import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.banyan.account.AuditLog;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing content: creating items, saving revisions, history, diffs and restoring. Every save is a
 * new immutable revision; an edit that started from an older revision than the latest is refused
 * and shows what changed.
 */
@Service
public class Authoring {

  private final ContentStore store;
  private final ContentCodec codec;
  private final ContentLookups lookups;
  private final Diffs diffs;
  private final AuditLog audit;
  private final Clock clock;
  private final Catalog catalog;

  Authoring(
      ContentStore store,
      ContentCodec codec,
      ContentLookups lookups,
      Diffs diffs,
      AuditLog audit,
      Clock clock,
      Catalog catalog) {
    this.store = store;
    this.catalog = catalog;
    this.codec = codec;
    this.lookups = lookups;
    this.diffs = diffs;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates an item as a draft at revision 1.
   *
   * @throws InvalidInput naming each bad field
   * @throws SlugTaken when the slug is used by another item of this type and language
   */
  @Transactional
  public ItemSummary create(ContentType type, String actor, NewItem request) {
    List<Violation> violations = new ArrayList<>();
    String lang = request.lang();
    String slug =
        request.slug() == null || request.slug().isBlank()
            ? slugFor(request.content())
            : request.slug().strip();
    violations.addAll(ContentRules.checkSlug(slug));
    violations.addAll(ContentRules.check(lookups, type, lang, request.content()));
    String group = slug;
    if (request.translationOf() != null) {
      ContentStore.ItemRow original = store.item(request.translationOf()).orElse(null);
      if (original == null || original.type() != type) {
        violations.add(Violation.of("translationOf", "invalid.translationOf"));
      } else if (original.lang().equals(lang)) {
        violations.add(Violation.of("translationOf", "invalid.translationOf.sameLang"));
      } else {
        group = original.translationGroup();
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    if (store.item(type, lang, slug).isPresent()) {
      throw SlugTaken.of(type, lang, slug);
    }
    OffsetDateTime now = now();
    long id;
    try {
      id = store.insertItem(type, lang, slug, group, actor, now);
    } catch (DuplicateKeyException e) {
      throw SlugTaken.of(type, lang, slug);
    }
    saveRevision(id, 1, actor, request.content(), request.note(), now);
    audit.record(actor, "CONTENT_CREATED", describe(type, lang, slug), "revision 1");
    return summary(id);
  }

  /**
   * Saves a new revision on top of {@code baseRevision}, which must be the latest.
   *
   * @throws StaleRevision when another revision was saved since {@code baseRevision}
   */
  @Transactional
  public ItemSummary update(
      ContentType type, long id, String actor, Integer baseRevision, Content content, String note) {
    ContentStore.ItemRow item = row(type, id);
    List<Violation> violations = new ArrayList<>();
    if (baseRevision == null) {
      violations.add(Violation.of("baseRevision", "invalid.required"));
    }
    violations.addAll(ContentRules.check(lookups, type, item.lang(), content));
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    if (baseRevision != item.latestRevision() || !store.advance(id, baseRevision, now())) {
      throw stale(item, baseRevision);
    }
    saveRevision(id, baseRevision + 1, actor, content, note, now());
    if (item.status() == Status.IN_REVIEW) {
      audit.record(
          actor, "CONTENT_WITHDRAWN", describe(item), "edited while in review: back to draft");
    }
    return summary(id);
  }

  /** Saves revision {@code revision}'s content again as the newest draft. */
  @Transactional
  public ItemSummary restore(ContentType type, long id, int revision, String actor) {
    ContentStore.ItemRow item = row(type, id);
    ContentStore.RevisionRow old =
        store.revision(id, revision).orElseThrow(() -> ContentNotFound.forRevision(id, revision));
    if (!store.advance(id, item.latestRevision(), now())) {
      throw stale(item, item.latestRevision());
    }
    Content content = codec.read(type, old.fields());
    saveRevision(
        id, item.latestRevision() + 1, actor, content, "Restored from revision " + revision, now());
    audit.record(
        actor,
        "CONTENT_RESTORED",
        describe(item),
        "revision " + revision + " as revision " + (item.latestRevision() + 1));
    return summary(id);
  }

  public Draft draft(ContentType type, long id) {
    ContentStore.ItemRow item = row(type, id);
    ContentStore.RevisionRow latest =
        store
            .revision(id, item.latestRevision())
            .orElseThrow(() -> ContentNotFound.forId(type, id));
    return new Draft(summary(item, latest), codec.read(type, latest.fields()));
  }

  /** The content of one revision. */
  public Content revision(ContentType type, long id, int revision) {
    return catalog.revision(type, id, revision);
  }

  public List<RevisionInfo> history(ContentType type, long id) {
    row(type, id);
    return store.revisions(id).stream()
        .map(r -> new RevisionInfo(r.revision(), r.author(), r.createdAt(), r.note(), r.title()))
        .toList();
  }

  public RevisionDiff diff(ContentType type, long id, int from, int to) {
    return diffs.between(from, revision(type, id, from), to, revision(type, id, to));
  }

  /** Every item, most recently changed first; {@code type} null for all types. */
  public List<ItemSummary> items(ContentType type) {
    List<ContentStore.ItemRow> rows = type == null ? store.allItems() : store.items(type);
    return rows.stream().map(this::summary).toList();
  }

  public ItemSummary summary(ContentType type, long id) {
    return summary(row(type, id));
  }

  /** Reviews of an item, newest first: who approved or sent back which revision, and why. */
  public List<ReviewNote> reviews(ContentType type, long id) {
    row(type, id);
    return store.reviews(id).stream()
        .map(
            r ->
                new ReviewNote(
                    r.revision(), r.reviewer(), r.decision(), r.comment(), r.createdAt()))
        .toList();
  }

  /**
   * A reviewer's decision on one revision.
   *
   * @param comment why it was sent back; may be null
   */
  public record ReviewNote(
      int revision, String reviewer, String decision, String comment, OffsetDateTime at) {}

  ContentStore.ItemRow row(ContentType type, long id) {
    return store
        .item(id)
        .filter(item -> item.type() == type)
        .orElseThrow(() -> ContentNotFound.forId(type, id));
  }

  private StaleRevision stale(ContentStore.ItemRow item, Integer base) {
    ContentStore.ItemRow current = store.item(item.id()).orElse(item);
    int from =
        base == null || base < 1 || base > current.latestRevision()
            ? current.latestRevision()
            : base;
    return StaleRevision.of(
        base == null ? 0 : base,
        current.latestRevision(),
        diff(item.type(), item.id(), from, current.latestRevision()));
  }

  void saveRevision(
      long id, int revision, String author, Content content, String note, OffsetDateTime now) {
    String fields = codec.write(content);
    store.insertRevision(
        new ContentStore.RevisionRow(
            id,
            revision,
            author,
            now,
            note == null || note.isBlank() ? null : clip(note.strip(), 500),
            clip(content.title(), 300),
            fields,
            ContentCodec.checksum(fields)));
    store.insertRevisionMedia(id, revision, MediaReferences.in(content));
  }

  ItemSummary summary(long id) {
    return summary(store.item(id).orElseThrow());
  }

  ItemSummary summary(ContentStore.ItemRow item) {
    ContentStore.RevisionRow latest =
        store.revision(item.id(), item.latestRevision()).orElseThrow();
    return summary(item, latest);
  }

  private static ItemSummary summary(ContentStore.ItemRow item, ContentStore.RevisionRow latest) {
    return new ItemSummary(
        item.id(),
        item.type(),
        item.lang(),
        item.slug(),
        item.translationGroup(),
        item.status(),
        item.latestRevision(),
        item.publishedRevision(),
        item.publishedAt(),
        latest.title(),
        latest.author(),
        item.updatedAt());
  }

  static String describe(ContentStore.ItemRow item) {
    return describe(item.type(), item.lang(), item.slug());
  }

  static String describe(ContentType type, String lang, String slug) {
    return type.key() + " " + lang + "/" + slug;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** A slug from an English title; for titles with no Latin letters, a dated one. */
  static String slugFor(Content content) {
    String title = content == null || content.title() == null ? "" : content.title();
    String ascii =
        Normalizer.normalize(title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 60) {
      ascii = ascii.substring(0, 60).replaceAll("-+$", "");
    }
    if (ascii.length() >= 3) {
      return ascii;
    }
    return "item-"
        + Long.toString(System.currentTimeMillis(), 36)
        + "-"
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
