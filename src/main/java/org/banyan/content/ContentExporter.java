package org.banyan.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.springframework.stereotype.Service;

/**
 * Writes the published catalog as a zip in the {@code content/} format: the same layout the
 * importer reads, so export, import into an empty database and export again give the same files.
 */
@Service
class ContentExporter {

  private final Catalog catalog;
  private final MediaLibrary media;

  ContentExporter(Catalog catalog, MediaLibrary media) {
    this.catalog = catalog;
    this.media = media;
  }

  /** The files of the export, by path, in a stable order. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new TreeMap<>();
    files.put("taxonomy.yml", taxonomy(catalog.taxonomy()).getBytes(StandardCharsets.UTF_8));
    for (PublishedItem item :
        catalog.all().stream().sorted(Comparator.comparing(PublishedItem::url)).toList()) {
      Map<String, Object> fields = ContentFiles.fields(item, id -> mediaFile(id, files));
      if (item.content() instanceof LessonContent lesson) {
        lesson.attachments().forEach(a -> mediaFile(a.mediaId(), a.name(), files));
      }
      String path = item.type().folder() + "/" + item.slug() + "." + item.lang() + ".md";
      files.put(
          path,
          FrontMatter.write(fields, item.content().markdown()).getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  public void writeZip(OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> file : files().entrySet()) {
        ZipEntry entry = new ZipEntry(file.getKey());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(file.getValue());
        zip.closeEntry();
      }
    }
  }

  /** The taxonomy in effect, in the layout of {@code content/taxonomy.yml}. */
  static String taxonomy(Taxonomy taxonomy) {
    Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("competencies", terms(taxonomy.competencies()));
    root.put("topics", terms(taxonomy.topics()));
    return FrontMatter.dump(root);
  }

  private static java.util.List<Map<String, Object>> terms(java.util.List<Taxonomy.Term> terms) {
    return terms.stream()
        .map(
            term -> {
              Map<String, Object> entry = new java.util.LinkedHashMap<>();
              entry.put("id", term.id());
              entry.put("zh", term.zh());
              entry.put("en", term.en());
              Map<String, Object> synonyms = new java.util.LinkedHashMap<>();
              synonyms.put(
                  "zh", term.synonyms().getOrDefault(Languages.CHINESE, java.util.List.of()));
              synonyms.put(
                  "en", term.synonyms().getOrDefault(Languages.ENGLISH, java.util.List.of()));
              entry.put("synonyms", synonyms);
              return entry;
            })
        .toList();
  }

  private String mediaFile(String mediaId, Map<String, byte[]> files) {
    Media file = media.find(mediaId).orElse(null);
    if (file == null) {
      return mediaId;
    }
    String name = AttachmentNames.clean(file.filename());
    mediaFile(mediaId, name, files);
    return name;
  }

  /** Adds a media file as {@code media/<name>}, its name cleaned again whatever was saved. */
  private void mediaFile(String mediaId, String name, Map<String, byte[]> files) {
    media
        .find(mediaId)
        .ifPresent(
            file -> {
              try (InputStream in = media.open(file, 0, -1)) {
                files.put("media/" + AttachmentNames.clean(name), in.readAllBytes());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }
}
