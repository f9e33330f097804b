package org.banyan.content;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The authoring API: the same endpoints and workflow for lessons, courses and modules. */
@RestController
class AuthoringApi {

  record Saved(long id, String slug, String lang, Status status, int revision) {
    static Saved of(ItemSummary item) {
      return new Saved(item.id(), item.slug(), item.lang(), item.status(), item.revision());
    }
  }

  record Step(long id, Status status, int revision) {
    static Step of(ItemSummary item) {
      return new Step(item.id(), item.status(), item.revision());
    }
  }

  /** A publish decision: the revision the reviewer read, or none for whichever is latest. */
  record Decision(Integer revision) {}

  /** A rejection: why, and the revision the reviewer read (none for whichever is latest). */
  record Comment(String comment, Integer revision) {}

  private final Authoring authoring;
  private final Reviews reviews;
  private final ContentRequests requests;

  AuthoringApi(Authoring authoring, Reviews reviews, ContentRequests requests) {
    this.authoring = authoring;
    this.reviews = reviews;
    this.requests = requests;
  }

  @PostMapping("/api/v1/authoring/{type:lessons|courses|modules}")
  @PreAuthorize("hasRole('AUTHOR')")
  ResponseEntity<Saved> create(
      @PathVariable String type, @RequestBody JsonNode body, Principal principal) {
    ContentType contentType = type(type);
    ContentRequests.Parsed request = requests.read(contentType, body, null);
    ItemSummary item =
        authoring.create(
            contentType,
            principal.getName(),
            new NewItem(
                request.slug(),
                request.lang(),
                request.translationOf(),
                request.content(),
                request.note()));
    return ResponseEntity.created(URI.create("/api/v1/authoring/" + type + "/" + item.id()))
        .body(Saved.of(item));
  }

  @PutMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}")
  @PreAuthorize("hasRole('AUTHOR')")
  Saved update(
      @PathVariable String type,
      @PathVariable long id,
      @RequestBody JsonNode body,
      Principal principal) {
    ContentType contentType = type(type);
    ItemSummary current = authoring.summary(contentType, id);
    ContentRequests.Parsed request = requests.read(contentType, body, current.lang());
    return Saved.of(
        authoring.update(
            contentType,
            id,
            principal.getName(),
            request.baseRevision(),
            request.content(),
            request.note()));
  }

  @GetMapping("/api/v1/authoring/{type:lessons|courses|modules}")
  @PreAuthorize("hasAnyRole('AUTHOR', 'REVIEWER')")
  List<ItemSummary> items(@PathVariable String type) {
    return authoring.items(type(type));
  }

  @GetMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}")
  @PreAuthorize("hasAnyRole('AUTHOR', 'REVIEWER')")
  Draft draft(@PathVariable String type, @PathVariable long id) {
    return authoring.draft(type(type), id);
  }

  @PostMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}/submit")
  @PreAuthorize("hasRole('AUTHOR')")
  Step submit(@PathVariable String type, @PathVariable long id, Principal principal) {
    return Step.of(reviews.submit(type(type), id, principal.getName()));
  }

  @PostMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}/publish")
  @PreAuthorize("hasRole('REVIEWER')")
  Step publish(
      @PathVariable String type,
      @PathVariable long id,
      @RequestBody(required = false) Decision decision,
      Principal principal) {
    return Step.of(
        reviews.publish(
            type(type), id, principal.getName(), decision == null ? null : decision.revision()));
  }

  @PostMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}/reject")
  @PreAuthorize("hasRole('REVIEWER')")
  Step reject(
      @PathVariable String type,
      @PathVariable long id,
      @RequestBody(required = false) Comment comment,
      Principal principal) {
    return Step.of(
        reviews.reject(
            type(type),
            id,
            principal.getName(),
            comment == null ? null : comment.comment(),
            comment == null ? null : comment.revision()));
  }

  @PostMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}/archive")
  @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
  Step archive(@PathVariable String type, @PathVariable long id, Principal principal) {
    return Step.of(reviews.archive(type(type), id, principal.getName()));
  }

  @GetMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}/revisions")
  @PreAuthorize("hasAnyRole('AUTHOR', 'REVIEWER')")
  List<RevisionInfo> revisions(@PathVariable String type, @PathVariable long id) {
    return authoring.history(type(type), id);
  }

  @GetMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}/diff")
  @PreAuthorize("hasAnyRole('AUTHOR', 'REVIEWER')")
  RevisionDiff diff(
      @PathVariable String type,
      @PathVariable long id,
      @RequestParam int from,
      @RequestParam int to) {
    return authoring.diff(type(type), id, from, to);
  }

  @PostMapping("/api/v1/authoring/{type:lessons|courses|modules}/{id}/revisions/{revision}/restore")
  @PreAuthorize("hasRole('AUTHOR')")
  Saved restore(
      @PathVariable String type,
      @PathVariable long id,
      @PathVariable int revision,
      Principal principal) {
    return Saved.of(authoring.restore(type(type), id, revision, principal.getName()));
  }

  @GetMapping("/api/v1/authoring/review-queue")
  @PreAuthorize("hasRole('REVIEWER')")
  Reviews.Queue queue() {
    return reviews.queue();
  }

  static ContentType type(String path) {
    return ContentType.forPath(path).orElseThrow();
  }
}
