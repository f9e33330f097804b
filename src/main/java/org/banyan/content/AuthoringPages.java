package org.banyan.content;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.ProblemException;
import org.banyan.problem.Violation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The authors' pages: drafts, edit forms with a server-rendered preview, history and diffs. */
@Controller
@PreAuthorize("hasAnyRole('AUTHOR', 'REVIEWER')")
class AuthoringPages {

  private final Authoring authoring;
  private final Reviews reviews;
  private final ContentForms forms;
  private final Markdown markdown;
  private final Catalog catalog;
  private final MediaLibrary media;
  private final CourseBuilder courseBuilder;
  private final Drafts drafts;
  private final Merges merges;

  AuthoringPages(
      Authoring authoring,
      Reviews reviews,
      ContentForms forms,
      Markdown markdown,
      Catalog catalog,
      MediaLibrary media,
      CourseBuilder courseBuilder,
      Drafts drafts,
      Merges merges) {
    this.authoring = authoring;
    this.reviews = reviews;
    this.forms = forms;
    this.markdown = markdown;
    this.catalog = catalog;
    this.media = media;
    this.courseBuilder = courseBuilder;
    this.drafts = drafts;
    this.merges = merges;
  }

  @GetMapping("/authoring")
  String drafts(
      @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "false") boolean mine,
      Principal principal,
      Model model) {
    ContentType filter = type == null ? null : ContentType.forPath(type).orElse(null);
    List<ItemSummary> items =
        authoring.items(filter).stream()
            .filter(i -> !mine || principal.getName().equals(i.latestAuthor()))
            .toList();
    model.addAttribute("items", items);
    model.addAttribute("type", filter == null ? "" : filter.path());
    model.addAttribute("mine", mine);
    return "authoring/drafts";
  }

  @GetMapping("/authoring/{type:lessons|courses}/new")
  @PreAuthorize("hasRole('AUTHOR')")
  String newItem(
      @PathVariable String type,
      @RequestParam(required = false) String restore,
      Principal principal,
      Model model) {
    ContentType contentType = AuthoringApi.type(type);
    if (restore != null) {
      Map<String, Object> kept = drafts.restore(model, principal, contentType, null);
      return editor(model, contentType, null, kept, List.of(), null, null);
    }
    drafts.offer(model, principal, contentType, null);
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("lang", Languages.CHINESE);
    form.put("sensitivity", "low");
    form.put("durationMinutes", "40");
    return editor(model, contentType, null, form, List.of(), null, null);
  }

  @PostMapping("/authoring/{type:lessons|courses}")
  @PreAuthorize("hasRole('AUTHOR')")
  String create(
      @PathVariable String type,
      @RequestParam MultiValueMap<String, String> params,
      Principal principal,
      Model model) {
    ContentType contentType = AuthoringApi.type(type);
    String lang = ContentForms.one(params, "lang");
    if (contentType == ContentType.COURSE && CourseBuilder.isAction(params.getFirst("action"))) {
      MultiValueMap<String, String> form = CourseBuilder.apply(params.getFirst("action"), params);
      return editor(model, contentType, null, forms.echo(form), List.of(), null, null);
    }
    try {
      Content content = forms.read(contentType, params);
      if ("preview".equals(params.getFirst("action"))) {
        advise(model, lang, content);
        return editor(
            model, contentType, null, forms.echo(params), List.of(), preview(content), null);
      }
      Long translationOf = null;
      String of = ContentForms.one(params, "translationOf").strip();
      if (!of.isEmpty()) {
        try {
          translationOf = Long.valueOf(of);
        } catch (NumberFormatException e) {
          throw InvalidInput.of("translationOf", "invalid.translationOf");
        }
      }
      ItemSummary item =
          authoring.create(
              contentType,
              principal.getName(),
              new NewItem(
                  ContentForms.one(params, "slug"),
                  lang,
                  translationOf,
                  content,
                  params.getFirst("note")));
      drafts.saved(principal, contentType, null);
      return "redirect:/authoring/" + type + "/" + item.id() + "?saved";
    } catch (InvalidInput e) {
      return editor(model, contentType, null, forms.echo(params), e.violations(), null, null);
    } catch (SlugTaken e) {
      return editor(
          model,
          contentType,
          null,
          forms.echo(params),
          List.of(Violation.of("slug", "invalid.slug.taken")),
          null,
          null);
    }
  }

  @GetMapping("/authoring/{type:lessons|courses}/{id}")
  String edit(
      @PathVariable String type,
      @PathVariable long id,
      @RequestParam(required = false) String restore,
      Principal principal,
      Model model) {
    ContentType contentType = AuthoringApi.type(type);
    Draft draft = authoring.draft(contentType, id);
    if (restore != null) {
      Map<String, Object> kept = drafts.restore(model, principal, contentType, id);
      kept.putIfAbsent("baseRevision", String.valueOf(draft.item().revision()));
      return editor(model, contentType, draft.item(), kept, List.of(), null, null);
    }
    drafts.offer(model, principal, contentType, id);
    Map<String, Object> form = forms.values(draft.content());
    form.put("baseRevision", String.valueOf(draft.item().revision()));
    advise(model, draft.item().lang(), draft.content());
    return editor(model, contentType, draft.item(), form, List.of(), null, null);
  }

  @PostMapping("/authoring/{type:lessons|courses}/{id}")
  @PreAuthorize("hasRole('AUTHOR')")
  String update(
      @PathVariable String type,
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> params,
      Principal principal,
      Model model) {
    ContentType contentType = AuthoringApi.type(type);
    ItemSummary item = authoring.summary(contentType, id);
    if (Merges.isTake(params.getFirst("action"))) {
      Map<String, Object> form = merges.take(item, params.getFirst("action"), forms.echo(params));
      return editor(model, contentType, item, form, List.of(), null, null);
    }
    if (contentType == ContentType.COURSE && CourseBuilder.isAction(params.getFirst("action"))) {
      MultiValueMap<String, String> form = CourseBuilder.apply(params.getFirst("action"), params);
      return editor(model, contentType, item, forms.echo(form), List.of(), null, null);
    }
    try {
      Content content = forms.read(contentType, params);
      if ("preview".equals(params.getFirst("action"))) {
        advise(model, item.lang(), content);
        return editor(
            model, contentType, item, forms.echo(params), List.of(), preview(content), null);
      }
      Integer base = null;
      try {
        base = Integer.valueOf(ContentForms.one(params, "baseRevision"));
      } catch (NumberFormatException ignored) {
        // Refused below as a missing base revision.
      }
      authoring.update(
          contentType, id, principal.getName(), base, content, params.getFirst("note"));
      drafts.saved(principal, contentType, id);
      return "redirect:/authoring/" + type + "/" + id + "?saved";
    } catch (InvalidInput e) {
      return editor(model, contentType, item, forms.echo(params), e.violations(), null, null);
    } catch (StaleRevision e) {
      ItemSummary latest = authoring.summary(contentType, id);
      Map<String, Object> form = merges.conflict(e.latest(), forms.echo(params));
      return editor(model, contentType, latest, form, List.of(), null, e);
    }
  }

  @PostMapping("/authoring/{type:lessons|courses|modules}/{id}/submit")
  @PreAuthorize("hasRole('AUTHOR')")
  String submit(
      @PathVariable String type,
      @PathVariable long id,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      reviews.submit(AuthoringApi.type(type), id, principal.getName());
      redirect.addFlashAttribute("message", "authoring.submitted");
    } catch (StepNotAllowed e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/authoring/" + type + "/" + id;
  }

  @PostMapping("/authoring/lessons/{id}/attachments")
  @PreAuthorize("hasRole('AUTHOR')")
  String attach(
      @PathVariable long id,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) Integer baseRevision,
      Principal principal,
      RedirectAttributes redirect)
      throws IOException {
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute("problem", "invalid.file.missing");
      return "redirect:/authoring/lessons/" + id;
    }
    Draft draft = authoring.draft(ContentType.LESSON, id);
    LessonContent lesson = (LessonContent) draft.content();
    try (InputStream in = file.getInputStream()) {
      Media uploaded = media.upload(principal.getName(), file.getOriginalFilename(), in);
      List<LessonContent.Attachment> attachments = new java.util.ArrayList<>(lesson.attachments());
      attachments.add(new LessonContent.Attachment(uploaded.filename(), uploaded.id()));
      LessonContent updated = lesson.withAttachments(attachments);
      authoring.update(
          ContentType.LESSON,
          id,
          principal.getName(),
          baseRevision == null ? draft.item().revision() : baseRevision,
          updated,
          "Attached " + uploaded.filename());
      redirect.addFlashAttribute("uploaded", uploaded.url());
    } catch (StaleRevision e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    } catch (InvalidInput e) {
      redirect.addFlashAttribute("problem", "authoring.attachInvalid");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/authoring/lessons/" + id;
  }

  @GetMapping("/authoring/{type:lessons|courses|modules}/{id}/history")
  String history(@PathVariable String type, @PathVariable long id, Model model) {
    ContentType contentType = AuthoringApi.type(type);
    model.addAttribute("item", authoring.summary(contentType, id));
    model.addAttribute("revisions", authoring.history(contentType, id));
    model.addAttribute("reviews", authoring.reviews(contentType, id));
    return "authoring/history";
  }

  @GetMapping("/authoring/{type:lessons|courses|modules}/{id}/diff")
  String diff(
      @PathVariable String type,
      @PathVariable long id,
      @RequestParam int from,
      @RequestParam int to,
      Model model) {
    ContentType contentType = AuthoringApi.type(type);
    model.addAttribute("item", authoring.summary(contentType, id));
    model.addAttribute("diff", authoring.diff(contentType, id, from, to));
    return "authoring/diff";
  }

  @PostMapping("/authoring/{type:lessons|courses|modules}/{id}/revisions/{revision}/restore")
  @PreAuthorize("hasRole('AUTHOR')")
  String restore(
      @PathVariable String type,
      @PathVariable long id,
      @PathVariable int revision,
      Principal principal) {
    authoring.restore(AuthoringApi.type(type), id, revision, principal.getName());
    return "redirect:/authoring/" + type + "/" + id + "?restored=" + revision;
  }

  /**
   * The draft as readers will see it, and the places where its Markdown would still show an
   * emphasis marker.
   */
  public record Preview(String html, List<String> unrenderedEmphasis) {}

  private Preview preview(Content content) {
    return new Preview(
        markdown.toHtml(content.markdown()), markdown.unrenderedEmphasis(content.markdown()));
  }

  /** What a lesson still lacks by the curriculum's rules, as advice shown beside its form. */
  private void advise(Model model, String lang, Content content) {
    if (content instanceof LessonContent lesson) {
      model.addAttribute("advice", LessonAdvice.of(lang, lesson, markdown));
    }
  }

  private String editor(
      Model model,
      ContentType type,
      ItemSummary item,
      Map<String, Object> form,
      List<Violation> violations,
      Preview preview,
      StaleRevision conflict) {
    model.addAttribute("type", type);
    model.addAttribute("item", item);
    model.addAttribute(
        "pageAddress",
        "/authoring/" + type.path() + "/" + (item == null ? "new" : String.valueOf(item.id())));
    model.addAttribute("form", form);
    model.addAttribute("violations", violations);
    model.addAttribute("preview", preview);
    model.addAttribute("conflict", conflict == null ? null : conflict.changes());
    merges.show(item, form, model);
    model.addAttribute("taxonomy", catalog.taxonomy());
    model.addAttribute("settings", Coded.all(Setting.class));
    model.addAttribute("sensitivities", Coded.all(Sensitivity.class));
    model.addAttribute("languages", Languages.ALL);
    if (type == ContentType.COURSE) {
      String lang = item != null ? item.lang() : String.valueOf(form.getOrDefault("lang", ""));
      model.addAttribute("builder", courseBuilder.view(form, lang));
    }
    return "authoring/edit";
  }
}
