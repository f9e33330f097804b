package org.banyan.content;

import java.security.Principal;
import org.banyan.problem.InvalidInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewers' pages: the queue, one item under review, approve or send back. The decision forms
 * carry the revision the page showed, so a revision saved since is never decided on unread.
 */
@Controller
@PreAuthorize("hasRole('REVIEWER')")
class ReviewPages {

  private final Reviews reviews;
  private final Authoring authoring;
  private final Markdown markdown;

  ReviewPages(Reviews reviews, Authoring authoring, Markdown markdown) {
    this.reviews = reviews;
    this.authoring = authoring;
    this.markdown = markdown;
  }

  @GetMapping("/review")
  String queue(Model model) {
    model.addAttribute("queue", reviews.queue());
    return "authoring/review-queue";
  }

  @GetMapping("/review/{type:lessons|courses|modules}/{id}")
  String review(
      @PathVariable String type, @PathVariable long id, Principal principal, Model model) {
    ContentType contentType = AuthoringApi.type(type);
    Draft draft = authoring.draft(contentType, id);
    model.addAttribute("item", draft.item());
    model.addAttribute("content", draft.content());
    model.addAttribute("html", markdown.toHtml(draft.content().markdown()));
    model.addAttribute(
        "ownRevision", reviews.wroteUnpublishedRevision(contentType, id, principal.getName()));
    model.addAttribute(
        "diff",
        draft.item().publishedRevision() == null
                || draft.item().publishedRevision() == draft.item().revision()
            ? null
            : authoring.diff(
                contentType, id, draft.item().publishedRevision(), draft.item().revision()));
    model.addAttribute("reviews", authoring.reviews(contentType, id));
    return "authoring/review";
  }

  @PostMapping("/review/{type:lessons|courses|modules}/{id}/{step:publish|reject|archive}")
  String decide(
      @PathVariable String type,
      @PathVariable long id,
      @PathVariable String step,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) Integer revision,
      Principal principal,
      RedirectAttributes redirect) {
    ContentType contentType = AuthoringApi.type(type);
    try {
      switch (step) {
        case "publish" -> reviews.publish(contentType, id, principal.getName(), revision);
        case "reject" -> reviews.reject(contentType, id, principal.getName(), comment, revision);
        default -> reviews.archive(contentType, id, principal.getName());
      }
      redirect.addFlashAttribute("message", "review.done." + step);
      return "redirect:/review";
    } catch (RevisionMovedOn e) {
      redirect.addFlashAttribute("movedOn", e.latest());
    } catch (InvalidInput e) {
      redirect.addFlashAttribute("message", "review.commentRequired");
    } catch (StepNotAllowed | OwnRevision e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/review/" + type + "/" + id;
  }
}
