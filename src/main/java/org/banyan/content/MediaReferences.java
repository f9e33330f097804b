package org.banyan.content;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media files a revision uses: a lesson's attachments, a module's media units, and every file
 * its Markdown shows or links to by its {@code /media/{id}} URL.
 */
final class MediaReferences {

  private static final Pattern MEDIA_URL =
      Pattern.compile(
          "/media/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

  private MediaReferences() {}

  /** The ids of the files {@code content} uses, in lower case. */
  static Set<String> in(Content content) {
    Set<String> ids = new TreeSet<>();
    inMarkdown(content.markdown(), ids);
    if (content instanceof LessonContent lesson) {
      lesson.attachments().forEach(attachment -> add(attachment.mediaId(), ids));
    } else if (content instanceof ModuleContent module) {
      for (ModuleContent.Unit unit : module.units()) {
        if (unit.type() == UnitType.MEDIA) {
          add(((ModuleContent.Media) unit).mediaId(), ids);
        }
        inMarkdown(unit.markdown(), ids);
      }
    }
    return ids;
  }

  private static void inMarkdown(String markdown, Set<String> ids) {
    if (markdown == null) {
      return;
    }
    Matcher matcher = MEDIA_URL.matcher(markdown);
    while (matcher.find()) {
      add(matcher.group(1), ids);
    }
  }

  private static void add(String id, Set<String> ids) {
    if (id != null && !id.isBlank()) {
      ids.add(id.toLowerCase(Locale.ROOT));
    }
  }
}
