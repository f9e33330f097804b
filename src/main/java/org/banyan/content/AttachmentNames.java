package org.banyan.content;

/**
 * Names of attached files that stay in their folder wherever they are written: one path segment of
 * letters, digits, marks, spaces, dots, hyphens and underscores, never empty, never only dots. The
 * export writes each attachment as {@code media/<name>}.
 */
final class AttachmentNames {

  static final int MAX_LENGTH = 120;

  private AttachmentNames() {}

  /** {@code name} as it may be saved and written into a zip; {@code file} when nothing is left. */
  static String clean(String name) {
    String clean = name == null ? "" : name.replace('\\', '/');
    clean = clean.substring(clean.lastIndexOf('/') + 1);
    clean = clean.replaceAll("[^\\p{L}\\p{N}\\p{M} ._-]+", "-");
    clean = clean.replaceAll("^[\\s.-]+|[\\s.]+$", "");
    if (clean.length() > MAX_LENGTH) {
      clean = clean.substring(clean.length() - MAX_LENGTH).replaceAll("^[\\s.-]+", "");
    }
    return clean.isEmpty() ? "file" : clean;
  }
}
