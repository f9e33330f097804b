package org.banyan.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import org.banyan.problem.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class MediaApi {

  record Uploaded(
      String id, String url, String sha256, long size, String contentType, String filename) {
    static Uploaded of(Media media) {
      return new Uploaded(
          media.id(),
          media.url(),
          media.sha256(),
          media.size(),
          media.contentType(),
          media.filename());
    }
  }

  private final MediaLibrary library;

  MediaApi(MediaLibrary library) {
    this.library = library;
  }

  @PostMapping("/api/v1/media")
  @PreAuthorize("hasRole('AUTHOR')")
  ResponseEntity<Uploaded> upload(
      @RequestParam(required = false) MultipartFile file, Principal principal) throws IOException {
    if (file == null || file.isEmpty()) {
      throw InvalidInput.of("file", "invalid.file.missing");
    }
    try (InputStream in = file.getInputStream()) {
      Media media = library.upload(principal.getName(), file.getOriginalFilename(), in);
      return ResponseEntity.created(URI.create(media.url())).body(Uploaded.of(media));
    }
  }
}
