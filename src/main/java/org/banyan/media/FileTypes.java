package org.banyan.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a file, told from its first bytes and never from its name: PNG, JPEG, WebP, SVG, PDF,
 * MP3, M4A/MP4 and OGG. Anything else is refused.
 */
final class FileTypes {

  /** How many leading bytes {@link #detect} needs. */
  static final int HEAD = 1024;

  record Detected(String contentType, String extension) {}

  private FileTypes() {}

  static Optional<Detected> detect(byte[] head) {
    if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return found("image/png", "png");
    }
    if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
      return found("image/jpeg", "jpg");
    }
    if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
      return found("image/webp", "webp");
    }
    if (startsWith(head, 0, '%', 'P', 'D', 'F', '-')) {
      return found("application/pdf", "pdf");
    }
    if (startsWith(head, 0, 'O', 'g', 'g', 'S')) {
      return found("audio/ogg", "ogg");
    }
    if (startsWith(head, 0, 'I', 'D', '3')
        || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
      return found("audio/mpeg", "mp3");
    }
    if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
      String brand =
          new String(
              Arrays.copyOfRange(head, 8, Math.min(12, head.length)), StandardCharsets.US_ASCII);
      return brand.startsWith("M4A") ? found("audio/mp4", "m4a") : found("video/mp4", "mp4");
    }
    if (isSvg(head)) {
      return found("image/svg+xml", "svg");
    }
    return Optional.empty();
  }

  private static Optional<Detected> found(String type, String extension) {
    return Optional.of(new Detected(type, extension));
  }

  private static boolean isSvg(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
    String rest = text.stripLeading();
    while (true) {
      if (rest.startsWith("<?xml")) {
        rest = after(rest, "?>");
      } else if (rest.startsWith("<!--")) {
        rest = after(rest, "-->");
      } else if (rest.regionMatches(true, 0, "<!DOCTYPE", 0, 9)) {
        rest = after(rest, ">");
      } else {
        break;
      }
      if (rest == null) {
        return false;
      }
      rest = rest.stripLeading();
    }
    return rest.toLowerCase(Locale.ROOT).startsWith("<svg")
        && rest.length() > 4
        && (Character.isWhitespace(rest.charAt(4)) || rest.charAt(4) == '>');
  }

  private static String after(String text, String marker) {
    int end = text.indexOf(marker);
    return end < 0 ? null : text.substring(end + marker.length());
  }

  private static boolean startsWith(byte[] data, int offset, int... expected) {
    if (data.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((data[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
