package org.banyan.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The schools teachers belong to. */
@Service
public class Schools {

  private final JdbcClient db;
  private final AuditLog audit;

  Schools(JdbcClient db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  public List<School> all() {
    return db.sql("SELECT id, name, county, province FROM schools ORDER BY province, county, name")
        .query(School.class)
        .list();
  }

  public Optional<School> find(long id) {
    return db.sql("SELECT id, name, county, province FROM schools WHERE id = :id")
        .param("id", id)
        .query(School.class)
        .optional();
  }

  /**
   * The school a form or request names, by id or exact name.
   *
   * @return empty when {@code reference} is null or blank
   * @throws InvalidInput when no school, or more than one, matches
   */
  public Optional<School> resolve(String field, String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    String wanted = reference.trim();
    if (wanted.matches("\\d{1,18}")) {
      Optional<School> byId = find(Long.parseLong(wanted));
      if (byId.isPresent()) {
        return byId;
      }
    }
    List<School> byName =
        db.sql("SELECT id, name, county, province FROM schools WHERE name = :name")
            .param("name", wanted)
            .query(School.class)
            .list();
    if (byName.size() == 1) {
      return Optional.of(byName.get(0));
    }
    throw InvalidInput.of(
        field, byName.isEmpty() ? "invalid.school.unknown" : "invalid.school.ambiguous", wanted);
  }

  @Transactional
  public School create(String actor, String name, String county, String province) {
    List<Violation> violations = new ArrayList<>();
    String cleanName = Violation.requiredText(violations, "name", name, 200);
    String cleanCounty = Violation.requiredText(violations, "county", county, 100);
    String cleanProvince = Violation.requiredText(violations, "province", province, 100);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    KeyHolder key = new GeneratedKeyHolder();
    try {
      db.sql(
              """
              INSERT INTO schools (name, county, province, created_at)
              VALUES (:name, :county, :province, :now)
              """)
          .param("name", cleanName)
          .param("county", cleanCounty)
          .param("province", cleanProvince)
          .param("now", OffsetDateTime.now(ZoneOffset.UTC))
          .update(key, "id");
    } catch (DuplicateKeyException e) {
      throw InvalidInput.of("name", "invalid.school.duplicate");
    }
    School school = new School(key.getKey().longValue(), cleanName, cleanCounty, cleanProvince);
    audit.record(actor, "SCHOOL_CREATED", cleanName, cleanCounty + ", " + cleanProvince);
    return school;
  }
}
