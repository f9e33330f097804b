package org.banyan.training;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The dashboard as CSV: UTF-8 with a byte order mark so that Excel shows Chinese names, one line
 * per teacher, the same lines the screen shows. Times are in the schools' time zone.
 */
final class ProgressCsv {

  static final String HEADER =
      "username,name,status,percent,last activity,best quiz score,completed at";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ProgressCsv() {}

  static byte[] write(List<TeacherProgress> lines, ZoneId zone) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TeacherProgress line : lines) {
      csv.append(cell(line.username()))
          .append(',')
          .append(cell(line.displayName()))
          .append(',')
          .append(line.status().code())
          .append(',')
          .append(line.percent())
          .append(',')
          .append(time(line.lastActivity(), zone))
          .append(',')
          .append(line.bestQuizScore() == null ? "" : line.bestQuizScore().toString())
          .append(',')
          .append(time(line.completedAt(), zone))
          .append("\r\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String time(OffsetDateTime time, ZoneId zone) {
    return time == null ? "" : TIME.format(time.atZoneSameInstant(zone));
  }

  /** Quotes what needs it, and defuses text a spreadsheet would run as a formula. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      safe = "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
