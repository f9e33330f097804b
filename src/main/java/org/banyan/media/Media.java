package org.banyan.media;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

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

  /**
   * The shape of {@link #url()} and nothing else: a media id in lowercase, then optionally one
   * segment of a cleaned name, percent-encoded (or its letters as typed), never {@code ..} or an
   * encoded dot, slash or backslash.
   */
  public static final Pattern URL =
      Pattern.compile(
          "/media/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
              + "(/(?!.*\\.\\.)(?:[\\p{L}\\p{N}_-]|%[89A-F][0-9A-F])"
              + "(?:[\\p{L}\\p{N}._-]|%[89A-F][0-9A-F]){0,1000})?");

  /** Where it is downloaded from. */
  public String url() {
    return "/media/"
        + id
        + "/"
        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
