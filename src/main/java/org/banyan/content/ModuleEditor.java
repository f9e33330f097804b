package org.banyan.content;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.ProblemException;
import org.banyan.problem.Violation;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The training module editor: units added, removed, moved and typed in a form, without YAML. Every
 * button posts the whole form; only {@code save} stores a revision, every other action shows the
 * form again as typed, changed as the button asked. A file chosen for a media unit is uploaded with
 * whatever button is pressed. What an author types is kept in an autosave slot, as in the other
 * editors ({@link Drafts}), and offered again when they come back.
 */
@Controller
@PreAuthorize("hasAnyRole('AUTHOR', 'REVIEWER')")
class ModuleEditor {

  /** How many media files the picker offers, the newest first. */
  private static final int MEDIA_CHOICES = 200;

  private final Authoring authoring;
  private final Catalog catalog;
  private final MediaLibrary media;
  private final MessageSource messages;
  private final Drafts drafts;
  private final ModuleMerges merges;

  ModuleEditor(
      Authoring authoring,
      Catalog catalog,
      MediaLibrary media,
      MessageSource messages,
      Drafts drafts,
      ModuleMerges merges) {
    this.authoring = authoring;
    this.catalog = catalog;
    this.media = media;
    this.messages = messages;
    this.drafts = drafts;
    this.merges = merges;
  }

  /** A lesson a practice unit may name. */
  public record LessonChoice(String slug, String title) {}

  @GetMapping("/authoring/modules/new")
  @PreAuthorize("hasRole('AUTHOR')")
  String newModule(
      @RequestParam(required = false) String restore,
      Principal principal,
      Model model,
      Locale locale) {
    ModuleForm form = ModuleForm.blank(Languages.CHINESE);
    if (restore != null) {
      form =
          ModuleForm.read(drafts.restoreFields(model, principal, ContentType.MODULE, null)).form();
    } else {
      drafts.offer(model, principal, ContentType.MODULE, null);
    }
    return editor(model, locale, null, form, List.of(), null, null);
  }

  /** The module's latest revision; with {@code ?restore}, the author's unsaved draft of it. */
  @GetMapping("/authoring/modules/{id}")
  String edit(
      @PathVariable long id,
      @RequestParam(required = false) String restore,
      Principal principal,
      Model model,
      Locale locale) {
    Draft draft = authoring.draft(ContentType.MODULE, id);
    ModuleForm form = ModuleForm.of((ModuleContent) draft.content(), draft.item().revision());
    if (restore != null) {
      form = ModuleForm.read(drafts.restoreFields(model, principal, ContentType.MODULE, id)).form();
    } else {
      drafts.offer(model, principal, ContentType.MODULE, id);
    }
    return editor(model, locale, draft.item(), form, List.of(), null, null);
  }

  @PostMapping("/authoring/modules")
  @PreAuthorize("hasRole('AUTHOR')")
  String create(
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest request,
      Principal principal,
      Model model,
      Locale locale) {
    return post(null, params, request, principal, model, locale);
  }

  @PostMapping("/authoring/modules/{id}")
  @PreAuthorize("hasRole('AUTHOR')")
  String update(
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest request,
      Principal principal,
      Model model,
      Locale locale) {
    return post(
        authoring.summary(ContentType.MODULE, id), params, request, principal, model, locale);
  }

  private String post(
      ItemSummary item,
      MultiValueMap<String, String> params,
      HttpServletRequest request,
      Principal principal,
      Model model,
      Locale locale) {
    ModuleForm.Read read = ModuleForm.read(params);
    List<Violation> violations = new ArrayList<>(read.violations());
    ModuleForm form = uploads(read.form(), request, principal.getName(), violations);
    if (item != null && Merges.isTake(params.getFirst("action"))) {
      form = merges.take(item, form, params.getFirst("action"));
      return editor(model, locale, item, form, violations, null, null);
    }
    ModuleEditAction action = ModuleEditAction.parse(params.getFirst("action"));
    if (!action.saves()) {
      ModuleEditAction.Applied applied = action.apply(form, params.getFirst("newUnitType"));
      violations.addAll(applied.violations());
      return editor(model, locale, item, applied.form(), violations, applied.focus(), null);
    }
    if (!violations.isEmpty()) {
      return editor(model, locale, item, form, violations, null, null);
    }
    try {
      ModuleContent content = form.content();
      String note = form.field("note").isBlank() ? null : form.field("note");
      if (item == null) {
        ItemSummary created =
            authoring.create(
                ContentType.MODULE,
                principal.getName(),
                new NewItem(
                    form.field("slug"),
                    form.field("lang"),
                    translationOf(form.field("translationOf")),
                    content,
                    note));
        drafts.saved(principal, ContentType.MODULE, null);
        return "redirect:/authoring/modules/" + created.id() + "?saved";
      }
      authoring.update(
          ContentType.MODULE,
          item.id(),
          principal.getName(),
          baseRevision(form.field("baseRevision")),
          content,
          note);
      drafts.saved(principal, ContentType.MODULE, item.id());
      return "redirect:/authoring/modules/" + item.id() + "?saved";
    } catch (InvalidInput e) {
      return editor(model, locale, item, form, e.violations(), null, null);
    } catch (SlugTaken e) {
      return editor(
          model,
          locale,
          item,
          form,
          List.of(Violation.of("slug", "invalid.slug.taken")),
          null,
          null);
    } catch (StaleRevision e) {
      return editor(
          model,
          locale,
          authoring.summary(ContentType.MODULE, item.id()),
          merges.conflict(e.latest(), form),
          List.of(),
          null,
          e);
    }
  }

