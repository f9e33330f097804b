package org.banyan.course;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClassesApi {

  record Created(long id) {}

  private final Classes classes;

  ClassesApi(Classes classes) {
    this.classes = classes;
  }

  @PostMapping("/api/v1/classes")
  @PreAuthorize("hasRole('TEACHER')")
  ResponseEntity<Created> create(@RequestBody NewClass request, Principal principal) {
    long id = classes.create(principal.getName(), request);
    return ResponseEntity.created(URI.create("/api/v1/classes/" + id)).body(new Created(id));
  }

  @GetMapping("/api/v1/classes")
  @PreAuthorize("hasRole('TEACHER')")
  List<ClassDetail> mine(Principal principal) {
    return classes.mine(principal.getName());
  }

  @GetMapping("/api/v1/classes/{id}")
  @PreAuthorize("hasRole('TEACHER')")
  ClassDetail get(@PathVariable long id, Principal principal) {
    return classes.get(principal.getName(), id);
  }

  @PostMapping("/api/v1/classes/{id}/deliveries")
  @PreAuthorize("hasRole('TEACHER')")
  @ResponseStatus(HttpStatus.CREATED)
  ClassDetail deliver(@PathVariable long id, @RequestBody Delivery delivery, Principal principal) {
    classes.deliver(principal.getName(), id, delivery);
    return classes.get(principal.getName(), id);
  }

  @DeleteMapping("/api/v1/classes/{id}/deliveries/{lessonSlug}")
  @PreAuthorize("hasRole('TEACHER')")
  ResponseEntity<Void> undo(
      @PathVariable long id, @PathVariable String lessonSlug, Principal principal) {
    classes.undo(principal.getName(), id, lessonSlug);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/classes/{id}/switch-revision")
  @PreAuthorize("hasRole('TEACHER')")
  ClassDetail switchRevision(@PathVariable long id, Principal principal) {
    classes.switchToLatest(principal.getName(), id);
    return classes.get(principal.getName(), id);
  }

  @GetMapping("/api/v1/classes/report")
  @PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
  List<Classes.ReportLine> report() {
    return classes.report();
  }
}
