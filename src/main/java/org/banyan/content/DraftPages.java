package org.banyan.content;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.banyan.problem.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editors' autosave: the script posts the form's fields here every few seconds and when the tab
 * is hidden or closed, with the page's CSRF token; an author may discard what was kept. Each author
 * reaches only their own slot.
 */
@Controller
@PreAuthorize("hasRole('AUTHOR')")
class DraftPages {

  private static final String EDITOR = "/authoring/{type:lessons|courses|modules}/{id:new|\\d+}";

  /** The fields of the form as {@code [name, value]} pairs, in form order. */
  record Kept(List<List<String>> fields) {}

  /** When the draft was kept, as an instant and as the page shows it. */
  record KeptAt(String savedAt, long savedAtMillis) {
    static KeptAt of(OffsetDateTime at) {
      return new KeptAt(Drafts.shown(at), at.toInstant().toEpochMilli());
    }
  }

  private final Authoring authoring;
  private final Autosaves autosaves;
  private final JsonMapper json;

  DraftPages(Authoring authoring, Autosaves autosaves, JsonMapper json) {
    this.authoring = authoring;
    this.autosaves = autosaves;
    this.json = json;
  }

  @PostMapping(EDITOR + "/autosave")
  @ResponseBody
  ResponseEntity<KeptAt> keep(
      @PathVariable String type,
      @PathVariable String id,
      HttpServletRequest request,
      Principal principal)
      throws IOException {
    String slot = slot(type, id);
    if (request.getContentLengthLong() > Autosaves.LIMIT) {
      throw DraftTooLarge.over(Autosaves.LIMIT);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(Autosaves.LIMIT + 1);
    }
    if (body.length > Autosaves.LIMIT) {
      throw DraftTooLarge.over(Autosaves.LIMIT);
    }
    Kept kept;
    try {
      kept = json.readValue(body, Kept.class);
    } catch (JacksonException e) {
      throw InvalidInput.of("fields", "invalid.autosave.fields");
    }
    if (kept == null || kept.fields() == null) {
      throw InvalidInput.of("fields", "invalid.autosave.fields");
    }
    return ResponseEntity.ok(KeptAt.of(autosaves.keep(principal.getName(), slot, kept.fields())));
  }

  @PostMapping(EDITOR + "/autosave/discard")
  String discard(@PathVariable String type, @PathVariable String id, Principal principal) {
    autosaves.clear(principal.getName(), slot(type, id));
    return "redirect:/authoring/" + type + "/" + id + "?discarded";
  }

  /** The slot of an editor that exists: a new item's form, or an item there is. */
  private String slot(String type, String id) {
    ContentType contentType = AuthoringApi.type(type);
    if (id.equals("new")) {
      return Autosaves.slot(contentType, null);
    }
    long itemId;
    try {
      itemId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ContentNotFound.forId(contentType, -1);
    }
    authoring.summary(contentType, itemId);
    return Autosaves.slot(contentType, itemId);
  }
}
