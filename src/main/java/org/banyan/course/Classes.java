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
import org.banyan.content.Authoring;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.content.CourseContent;
import org.banyan.content.PublishedItem;
import org.banyan.web.InvalidInput;
import org.banyan.web.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's classes and the course each follows: which lessons are done, what comes next. A
 * teacher only ever sees their own classes; another's is "not found".
 */
@Service
public class Classes {

  record ClassRow(
      long id,
      String owner,
      String name,
      int grade,
      int pupils,
      long courseItemId,
      String courseLang,
      String courseSlug,
      int courseRevision,
      String schoolName,
      String county,
      OffsetDateTime createdAt) {}

  record DeliveryRow(
      long id,
      long classId,
      String lessonSlug,
      LocalDate deliveredOn,
      Integer minutes,
      Integer rating,
      String notes,
      OffsetDateTime createdAt) {}

  private static final String CLASS =
      "SELECT id, owner, name, grade, pupils, course_item_id, course_lang, course_slug, course_revision,"
          + " school_name, county, created_at FROM classes";

  private final JdbcClient db;
  private final Catalog catalog;
  private final Authoring authoring;
  private final Accounts accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ZoneId zone;

  Classes(
      JdbcClient db,
      Catalog catalog,
      Authoring authoring,
      Accounts accounts,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${banyan.time-zone:Asia/Shanghai}") String zone) {
    this.db = db;
    this.catalog = catalog;
    this.authoring = authoring;
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
    KeyHolder key = new GeneratedKeyHolder();
    db.sql(
            """
            INSERT INTO classes (owner, name, grade, pupils, course_item_id, course_lang, course_slug,
                                 course_revision, school_name, county, created_at)
            VALUES (:owner, :name, :grade, :pupils, :item, :lang, :slug, :revision, :school, :county, :now)
            """)
        .param("owner", owner)
        .param("name", name)
        .param("grade", request.grade())
        .param("pupils", request.pupils())
        .param("item", course.id())
        .param("lang", course.lang())
        .param("slug", course.slug())
        .param("revision", course.revision())
        .param("school", school == null ? null : school.name())
        .param("county", school == null ? null : school.county())
        .param("now", now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  public List<ClassDetail> mine(String owner) {
    return db
        .sql(CLASS + " WHERE owner = :owner ORDER BY created_at, id")
        .param("owner", owner)
        .query(ClassRow.class)
        .list()
        .stream()
        .map(this::detail)
        .toList();
  }

  public ClassDetail get(String owner, long id) {
    return detail(row(owner, id));
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
    ClassRow row = row(owner, id);
    CourseContent course = course(row);
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
      db.sql(
              """
              INSERT INTO deliveries (class_id, lesson_slug, delivered_on, minutes, rating, notes, created_at)
              VALUES (:class, :lesson, :on, :minutes, :rating, :notes, :now)
              """)
          .param("class", id)
          .param("lesson", delivery.lessonSlug())
          .param("on", date)
          .param("minutes", delivery.minutes())
          .param("rating", delivery.rating())
          .param("notes", notes)
          .param("now", now())
          .update();
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
    int removed =
        db.sql("DELETE FROM deliveries WHERE class_id = :class AND lesson_slug = :lesson")
            .param("class", id)
            .param("lesson", lessonSlug)
            .update();
    if (removed == 0) {
      throw DeliveryNotFound.lesson(lessonSlug);
    }
  }

  /** Moves the class to the course's current published revision; its marks are kept. */
  @Transactional
  public void switchToLatest(String owner, long id) {
    ClassRow row = row(owner, id);
    PublishedItem latest =
        catalog
            .find(ContentType.COURSE, row.courseLang(), row.courseSlug())
            .orElseThrow(() -> InvalidInput.of("course", "invalid.class.course"));
    db.sql("UPDATE classes SET course_revision = :revision WHERE id = :id")
        .param("revision", latest.revision())
        .param("id", id)
        .update();
  }

  /**
   * Every time {@code teacher} marked {@code lessonSlug} as taught with a class following a course
   * in {@code lang}, earliest first; for features that follow deliveries and must catch up with
   * ones made before they started to listen.
   */
  public List<LessonDelivered> deliveriesOf(String teacher, String lang, String lessonSlug) {
    return db.sql(
            """
            SELECT c.id, c.course_lang, d.lesson_slug, d.delivered_on, d.rating
            FROM deliveries d JOIN classes c ON c.id = d.class_id
            WHERE c.owner = :owner AND c.course_lang = :lang AND d.lesson_slug = :lesson
            ORDER BY d.delivered_on, d.id
            """)
        .param("owner", teacher)
        .param("lang", lang)
        .param("lesson", lessonSlug)
        .query(
            (rs, n) ->
                new LessonDelivered(
                    rs.getLong("id"),
                    teacher,
                    rs.getString("course_lang"),
                    rs.getString("lesson_slug"),
                    rs.getObject("delivered_on", LocalDate.class),
                    (Integer) rs.getObject("rating")))
        .list();
  }

  /**
   * Per county, school and course: classes, lessons delivered, and delivered in the last 30 days.
   */
  public List<ReportLine> report() {
    LocalDate since = today().minusDays(30);
    return db.sql(
            """
            SELECT c.county, c.school_name, c.course_lang, c.course_slug,
                   count(DISTINCT c.id) AS classes,
                   count(d.id) AS delivered,
                   count(d.id) FILTER (WHERE d.delivered_on > :since) AS recent
            FROM classes c LEFT JOIN deliveries d ON d.class_id = c.id
            GROUP BY c.county, c.school_name, c.course_lang, c.course_slug
            ORDER BY c.county, c.school_name, c.course_lang, c.course_slug
            """)
        .param("since", since)
        .query(
            (rs, n) ->
                new ReportLine(
                    rs.getString("county"),
                    rs.getString("school_name"),
                    rs.getString("course_lang"),
                    rs.getString("course_slug"),
                    catalog
                        .find(
                            ContentType.COURSE,
                            rs.getString("course_lang"),
                            rs.getString("course_slug"))
                        .map(p -> p.content().title())
                        .orElse(rs.getString("course_slug")),
                    rs.getLong("classes"),
                    rs.getLong("delivered"),
                    rs.getLong("recent")))
        .list();
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

  private ClassRow row(String owner, long id) {
    return db.sql(CLASS + " WHERE id = :id AND owner = :owner")
        .param("id", id)
        .param("owner", owner)
        .query(ClassRow.class)
        .optional()
        .orElseThrow(() -> ClassNotFound.forId(id));
  }

  private CourseContent course(ClassRow row) {
    return (CourseContent)
        authoring.revision(ContentType.COURSE, row.courseItemId(), row.courseRevision());
  }

  private ClassDetail detail(ClassRow row) {
    CourseContent course = course(row);
    Map<String, DeliveryRow> done = new HashMap<>();
    db.sql(
            "SELECT id, class_id, lesson_slug, delivered_on, minutes, rating, notes, created_at FROM deliveries WHERE class_id = :id")
        .param("id", row.id())
        .query(DeliveryRow.class)
        .list()
        .forEach(d -> done.put(d.lessonSlug(), d));
    List<ClassDetail.LessonState> lessons = new ArrayList<>();
    int position = 0;
    int delivered = 0;
    ClassDetail.NextLesson next = null;
    for (CourseContent.Unit unit : course.units()) {
      for (String slug : unit.lessons()) {
        position++;
        String title =
            catalog
                .find(ContentType.LESSON, row.courseLang(), slug)
                .map(p -> p.content().title())
                .orElse(slug);
        DeliveryRow mark = done.get(slug);
        if (mark != null) {
          delivered++;
        } else if (next == null) {
          next = new ClassDetail.NextLesson(slug, title);
        }
        lessons.add(
            new ClassDetail.LessonState(
                position,
                slug,
                title,
                unit.title(),
                unit.week(),
                mark != null,
                mark == null ? null : mark.deliveredOn(),
                mark == null ? null : mark.minutes(),
                mark == null ? null : mark.rating(),
                mark == null ? null : mark.notes()));
      }
    }
    int total = lessons.size();
    Integer newer =
        catalog
            .find(ContentType.COURSE, row.courseLang(), row.courseSlug())
            .map(PublishedItem::revision)
            .filter(revision -> revision > row.courseRevision())
            .orElse(null);
    return new ClassDetail(
        row.id(),
        row.name(),
        row.grade(),
        row.pupils(),
        new ClassDetail.CourseRef(
            row.courseSlug(), row.courseLang(), course.title(), row.courseRevision()),
        total,
        delivered,
        total == 0 ? 0 : Math.round(100f * delivered / total),
        next,
        lessons,
        newer);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
