package org.banyan.content;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

/**
 * A published course as one zip a teacher carries to a village without signal: static HTML that
 * opens from a USB stick or a phone's files in any browser, with relative links only and nothing
 * fetched from outside the folder. A start page, every lesson in order, each lesson's print kit,
 * every take-home note, the worksheets and pictures, and the whole course as one print run; all in
 * the course's language.
 *
 * <p>A pack is made from published revisions only, and the same revisions (and referral contacts)
 * always give the same bytes: the entries are written in one order with the date of the newest
 * revision, so a pack can be cached, compared and shared by its checksum. Packs are made one at a
 * time on a node, written to the data folder with media streamed from the blob store (never whole
 * in memory), and the last ones kept there.
 */
@Component
class CoursePacks {

  /** A made pack: its download name, its file in the packs folder, its size and checksum. */
  record Pack(String filename, Path file, long size, String sha256) {}

  /** The packs kept on disk, least recently used first out; together at most this many bytes. */
  static final long KEPT_BYTES = 1024L * 1024 * 1024;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CoursePacks.class);

  private final Catalog catalog;
  private final ReaderViews views;
  private final MediaLibrary media;
  private final ContentSettings settings;
  private final FreeMarkerConfigurer freemarker;
  private final MessageSource messages;
  private final Path folder;
  private final LinkedHashMap<String, Pack> kept = new LinkedHashMap<>(16, 0.75f, true);

  /** Held while a pack is made, so that packs are made one at a time; finding one never waits. */
  private final Object making = new Object();

  private long keptBytes;

  CoursePacks(
      Catalog catalog,
      ReaderViews views,
      MediaLibrary media,
      ContentSettings settings,
      FreeMarkerConfigurer freemarker,
      MessageSource messages,
      @Value("${banyan.data-dir}") Path dataDir)
      throws IOException {
    this.catalog = catalog;
    this.views = views;
    this.media = media;
    this.settings = settings;
    this.freemarker = freemarker;
    this.messages = messages;
    this.folder = dataDir.resolve("packs");
    // Packs of an earlier run are not indexed here: they are made again when asked for.
    org.springframework.util.FileSystemUtils.deleteRecursively(folder);
    java.nio.file.Files.createDirectories(folder);
  }

  /**
   * The pack of the published course {@code lang/slug}, as it is now.
   *
   * @throws ContentNotFound when the course is not live
   */
  Pack pack(String lang, String slug) {
    PublishedItem course = catalog.get(ContentType.COURSE, lang, slug);
    Map<String, PublishedItem> lessons = views.lessonsOf(course);
    String key = key(course, lessons);
    Pack known = kept(key);
    if (known != null) {
      return known;
    }
    synchronized (making) {
      known = kept(key);
      if (known != null) {
        return known;
      }
      long start = System.nanoTime();
      Pack made = make(course, lessons);
      log.info(
          "Made the offline pack of {}/{} revision {}: {} lessons, {} KB, in {} ms",
          lang,
          slug,
          course.revision(),
          lessons.size(),
          (made.size() + 1023) / 1024,
          (System.nanoTime() - start) / 1_000_000);
      keep(key, made);
      return made;
    }
  }

  /**
   * What the bytes depend on: the revisions, the taxonomy's labels (a new import replaces the
   * taxonomy object) and the contacts printed under safeguarding.
   */
  private String key(PublishedItem course, Map<String, PublishedItem> lessons) {
    StringBuilder key = new StringBuilder();
    key.append(course.id()).append('@').append(course.revision());
    lessons.values().stream()
        .sorted(java.util.Comparator.comparingLong(PublishedItem::id))
        .forEach(l -> key.append(',').append(l.id()).append('@').append(l.revision()));
    key.append('|').append(System.identityHashCode(catalog.taxonomy()));
    key.append('|').append(settings.referral().contacts());
    return key.toString();
  }

  private synchronized Pack kept(String key) {
    return kept.get(key);
  }

  private synchronized void keep(String key, Pack pack) {
    Pack before = kept.put(key, pack);
    keptBytes += pack.size() - (before == null ? 0 : before.size());
    var oldest = kept.values().iterator();
    while (keptBytes > KEPT_BYTES && kept.size() > 1 && oldest.hasNext()) {
      Pack dropped = oldest.next();
      oldest.remove();
      keptBytes -= dropped.size();
      if (kept.values().stream().noneMatch(p -> p.file().equals(dropped.file()))) {
        // A download still reading it keeps its open file.
        dropped.file().toFile().delete();
      }
    }
  }

  private Pack make(PublishedItem course, Map<String, PublishedItem> published) {
    Locale locale = Locale.forLanguageTag(course.lang());
    ReaderViews.CoursePage page = views.course(course, published);
    List<String> order =
        ((CourseContent) course.content())
            .lessonSlugs().stream().distinct().filter(published::containsKey).toList();
    List<PackLesson> lessons = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      String slug = order.get(i);
      lessons.add(
          new PackLesson(
              String.format(Locale.ROOT, "%02d-%s.html", i + 1, slug),
              slug,
              views.lesson(published.get(slug), locale)));
    }
    OffsetDateTime newest = course.publishedAt();
    for (PublishedItem lesson : published.values()) {
      if (lesson.publishedAt().isAfter(newest)) {
        newest = lesson.publishedAt();
      }
    }
    LocalDate date = newest.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    PackLinks files = new PackLinks(lessons, media);

    Map<String, Object> model = new HashMap<>();
    model.put("springMacroRequestContext", new PackMessages(messages, locale));
    model.put("coursePage", page);
    model.put("lessons", lessons);
    model.put("contacts", settings.referral().contacts());
    model.put("made", date.toString());
    model.put("lang", course.lang());

    Map<String, Object> entries = new LinkedHashMap<>();
    String folder = course.slug() + "/";
    entries.put(
        folder + "README.txt",
        (messages.getMessage("pack.readme", new Object[] {page.course().title()}, locale) + "\r\n")
            .getBytes(UTF_8));
    entries.put(folder + "index.html", files.html(render("pack/index.ftlh", model, ""), ""));
    entries.put(folder + "style.css", render("pack/style.css", model, "").getBytes(UTF_8));
    for (int i = 0; i < lessons.size(); i++) {
      PackLesson lesson = lessons.get(i);
      model.put("packed", lesson);
      model.put("page", lesson.page());
      model.put("lesson", lesson.page().lesson());
      model.put("item", lesson.page().item());
      model.put("previous", i == 0 ? null : lessons.get(i - 1));
      model.put("next", i == lessons.size() - 1 ? null : lessons.get(i + 1));
      model.put("position", i + 1);
      entries.put(
          folder + "lessons/" + lesson.file(),
          files.html(render("pack/lesson.ftlh", model, "../"), "../"));
      entries.put(
          folder + "print/" + lesson.file(),
          files.html(render("pack/print.ftlh", model, "../"), "../"));
    }
    for (String single : List.of("packed", "page", "lesson", "item", "previous", "next")) {
      model.remove(single);
    }
    entries.put(
        folder + "print-all.html", files.html(render("pack/print-all.ftlh", model, ""), ""));
    entries.put(
        folder + "take-home.html", files.html(render("pack/take-home.ftlh", model, ""), ""));
    for (Map.Entry<String, Media> file : files.media.entrySet()) {
      entries.put(folder + "media/" + file.getKey(), file.getValue());
    }
    String name = course.slug() + "-r" + course.revision() + ".zip";
    try {
      Path written = java.nio.file.Files.createTempFile(this.folder, "making-", ".zip");
      try {
        String sha256 = zip(entries, date.atStartOfDay(), written);
        Path file = this.folder.resolve(sha256 + ".zip");
        java.nio.file.Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Pack(name, file, java.nio.file.Files.size(file), sha256);
      } finally {
        java.nio.file.Files.deleteIfExists(written);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A lesson in the pack, and the name of its pages there. */
  public record PackLesson(String file, String slug, ReaderViews.LessonPage page) {}

  private String render(String template, Map<String, Object> model, String root) {
    model.put("root", root);
    Configuration configuration = freemarker.getConfiguration();
    try {
      Template page = configuration.getTemplate(template, Locale.ROOT);
      StringWriter out = new StringWriter();
      page.process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("The pack template " + template + " failed", e);
    }
  }

  /**
   * Writes the entries in the order given, each with the same time and no extra fields, text from
   * memory and media streamed from the blob store, to {@code target}.
   *
   * @return the SHA-256 of what was written, in hex
   */
  private String zip(Map<String, Object> entries, LocalDateTime time, Path target)
      throws IOException {
    MessageDigest digest = sha256();
    try (ZipOutputStream zip =
        new ZipOutputStream(
            new java.security.DigestOutputStream(
                new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(target)),
                digest),
            UTF_8)) {
      zip.setLevel(9);
      for (Map.Entry<String, Object> entry : entries.entrySet()) {
        ZipEntry file = new ZipEntry(entry.getKey());
        file.setTimeLocal(time);
        zip.putNextEntry(file);
        if (entry.getValue() instanceof Media stored) {
          try (InputStream in = media.open(stored, 0, -1)) {
            in.transferTo(zip);
          }
        } else {
          zip.write((byte[]) entry.getValue());
        }
        zip.closeEntry();
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final java.nio.charset.Charset UTF_8 = StandardCharsets.UTF_8;
}
