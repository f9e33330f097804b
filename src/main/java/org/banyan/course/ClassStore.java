package org.banyan.course;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of classes and their deliveries. */
@Component
class ClassStore {

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

  /** A line of the report before the course's title is looked up. */
  record ReportRow(
      String county,
      String schoolName,
      String courseLang,
      String courseSlug,
      long classes,
      long delivered,
      long recent) {}

  private final JdbcClient db;

  ClassStore(JdbcClient db) {
    this.db = db;
  }

  /** Records a class; its id. */
  long insert(
      String owner,
      String name,
      int grade,
      int pupils,
      org.banyan.content.PublishedItem course,
      org.banyan.account.School school,
      OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    db.sql(
            """
            INSERT INTO classes (owner, name, grade, pupils, course_item_id, course_lang, course_slug,
                                 course_revision, school_name, county, created_at)
            VALUES (:owner, :name, :grade, :pupils, :item, :lang, :slug, :revision, :school, :county, :now)
            """)
        .param("owner", owner)
        .param("name", name)
        .param("grade", grade)
        .param("pupils", pupils)
        .param("item", course.id())
        .param("lang", course.lang())
        .param("slug", course.slug())
        .param("revision", course.revision())
        .param("school", school == null ? null : school.name())
        .param("county", school == null ? null : school.county())
        .param("now", now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The owner's classes, oldest first. */
  List<ClassRow> classesOf(String owner) {
    return db.sql(CLASS + " WHERE owner = :owner ORDER BY created_at, id")
        .param("owner", owner)
        .query(ClassRow.class)
        .list();
  }

  /** The class, if {@code owner} has it. */
  Optional<ClassRow> find(String owner, long id) {
    return db.sql(CLASS + " WHERE id = :id AND owner = :owner")
        .param("id", id)
        .param("owner", owner)
        .query(ClassRow.class)
        .optional();
  }

  List<DeliveryRow> deliveries(long classId) {
    return db.sql(
            "SELECT id, class_id, lesson_slug, delivered_on, minutes, rating, notes, created_at"
                + " FROM deliveries WHERE class_id = :id")
        .param("id", classId)
        .query(DeliveryRow.class)
        .list();
  }

  /**
   * Records a delivery.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the lesson is marked already
   */
  void insertDelivery(
      long classId,
      String lessonSlug,
      LocalDate on,
      Integer minutes,
      Integer rating,
      String notes,
      OffsetDateTime now) {
    db.sql(
            """
            INSERT INTO deliveries (class_id, lesson_slug, delivered_on, minutes, rating, notes, created_at)
            VALUES (:class, :lesson, :on, :minutes, :rating, :notes, :now)
            """)
        .param("class", classId)
        .param("lesson", lessonSlug)
        .param("on", on)
        .param("minutes", minutes)
        .param("rating", rating)
        .param("notes", notes)
        .param("now", now)
        .update();
  }

  /** Deletes a delivery; whether there was one. */
  boolean deleteDelivery(long classId, String lessonSlug) {
    return db.sql("DELETE FROM deliveries WHERE class_id = :class AND lesson_slug = :lesson")
            .param("class", classId)
            .param("lesson", lessonSlug)
            .update()
        > 0;
  }

  void setRevision(long classId, int revision) {
    db.sql("UPDATE classes SET course_revision = :revision WHERE id = :id")
        .param("revision", revision)
        .param("id", classId)
        .update();
  }

  /**
   * Every time the teacher marked the lesson taught with a class in {@code lang}, earliest first.
   */
  List<LessonDelivered> deliveriesOf(String teacher, String lang, String lessonSlug) {
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

  /** Per county, school and course: classes, deliveries, and deliveries after {@code since}. */
  List<ReportRow> report(LocalDate since) {
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
        .query(ReportRow.class)
        .list();
  }
}
