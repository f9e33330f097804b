package org.banyan.content;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;

/**
 * The files a pack's pages point to: site URLs of media become names in {@code media/}, links to
 * lessons in the pack become links to their pages, and any other link into the site is left as its
 * text, since the site is not there offline.
 */
final class PackLinks {

  private static final Pattern MEDIA_SRC = Pattern.compile("(src|href)=\"(" + Media.URL + ")\"");
  private static final Pattern SITE_LINK = Pattern.compile("<a href=\"/[^\"]*\"[^>]*>(.*?)</a>");
  private static final Pattern LESSON_LINK =
      Pattern.compile("href=\"/lessons/([A-Za-z-]{2,10})/([a-z0-9-]{1,100})\"");

  private final Map<String, String> lessonFiles = new HashMap<>();
  final Map<String, Media> media = new java.util.TreeMap<>();
  private final MediaLibrary library;
  private final Map<String, String> names = new HashMap<>();

  PackLinks(List<CoursePacks.PackLesson> lessons, MediaLibrary library) {
    this.library = library;
    for (CoursePacks.PackLesson lesson : lessons) {
      lessonFiles.put(lesson.page().item().lang() + "/" + lesson.slug(), lesson.file());
    }
  }

  byte[] html(String page, String root) {
    Matcher source = MEDIA_SRC.matcher(page);
    StringBuilder out = new StringBuilder();
    while (source.find()) {
      String name = fileFor(source.group(2));
      String replacement =
          name == null
              ? source.group(1) + "=\"\""
              : source.group(1) + "=\"" + root + "media/" + name + "\"";
      source.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    source.appendTail(out);
    Matcher lesson = LESSON_LINK.matcher(out.toString());
    out = new StringBuilder();
    while (lesson.find()) {
      String file = lessonFiles.get(lesson.group(1) + "/" + lesson.group(2));
      lesson.appendReplacement(
          out,
          Matcher.quoteReplacement(
              file == null ? lesson.group() : "href=\"" + root + "lessons/" + file + "\""));
    }
    lesson.appendTail(out);
    String linked = SITE_LINK.matcher(out.toString()).replaceAll("$1");
    return linked.getBytes(StandardCharsets.UTF_8);
  }

  /** The pack's name for the media file at {@code url}, or null when it is not in the library. */
  private String fileFor(String url) {
    String id = url.substring("/media/".length(), "/media/".length() + 36);
    if (names.containsKey(id)) {
      return names.get(id);
    }
    String name =
        library
            .find(id)
            .map(
                m -> {
                  String file = id.substring(0, 8) + "-" + asciiName(m.filename());
                  media.put(file, m);
                  return file;
                })
            .orElse(null);
    names.put(id, name);
    return name;
  }

  /**
   * A file name any unzip tool and any browser reads the same: ASCII letters, digits, dots, hyphens
   * and underscores, its extension kept. The page shows the author's name for it.
   */
  static String asciiName(String name) {
    String clean = AttachmentNames.clean(name);
    int dot = clean.lastIndexOf('.');
    String extension =
        dot > 0 && clean.substring(dot + 1).matches("[A-Za-z0-9]{1,8}") ? clean.substring(dot) : "";
    String base =
        (extension.isEmpty() ? clean : clean.substring(0, dot))
            .replaceAll("[^A-Za-z0-9_-]+", "-")
            .replaceAll("-{2,}", "-")
            .replaceAll("^-|-$", "");
    return (base.isEmpty() ? "file" : base) + extension.toLowerCase(Locale.ROOT);
  }
}
