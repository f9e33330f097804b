package org.banyan.content;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * What the editor page says of an author's unsaved draft: the offer to restore it, or the notice
 * that it was restored; and the form values a restore starts from.
 */
@Component
class Drafts {

  /** A kept draft as the page shows it. */
  public record Offer(String slot, String savedAt, long savedAtMillis) {}

  private final Autosaves autosaves;
  private final ContentForms forms;

  Drafts(Autosaves autosaves, ContentForms forms) {
    this.autosaves = autosaves;
    this.forms = forms;
  }

  static String shown(OffsetDateTime at) {
    return at.toLocalDateTime().withNano(0).toString().replace('T', ' ');
  }

  /** Puts the offer of a kept draft, if there is one, into the editor's model. */
  void offer(Model model, Principal principal, ContentType type, Long id) {
    autosaves
        .find(principal.getName(), Autosaves.slot(type, id))
        .ifPresent(kept -> model.addAttribute("draft", offer(type, id, kept)));
  }

  /** The form values of the author's kept draft; a draft that is not there is a 404. */
  Map<String, Object> restore(Model model, Principal principal, ContentType type, Long id) {
    return forms.echo(restoreFields(model, principal, type, id));
  }

  /**
   * The fields of the author's kept draft as the form posted them, for an editor that reads its own
   * post (the module editor); a draft that is not there is a 404.
   */
  MultiValueMap<String, String> restoreFields(
      Model model, Principal principal, ContentType type, Long id) {
    String slot = Autosaves.slot(type, id);
    Autosaves.Slot draft =
        autosaves.find(principal.getName(), slot).orElseThrow(() -> DraftNotFound.forSlot(slot));
    model.addAttribute("draft", offer(type, id, draft));
    model.addAttribute("restored", true);
    return draft.fields();
  }

  /** Forgets the draft once the author saved the form. */
  void saved(Principal principal, ContentType type, Long id) {
    autosaves.clear(principal.getName(), Autosaves.slot(type, id));
  }

  private static Offer offer(ContentType type, Long id, Autosaves.Slot kept) {
    return new Offer(
        Autosaves.slot(type, id), shown(kept.savedAt()), kept.savedAt().toInstant().toEpochMilli());
  }
}
