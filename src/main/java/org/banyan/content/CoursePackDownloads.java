package org.banyan.content;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * A course's offline pack, from its page and from the API: the same bytes at both, with their
 * SHA-256 as the validator, so a teacher who has the pack already downloads nothing again, and with
 * ranges, so a download cut off on a weak signal goes on where it stopped.
 */
@RestController
class CoursePackDownloads {

  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private final CoursePacks packs;

  CoursePackDownloads(CoursePacks packs) {
    this.packs = packs;
  }

  @GetMapping({"/courses/{lang}/{slug}/pack.zip", "/api/v1/courses/{lang}/{slug}/pack"})
  ResponseEntity<Resource> pack(
      @PathVariable String lang, @PathVariable String slug, WebRequest request) {
    CoursePacks.Pack pack = packs.pack(lang, slug);
    String etag = "\"" + pack.sha256() + "\"";
    CacheControl cache =
        signedIn() ? CacheControl.noCache().cachePrivate() : CacheControl.noCache();
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
    }
    return ResponseEntity.ok()
        .contentType(ZIP)
        .eTag(etag)
        .cacheControl(cache)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(pack.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(
            "Repr-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(pack.sha256()))
                + ":")
        .body(new FileSystemResource(pack.file()));
  }

  private static boolean signedIn() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user != null
        && user.isAuthenticated()
        && !(user instanceof AnonymousAuthenticationToken);
  }
}
