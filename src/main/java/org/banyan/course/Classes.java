package org.banyan.course;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.banyan.account.Accounts;
import org.banyan.account.School;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.content.CourseContent;
import org.banyan.content.PublishedItem;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's classes and the course each follows: which lessons are done, what comes next. A
 * teacher only ever sees their own classes; another's is "not found".
 */
@Service
public class Classes {

  private final ClassStore store;
  private final ClassViews views;
  private final Catalog catalog;
  private final Accounts accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ZoneId zone;

  Classes(
      ClassStore store,
      ClassViews views,
      Catalog catalog,
      Accounts accounts,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${banyan.time-zone:Asia/Shanghai}") String zone) {
    this.store = store;
    this.views = views;
    this.catalog = catalog;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /** Today where the schools are, so that "not in the future" means what a teacher expects. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  @Transactional
  public long create(String owner, NewClass request) {
    List<Violation> violations = new ArrayList<>();
    String name = Violation.requiredText(violations, "name", request.name(), 100);
    if (request.grade() == null || request.grade() < 1 || request.grade() > 9) {
      violations.add(Violation.of("grade", "invalid.grades.range"));
    }
    if (request.pupils() == null || request.pupils() < 1 || request.pupils() > 200) {
      violations.add(Violation.of("pupils", "invalid.class.pupils"));
    }
    PublishedItem course = null;
    if (request.courseSlug() == null || request.courseSlug().isBlank() || request.lang() == null) {
      violations.add(Violation.of("courseSlug", "invalid.class.course"));
    } else {
      course =
          catalog
              .find(ContentType.COURSE, request.lang(), request.courseSlug().strip())
              .orElse(null);
      if (course == null) {
        violations.add(Violation.of("courseSlug", "invalid.class.course"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    School school = accounts.find(owner).map(u -> u.school()).orElse(null);
    return store.insert(owner, name, request.grade(), request.pupils(), course, school, now());
  }

  public List<ClassDetail> mine(String owner) {
    return store.classesOf(owner).stream().map(views::detail).toList();
  }

  public ClassDetail get(String owner, long id) {
    return views.detail(row(owner, id));
  }

  /**
   * Marks a lesson as taught.
   *
   * @throws InvalidInput a lesson not in the course, a missing or future date, bad numbers
   * @throws PersonalDataSuspected notes that look like personal data, without confirmation
   * @throws AlreadyDelivered when the lesson is marked already
   */
  @Transactional
  public void deliver(String owner, long id, Delivery delivery) {
    ClassStore.ClassRow row = row(owner, id);
    CourseContent course = views.course(row);
    List<Violation> violations = new ArrayList<>();
    if (delivery.lessonSlug() == null || !course.lessonSlugs().contains(delivery.lessonSlug())) {
      violations.add(Violation.of("lessonSlug", "invalid.class.lesson"));
    }
    LocalDate date = null;
    try {
      date =
          delivery.deliveredOn() == null ? null : LocalDate.parse(delivery.deliveredOn().strip());
    } catch (DateTimeParseException e) {
      violations.add(Violation.of("deliveredOn", "invalid.date"));
    }
    if (date == null && violations.stream().noneMatch(v -> v.field().equals("deliveredOn"))) {
      violations.add(Violation.of("deliveredOn", "invalid.required"));
    } else if (date != null && date.isAfter(today())) {
      violations.add(Violation.of("deliveredOn", "invalid.class.future"));
    }
    if (delivery.minutes() != null && (delivery.minutes() < 1 || delivery.minutes() > 240)) {
      violations.add(Violation.of("minutes", "invalid.duration"));
    }
    if (delivery.rating() != null && (delivery.rating() < 1 || delivery.rating() > 5)) {
      violations.add(Violation.of("rating", "invalid.class.rating"));
    }
    String notes =
        delivery.notes() == null || delivery.notes().isBlank() ? null : delivery.notes().strip();
    if (notes != null && notes.length() > 1000) {
      violations.add(Violation.of("notes", "invalid.tooLong", 1000));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    if (!Boolean.TRUE.equals(delivery.confirmPersonalData())) {
      PersonalData.suspect(notes)
          .ifPresent(
              code -> {
                throw PersonalDataSuspected.because(code);
              });
    }
    try {
      store.insertDelivery(
          id, delivery.lessonSlug(), date, delivery.minutes(), delivery.rating(), notes, now());
    } catch (DuplicateKeyException e) {
      throw AlreadyDelivered.lesson(delivery.lessonSlug());
    }
    // Stored with this transaction by the event publication registry, handled after it commits.
    events.publishEvent(
        new LessonDelivered(
            id, owner, row.courseLang(), delivery.lessonSlug(), date, delivery.rating()));
  }

  /** Takes a mark back. */
  @Transactional
  public void undo(String owner, long id, String lessonSlug) {
    row(owner, id);
    if (!store.deleteDelivery(id, lessonSlug)) {
      throw DeliveryNotFound.lesson(lessonSlug);
    }
  }

  /** Moves the class to the course's current published revision; its marks are kept. */
  @Transactional
  public void switchToLatest(String owner, long id) {
    ClassStore.ClassRow row = row(owner, id);
    PublishedItem latest =
        catalog
            .find(ContentType.COURSE, row.courseLang(), row.courseSlug())
            .orElseThrow(() -> InvalidInput.of("course", "invalid.class.course"));
    store.setRevision(id, latest.revision());
  }

  /**
   * Every time {@code teacher} marked {@code lessonSlug} as taught with a class following a course
   * in {@code lang}, earliest first; for features that follow deliveries and must catch up with
   * ones made before they started to listen.
   */
  public List<LessonDelivered> deliveriesOf(String teacher, String lang, String lessonSlug) {
    return store.deliveriesOf(teacher, lang, lessonSlug);
  }

  /**
   * Per county, school and course: classes, lessons delivered, and delivered in the last 30 days.
   */
  public List<ReportLine> report() {
    Map<String, String> titles = new HashMap<>();
    return store.report(today().minusDays(30)).stream()
        .map(
            r ->
                new ReportLine(
                    r.county(),
                    r.schoolName(),
                    r.courseLang(),
                    r.courseSlug(),
                    titles.computeIfAbsent(
                        r.courseLang() + "/" + r.courseSlug(),
                        key -> views.courseTitle(r.courseLang(), r.courseSlug())),
                    r.classes(),
                    r.delivered(),
                    r.recent()))
        .toList();
  }

  /**
   * One line of the progress report.
   *
   * @param county null for teachers without a school
   */
  public record ReportLine(
      String county,
      String school,
      String lang,
      String courseSlug,
      String courseTitle,
      long classes,
      long delivered,
      long deliveredLast30Days) {}

  private ClassStore.ClassRow row(String owner, long id) {
    return store.find(owner, id).orElseThrow(() -> ClassNotFound.forId(id));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
