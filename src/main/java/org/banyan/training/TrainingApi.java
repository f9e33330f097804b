package org.banyan.training;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.banyan.problem.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TrainingApi {

  record Created(long id) {}

  record DueChange(String dueOn) {}

  /** A cohort's new name. */
  record CohortChange(String name) {}

  private final Cohorts cohorts;
  private final Assignments assignments;
  private final Progress progress;
  private final Certificates certificates;
  private final Statements statements;
  private final TrainingTime time;

  TrainingApi(
      Cohorts cohorts,
      Assignments assignments,
      Progress progress,
      Certificates certificates,
      Statements statements,
      TrainingTime time) {
    this.cohorts = cohorts;
    this.assignments = assignments;
    this.progress = progress;
    this.certificates = certificates;
    this.statements = statements;
    this.time = time;
  }

  static boolean admin(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
  }

  @GetMapping("/api/v1/teachers")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  List<Teacher> teachers(Authentication user) {
    return cohorts.teachers(user.getName(), admin(user));
  }

  @PostMapping("/api/v1/cohorts")
  @PreAuthorize("hasRole('TRAINER')")
  ResponseEntity<Created> createCohort(@RequestBody NewCohort request, Authentication user) {
    long id = cohorts.create(user.getName(), admin(user), request);
    return ResponseEntity.created(URI.create("/api/v1/cohorts/" + id)).body(new Created(id));
  }

  @GetMapping("/api/v1/cohorts")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  List<Cohort> cohorts(Authentication user) {
    return cohorts.visible(user.getName(), admin(user));
  }

  @GetMapping("/api/v1/cohorts/{id}")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  Cohort cohort(@PathVariable long id, Authentication user) {
    return cohorts.get(user.getName(), admin(user), id);
  }

  @PostMapping("/api/v1/cohorts/{id}/members")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  Cohort addMembers(@PathVariable long id, @RequestBody NewCohort request, Authentication user) {
    return cohorts.addMembers(user.getName(), admin(user), id, request);
  }

  @PatchMapping("/api/v1/cohorts/{id}")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  Cohort renameCohort(
      @PathVariable long id, @RequestBody CohortChange change, Authentication user) {
    return cohorts.rename(user.getName(), admin(user), id, change.name());
  }

  @DeleteMapping("/api/v1/cohorts/{id}/members/{username}")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  Cohort removeMember(@PathVariable long id, @PathVariable String username, Authentication user) {
    return cohorts.removeMember(user.getName(), admin(user), id, username);
  }

  @PostMapping("/api/v1/assignments")
  @PreAuthorize("hasRole('TRAINER')")
  ResponseEntity<Created> assign(@RequestBody NewAssignment request, Authentication user) {
    long id = assignments.create(user.getName(), admin(user), request);
    return ResponseEntity.created(URI.create("/api/v1/assignments/" + id)).body(new Created(id));
  }

  @GetMapping("/api/v1/assignments")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  List<AssignmentSummary> assignments(Authentication user) {
    return assignments.visible(user.getName(), admin(user));
  }

  /** Any signed-in user may ask; whoever did not make the assignment (nor is ADMIN) gets 404. */
  @GetMapping("/api/v1/assignments/{id}")
  AssignmentSummary assignment(@PathVariable long id, Authentication user) {
    return assignments.get(user.getName(), admin(user), id);
  }

  @PatchMapping("/api/v1/assignments/{id}")
  AssignmentSummary changeDue(
      @PathVariable long id, @RequestBody DueChange change, Authentication user) {
    return assignments.changeDue(user.getName(), admin(user), id, change.dueOn());
  }

  @DeleteMapping("/api/v1/assignments/{id}")
  ResponseEntity<Void> withdraw(@PathVariable long id, Authentication user) {
    assignments.withdraw(user.getName(), admin(user), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/assignments/{id}/progress")
  List<TeacherProgress> progress(
      @PathVariable long id, @RequestParam(required = false) String status, Authentication user) {
    return assignments.progress(user.getName(), admin(user), id, status(status));
  }

  @GetMapping("/api/v1/assignments/{id}/progress.csv")
  ResponseEntity<byte[]> progressCsv(
      @PathVariable long id, @RequestParam(required = false) String status, Authentication user) {
    return csv(
        id,
        ProgressCsv.write(
            assignments.progress(user.getName(), admin(user), id, status(status)), time.zone()));
  }

  @GetMapping("/api/v1/me/assignments")
  @PreAuthorize("hasRole('TEACHER')")
  List<MyAssignment> mine(Principal principal) {
    return assignments.mine(principal.getName());
  }

  @GetMapping("/api/v1/me/assignments/{id}")
  @PreAuthorize("hasRole('TEACHER')")
  MyAssignment mine(@PathVariable long id, Principal principal) {
    return assignments.mine(principal.getName(), id);
  }

  @GetMapping("/api/v1/me/modules")
  @PreAuthorize("hasRole('TEACHER')")
  List<StartedModule> started(Principal principal) {
    return progress.started(principal.getName());
  }

  @GetMapping("/api/v1/me/modules/{lang}/{slug}")
  @PreAuthorize("hasRole('TEACHER')")
  ModuleProgress module(@PathVariable String lang, @PathVariable String slug, Principal principal) {
    return progress.module(principal.getName(), lang, slug);
  }

  @PostMapping("/api/v1/modules/{lang}/{slug}/units/{unitId}/complete")
  @PreAuthorize("hasRole('TEACHER')")
  CompletionResult complete(
      @PathVariable String lang,
      @PathVariable String slug,
      @PathVariable String unitId,
      @RequestBody(required = false) UnitAnswer answer,
      Principal principal) {
    return progress.complete(principal.getName(), lang, slug, unitId, answer);
  }

  @GetMapping("/api/v1/certificates/{code}")
  Certificate certificate(@PathVariable String code) {
    return certificates.check(code);
  }

  @GetMapping("/api/v1/xapi/statements")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  Statements.Page statements(
      @RequestParam(required = false) String since,
      @RequestParam(required = false) Integer limit,
      Authentication user) {
    return statements.page(user.getName(), admin(user), since, limit);
  }

  static TrainingStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    return TrainingStatus.forCode(status)
        .orElseThrow(() -> InvalidInput.of("status", "invalid.training.status"));
  }

  static ResponseEntity<byte[]> csv(long id, byte[] body) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"assignment-" + id + "-progress.csv\"")
        .body(body);
  }
}
