package org.banyan.content;

import java.util.List;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.util.unit.DataSize;

/** An uploaded zip that is not read: past a limit, or not a zip at all (HTTP 400, field file). */
class ZipRefused extends InvalidInput {

  private static final String FIELD = "file";

  private ZipRefused(String code, Object... args) {
    super(List.of(Violation.of(FIELD, code, args)));
  }

  public static ZipRefused tooManyEntries(int limit) {
    return new ZipRefused("invalid.import.entries", String.valueOf(limit));
  }

  public static ZipRefused tooLarge(DataSize limit) {
    return new ZipRefused("invalid.import.size", size(limit));
  }

  public static ZipRefused entryTooLarge(String entry, DataSize limit) {
    return new ZipRefused("invalid.import.entry", shown(entry), size(limit));
  }

  public static ZipRefused unreadable() {
    return new ZipRefused("invalid.import.zip");
  }

  private static String size(DataSize limit) {
    return limit.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0
        ? limit.toMegabytes() + " MB"
        : limit.toKilobytes() + " KB";
  }

  /** An entry's name as it may be shown: printable, and not too long. */
  private static String shown(String entry) {
    String name = entry == null ? "" : entry.replaceAll("\\p{Cntrl}", "?");
    return name.length() > 100 ? name.substring(0, 100) + "…" : name;
  }
}
