package org.banyan.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The users table and its roles. */
@Repository
class Users {

  private static final String SELECT =
      """
      SELECT u.id, u.username, u.display_name, u.enabled, u.created_at,
             s.id AS school_id, s.name AS school_name, s.county, s.province,
             (SELECT string_agg(r.role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
      FROM users u LEFT JOIN schools s ON s.id = u.school_id
      """;

  private final JdbcClient db;

  Users(JdbcClient db) {
    this.db = db;
  }

  long count() {
    return db.sql("SELECT count(*) FROM users").query(Long.class).single();
  }

  Optional<User> find(String username) {
    return db.sql(SELECT + " WHERE u.username = :username")
        .param("username", username)
        .query(Users::user)
        .optional();
  }

  List<User> all() {
    return db.sql(SELECT + " ORDER BY u.username").query(Users::user).list();
  }

  /**
   * What a signed-in session must still match on each request.
   *
   * @param credentialsVersion raised by every password change and by disabling the user
   */
  record SignInState(
      boolean enabled, int credentialsVersion, boolean mustChangePassword, Set<Role> roles) {}

  Optional<SignInState> signInState(String username) {
    return db.sql(
            """
            SELECT u.enabled, u.credentials_version, u.must_change_password,
                   (SELECT string_agg(r.role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
            FROM users u WHERE u.username = :username
            """)
        .param("username", username)
        .query(
            (rs, row) ->
                new SignInState(
                    rs.getBoolean("enabled"),
                    rs.getInt("credentials_version"),
                    rs.getBoolean("must_change_password"),
                    roles(rs.getString("roles"))))
        .optional();
  }

  Optional<String> passwordHash(String username) {
    return db.sql("SELECT password_hash FROM users WHERE username = :username")
        .param("username", username)
        .query(String.class)
        .optional();
  }

  long insert(
      String username,
      String displayName,
      String passwordHash,
      Long schoolId,
      Set<Role> roles,
      OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    db.sql(
            """
            INSERT INTO users (username, display_name, password_hash, school_id, enabled, created_at)
            VALUES (:username, :displayName, :hash, :school, TRUE, :now)
            """)
        .param("username", username)
        .param("displayName", displayName)
        .param("hash", passwordHash)
        .param("school", schoolId)
        .param("now", now)
        .update(key, "id");
    long id = key.getKey().longValue();
    replaceRoles(id, roles);
    return id;
  }

  void update(long id, String displayName, Long schoolId, Set<Role> roles) {
    db.sql("UPDATE users SET display_name = :displayName, school_id = :school WHERE id = :id")
        .param("displayName", displayName)
        .param("school", schoolId)
        .param("id", id)
        .update();
    replaceRoles(id, roles);
  }

  /** Disabling also ends the user's sessions. */
  void setEnabled(long id, boolean enabled) {
    db.sql(
            """
            UPDATE users SET enabled = :enabled, credentials_version = credentials_version + 1
            WHERE id = :id
            """)
        .param("enabled", enabled)
        .param("id", id)
        .update();
  }

  /** Sets a password and ends the user's other sessions. */
  void setPasswordHash(long id, String hash, boolean mustChange) {
    db.sql(
            """
            UPDATE users SET password_hash = :hash, must_change_password = :mustChange,
                             credentials_version = credentials_version + 1
            WHERE id = :id
            """)
        .param("hash", hash)
        .param("mustChange", mustChange)
        .param("id", id)
        .update();
  }

  private void replaceRoles(long id, Set<Role> roles) {
    db.sql("DELETE FROM user_roles WHERE user_id = :id").param("id", id).update();
    for (Role role : roles) {
      db.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, :role)")
          .param("id", id)
          .param("role", role.name())
          .update();
    }
  }

  private static Set<Role> roles(String names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names != null) {
      Arrays.stream(names.split(","))
          .map(Role::named)
          .flatMap(Optional::stream)
          .forEach(roles::add);
    }
    return Set.copyOf(roles);
  }

  private static User user(ResultSet rs, int row) throws SQLException {
    Set<Role> roles = roles(rs.getString("roles"));
    long schoolId = rs.getLong("school_id");
    School school =
        rs.wasNull()
            ? null
            : new School(
                schoolId,
                rs.getString("school_name"),
                rs.getString("county"),
                rs.getString("province"));
    return new User(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        roles,
        school,
        rs.getBoolean("enabled"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