  /** Uploads each file chosen for a media unit, and has the unit play it. */
  private ModuleForm uploads(
      ModuleForm form, HttpServletRequest request, String actor, List<Violation> violations) {
    if (!(request instanceof MultipartHttpServletRequest multipart)) {
      return form;
    }
    List<ModuleForm.UnitForm> units = new ArrayList<>(form.units());
    for (int u = 0; u < units.size(); u++) {
      MultipartFile file = multipart.getFile("units[" + u + "].file");
      if (file == null || file.isEmpty()) {
        continue;
      }
      try (InputStream in = file.getInputStream()) {
        Media uploaded = media.upload(actor, file.getOriginalFilename(), in);
        if (uploaded.contentType().startsWith("audio/")
            || uploaded.contentType().startsWith("video/")) {
          units.set(u, units.get(u).withMediaId(uploaded.id()));
        } else {
          violations.add(Violation.of(ModuleForm.units(u) + ".file", "invalid.file.notPlayable"));
        }
      } catch (ProblemException | IOException e) {
        violations.add(Violation.of(ModuleForm.units(u) + ".file", "invalid.file.refused"));
      }
    }
    return form.withUnits(units);
  }

  private static Long translationOf(String value) {
    if (value.isBlank()) {
      return null;
    }
    if (!value.strip().matches("\\d{1,18}")) {
      throw InvalidInput.of("translationOf", "invalid.translationOf");
    }
    return Long.valueOf(value.strip());
  }

  private static Integer baseRevision(String value) {
    return value.strip().matches("\\d{1,9}") ? Integer.valueOf(value.strip()) : null;
  }

  private String editor(
      Model model,
      Locale locale,
      ItemSummary item,
      ModuleForm form,
      List<Violation> violations,
      String focus,
      StaleRevision conflict) {
    String lang = item != null ? item.lang() : form.field("lang");
    model.addAttribute("item", item);
    model.addAttribute(
        "pageAddress", "/authoring/modules/" + (item == null ? "new" : String.valueOf(item.id())));
    model.addAttribute("form", form);
    model.addAttribute("problems", ModuleEditorProblems.describe(violations, messages, locale));
    model.addAttribute("focus", focus == null ? "" : focus);
    model.addAttribute("unitTypes", List.of(UnitType.values()));
    model.addAttribute("languages", Languages.ALL);
    model.addAttribute("lessons", lessons(lang, form));
    model.addAttribute("mediaFiles", mediaFiles(form));
    model.addAttribute("conflict", conflict == null ? null : conflict.changes());
    merges.view(item, form, locale).ifPresent(merge -> model.addAttribute("merge", merge));
    model.addAttribute("type", ContentType.MODULE);
    return "authoring/module-editor";
  }

  /** The live lessons in the module's language by title, and any lesson the form names besides. */
  private List<LessonChoice> lessons(String lang, ModuleForm form) {
    List<LessonChoice> lessons =
        new ArrayList<>(
            catalog.listings().stream()
                .filter(l -> l.type() == ContentType.LESSON && l.lang().equals(lang))
                .map(l -> new LessonChoice(l.slug(), l.title()))
                .sorted(Comparator.comparing(LessonChoice::title))
                .toList());
    for (ModuleForm.UnitForm unit : form.units()) {
      String slug = unit.lessonSlug();
      if (!slug.isBlank() && lessons.stream().noneMatch(l -> l.slug().equals(slug))) {
        lessons.add(new LessonChoice(slug, slug));
      }
    }
    return lessons;
  }

  /** Audio and video to pick from, and any file the form names besides. */
  private List<Media> mediaFiles(ModuleForm form) {
    List<Media> files = new ArrayList<>(media.playable(MEDIA_CHOICES));
    for (ModuleForm.UnitForm unit : form.units()) {
      String id = unit.mediaId();
      if (!id.isBlank() && files.stream().noneMatch(f -> f.id().equals(id))) {
        media.find(id).ifPresent(files::add);
      }
    }
    return files;
  }
}
