package org.banyan.content;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.problem.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The autosave slots: what an author typed in an editor and has not saved yet, one slot per author
 * and editor, overwritten in place. A slot is only ever read by its author; it never becomes a
 * revision until the author saves the form.
 */
@Service
class Autosaves {

  /** The most a slot holds, as JSON. */
  static final int LIMIT = 1024 * 1024;

  private static final int MAX_FIELDS = 5000;
  private static final int MAX_NAME = 100;
  private static final List<String> NOT_KEPT = List.of("_csrf", "action");

  /** A slot's fields in form order, and when they were kept. */
  record Slot(MultiValueMap<String, String> fields, OffsetDateTime savedAt) {}

  private final JdbcClient db;
  private final JsonMapper json;
  private final Clock clock;

  Autosaves(JdbcClient db, JsonMapper json, Clock clock) {
    this.db = db;
    this.json = json;
    this.clock = clock;
  }

  /** The slot name of an editor: {@code lessons/12}, or {@code lessons/new} for a new item. */
  static String slot(ContentType type, Long id) {
    return type.path() + "/" + (id == null ? "new" : String.valueOf(id));
  }

  /** Keeps {@code fields} ({@code [name, value]} pairs) as the author's draft in the slot. */
  OffsetDateTime keep(String username, String slot, List<List<String>> fields) {
    List<List<String>> kept = new ArrayList<>();
    for (List<String> field : fields) {
      if (field == null
          || field.size() != 2
          || field.get(0) == null
          || field.get(1) == null
          || field.get(0).length() > MAX_NAME) {
        throw InvalidInput.of("fields", "invalid.autosave.fields");
      }
      if (!NOT_KEPT.contains(field.get(0))) {
        kept.add(List.of(field.get(0), field.get(1)));
      }
    }
    if (kept.size() > MAX_FIELDS) {
      throw InvalidInput.of("fields", "invalid.autosave.fields");
    }
    String text = json.writeValueAsString(kept);
    if (text.length() > LIMIT) {
      throw DraftTooLarge.over(LIMIT);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (update(username, slot, text, now) == 0) {
      try {
        db.sql(
                "INSERT INTO authoring_autosaves (username, slot, fields, saved_at)"
                    + " VALUES (:user, :slot, :fields, :now)")
            .param("user", username)
            .param("slot", slot)
            .param("fields", text)
            .param("now", now)
            .update();
      } catch (DuplicateKeyException keptMeanwhile) {
        update(username, slot, text, now);
      }
    }
    return now;
  }

  Optional<Slot> find(String username, String slot) {
    return db.sql(
            "SELECT fields, saved_at FROM authoring_autosaves WHERE username = :user AND slot = :slot")
        .param("user", username)
        .param("slot", slot)
        .query(
            (rs, n) ->
                new Slot(
                    fields(rs.getString("fields")), rs.getObject("saved_at", OffsetDateTime.class)))
        .optional();
  }

  void clear(String username, String slot) {
    db.sql("DELETE FROM authoring_autosaves WHERE username = :user AND slot = :slot")
        .param("user", username)
        .param("slot", slot)
        .update();
  }

  private int update(String username, String slot, String text, OffsetDateTime now) {
    return db.sql(
            "UPDATE authoring_autosaves SET fields = :fields, saved_at = :now"
                + " WHERE username = :user AND slot = :slot")
        .param("user", username)
        .param("slot", slot)
        .param("fields", text)
        .param("now", now)
        .update();
  }

  private MultiValueMap<String, String> fields(String text) {
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    for (List<String> pair : json.readValue(text, new TypeReference<List<List<String>>>() {})) {
      fields.add(pair.get(0), pair.get(1));
    }
    return fields;
  }
}
