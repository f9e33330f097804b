package org.banyan.media;

import java.util.Locale;

/** Download names that are safe in a URL, a header and a file system. */
final class FileNames {

  private FileNames() {}

  static String clean(String original, String extension) {
    String name = original == null ? "" : original;
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    base = base.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[.-]+|[.-]+$", "");
    if (base.isEmpty()) {
      base = "file";
    }
    if (base.length() > 80) {
      base = base.substring(0, 80);
    }
    return base + "." + extension.toLowerCase(Locale.ROOT);
  }
}
