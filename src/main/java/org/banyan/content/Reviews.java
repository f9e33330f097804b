package org.banyan.content;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.banyan.account.AuditLog;
import org.banyan.problem.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow: submit, publish, reject with a comment, archive. A decision applies to the
 * revision the reviewer read, never to one saved since; a reviewer never publishes changes they
 * wrote themselves since the last published revision. Every step goes to the audit log; publishing
 * and archiving announce themselves after commit.
 */
@Service
class Reviews {

  private final ContentStore store;
  private final Authoring authoring;
  private final Catalog catalog;
  private final ApplicationEventPublisher events;
  private final CatalogChanges changes;
  private final AuditLog audit;
  private final Clock clock;

  Reviews(
      ContentStore store,
      Authoring authoring,
      Catalog catalog,
      ApplicationEventPublisher events,
      CatalogChanges changes,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.authoring = authoring;
    this.catalog = catalog;
    this.events = events;
    this.changes = changes;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public ItemSummary submit(ContentType type, long id, String actor) {
    ContentStore.ItemRow item = authoring.row(type, id);
    if (item.status() != Status.DRAFT
        || !store.transition(id, Status.DRAFT, item.latestRevision(), Status.IN_REVIEW, now())) {
      throw StepNotAllowed.from("submit", item.status());
    }
    audit.record(
        actor, "CONTENT_SUBMITTED", Authoring.describe(item), "revision " + item.latestRevision());
    return authoring.summary(id);
  }

  /**
   * Publishes the revision under review.
   *
   * @param read the revision the reviewer read; null for whichever is latest
   * @throws RevisionMovedOn when {@code read} is no longer the latest revision
   * @throws OwnRevision when the reviewer wrote any revision since the last published one
   * @throws StepNotAllowed when the item is not in review, or a course or module needs lessons that
   *     are not published
   */
  @Transactional
  public ItemSummary publish(ContentType type, long id, String reviewer, Integer read) {
    ContentStore.ItemRow item = authoring.row(type, id);
    int revision = revisionRead(item, read, "published");
    if (item.status() != Status.IN_REVIEW) {
      throw StepNotAllowed.from("publish", item.status());
    }
    if (store.wroteSincePublished(id, revision, reviewer)) {
      throw OwnRevision.create();
    }
    Content content = authoring.revision(type, id, revision);
    requirePublishedLessons(item.lang(), content);
    LocalDate reviewBy = content instanceof LessonContent lesson ? lesson.reviewBy() : null;
    if (!store.publish(id, revision, reviewBy, now())) {
      throw StepNotAllowed.because("The item changed while it was being published; reload it");
    }
    store.insertReview(id, revision, reviewer, "APPROVED", null, now());
    audit.record(reviewer, "CONTENT_PUBLISHED", Authoring.describe(item), "revision " + revision);
    changes.itemChanged(id);
    events.publishEvent(ContentPublished.of(catalog.published(id).orElseThrow()));
    return authoring.summary(id);
  }

  /**
   * Sends the revision under review back to its author as a draft, saying why.
   *
   * @param read the revision the reviewer read; null for whichever is latest
   * @throws RevisionMovedOn when {@code read} is no longer the latest revision
   */
  @Transactional
  public ItemSummary reject(
      ContentType type, long id, String reviewer, String comment, Integer read) {
    if (comment == null || comment.isBlank()) {
      throw InvalidInput.of("comment", "invalid.required");
    }
    if (comment.length() > 2000) {
      throw InvalidInput.of("comment", "invalid.tooLong", 2000);
    }
    ContentStore.ItemRow item = authoring.row(type, id);
    int revision = revisionRead(item, read, "sent back");
    if (item.status() != Status.IN_REVIEW
        || !store.transition(id, Status.IN_REVIEW, revision, Status.DRAFT, now())) {
      throw StepNotAllowed.from("reject", item.status());
    }
    store.insertReview(id, revision, reviewer, "REJECTED", comment.strip(), now());
    audit.record(reviewer, "CONTENT_REJECTED", Authoring.describe(item), comment.strip());
    return authoring.summary(id);
  }

  /**
   * Whether {@code user} wrote any revision of the item since its last published one, and so may
   * not publish it.
   */
  public boolean wroteUnpublishedRevision(ContentType type, long id, String user) {
    ContentStore.ItemRow item = authoring.row(type, id);
    return store.wroteSincePublished(id, item.latestRevision(), user);
  }

  /** Takes a published item off the catalog; its revisions are kept. */
  @Transactional
  public ItemSummary archive(ContentType type, long id, String actor) {
    ContentStore.ItemRow item = authoring.row(type, id);
    if (item.publishedRevision() == null
        || item.status() == Status.ARCHIVED
        || !store.archive(id, now())) {
      throw StepNotAllowed.from("archive", item.status());
    }
    audit.record(actor, "CONTENT_ARCHIVED", Authoring.describe(item), null);
    changes.itemChanged(id);
    events.publishEvent(new ContentArchived(id, type, item.lang(), item.slug()));
    return authoring.summary(id);
  }

  /** What waits for a reviewer: items in review, then published lessons past their review date. */
  public Queue queue() {
    LocalDate today = LocalDate.now(clock);
    return new Queue(
        store.inReview().stream().map(authoring::summary).toList(),
        store.dueForReReview(today).stream().map(authoring::summary).toList());
  }

  /**
   * The review queue.
   *
   * @param dueForReReview published items whose review-by date has passed
   */
  public record Queue(List<ItemSummary> inReview, List<ItemSummary> dueForReReview) {}

  private void requirePublishedLessons(String lang, Content content) {
    List<String> slugs = List.of();
    if (content instanceof CourseContent course) {
      slugs = course.lessonSlugs();
    } else if (content instanceof ModuleContent module) {
      slugs =
          module.units().stream()
              .filter(u -> u.type() == UnitType.PRACTICE)
              .map(u -> ((ModuleContent.Practice) u).lessonSlug())
              .toList();
    }
    List<String> missing =
        slugs.stream()
            .filter(slug -> catalog.find(ContentType.LESSON, lang, slug).isEmpty())
            .flatMap(Stream::of)
            .toList();
    if (!missing.isEmpty()) {
      throw StepNotAllowed.because("Publish these lessons first: " + String.join(", ", missing));
    }
  }

  /** The revision a decision applies to: the one the reviewer read, which must be the latest. */
  private static int revisionRead(ContentStore.ItemRow item, Integer read, String step) {
    if (read != null && read != item.latestRevision()) {
      throw RevisionMovedOn.since(step, read, item.latestRevision());
    }
    return item.latestRevision();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
