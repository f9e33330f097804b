package org.banyan.media;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * An uploaded file.
 *
 * @param sha256 the key of its bytes in the blob store
 * @param contentType the type told from its bytes
 */
public record Media(
    String id,
    String sha256,
    String filename,
    String contentType,
    long size,
    String uploadedBy,
    OffsetDateTime createdAt) {

  /** Where it is downloaded from. */
  public String url() {
    return "/media/"
        + id
        + "/"
        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
