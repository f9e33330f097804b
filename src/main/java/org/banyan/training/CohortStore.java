package org.banyan.training;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of cohorts and their members. */
@Component
class CohortStore {

  record CohortRow(long id, String trainer, String name, OffsetDateTime createdAt) {}

  record Member(long cohortId, String username) {}

  private static final String COHORT = "SELECT id, trainer, name, created_at FROM training_cohorts";

  private final JdbcClient db;
  private final Inserts inserts;
  private final TrainingTime time;

  CohortStore(JdbcClient db, Inserts inserts, TrainingTime time) {
    this.db = db;
    this.inserts = inserts;
    this.time = time;
  }

  long insert(String trainer, String name) {
    KeyHolder key = new GeneratedKeyHolder();
    db.sql(
            "INSERT INTO training_cohorts (trainer, name, created_at) VALUES (:trainer, :name, :now)")
        .param("trainer", trainer)
        .param("name", name)
        .param("now", time.now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Adds a member unless they are one already; whether this call did. */
  boolean addMember(long cohort, String username) {
    return inserts.ifAbsent(
        () ->
            db.sql(
                    """
                    INSERT INTO training_cohort_members (cohort_id, username, added_at)
                    VALUES (:cohort, :username, :now)
                    """)
                .param("cohort", cohort)
                .param("username", username)
                .param("now", time.now())
                .update());
  }

  /** Takes a member out; whether they were one. */
  boolean removeMember(long cohort, String username) {
    return db.sql(
                "DELETE FROM training_cohort_members WHERE cohort_id = :id AND username = :username")
            .param("id", cohort)
            .param("username", username)
            .update()
        > 0;
  }

  /** The assignments the teacher had through the cohort stop being theirs. */
  void removeAssignee(long cohort, String username) {
    db.sql("DELETE FROM training_assignees WHERE via_cohort_id = :id AND username = :username")
        .param("id", cohort)
        .param("username", username)
        .update();
  }

  /** The cohort's assignments that still stand. */
  List<Long> standingAssignments(long cohort) {
    return db.sql(
            "SELECT id FROM training_assignments WHERE cohort_id = :cohort AND withdrawn_at IS NULL")
        .param("cohort", cohort)
        .query(Long.class)
        .list();
  }

  void rename(long id, String name) {
    db.sql("UPDATE training_cohorts SET name = :name WHERE id = :id")
        .param("name", name)
        .param("id", id)
        .update();
  }

  /** Every cohort, or those {@code trainer} made when not null; by name. */
  List<CohortRow> all(String trainer) {
    return trainer == null
        ? db.sql(COHORT + " ORDER BY name, id").query(CohortRow.class).list()
        : db.sql(COHORT + " WHERE trainer = :trainer ORDER BY name, id")
            .param("trainer", trainer)
            .query(CohortRow.class)
            .list();
  }

  Optional<CohortRow> find(long id) {
    return db.sql(COHORT + " WHERE id = :id").param("id", id).query(CohortRow.class).optional();
  }

  List<String> usernames(long id) {
    return db.sql(
            "SELECT username FROM training_cohort_members WHERE cohort_id = :id ORDER BY username")
        .param("id", id)
        .query(String.class)
        .list();
  }

  /** The members of the cohorts, by username. */
  List<Member> members(List<Long> cohorts) {
    return cohorts.isEmpty()
        ? List.of()
        : db.sql(
                "SELECT cohort_id, username FROM training_cohort_members WHERE cohort_id IN (:ids)"
                    + " ORDER BY username")
            .param("ids", cohorts)
            .query(Member.class)
            .list();
  }
}
