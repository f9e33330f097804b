package org.banyan.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.springframework.core.io.PathResource;
import org.springframework.util.unit.DataSize;

/**
 * An uploaded zip in the {@code content/} layout, read as a stream within limits. The files the
 * importer reads are spooled to a temporary folder, one at a time, so the heap never holds the zip;
 * the rest are inflated only to be counted. What counts is the bytes actually inflated, never the
 * sizes the zip's headers claim, and the first limit passed stops the reading. Closing it deletes
 * the spooled files.
 */
final class ContentZip implements AutoCloseable {

  private final Path folder;
  private final List<ContentFile> files;

  private ContentZip(Path folder, List<ContentFile> files) {
    this.folder = folder;
    this.files = files;
  }

  /**
   * Reads {@code zip} whole.
   *
   * @throws ZipRefused past {@code limits} or {@code maxEntrySize}, or when it is not a zip
   */
  static ContentZip read(InputStream zip, ImportLimits limits, DataSize maxEntrySize)
      throws IOException {
    Path folder = Files.createTempDirectory("banyan-import");
    try {
      return new ContentZip(folder, spool(zip, folder, limits, maxEntrySize));
    } catch (ZipException e) {
      delete(folder);
      throw ZipRefused.unreadable();
    } catch (IOException | RuntimeException e) {
      delete(folder);
      throw e;
    }
  }

  /** The files the importer reads, by path. */
  List<ContentFile> files() {
    return files;
  }

  @Override
  public void close() {
    delete(folder);
  }

  private static List<ContentFile> spool(
      InputStream zip, Path folder, ImportLimits limits, DataSize maxEntrySize) throws IOException {
    List<ContentFile> files = new ArrayList<>();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(zip)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (++entries > limits.maxEntries()) {
          throw ZipRefused.tooManyEntries(limits.maxEntries());
        }
        if (entry.getName().isEmpty()) {
          throw ZipRefused.unreadable();
        }
        String path = pathOf(entry);
        Path spooled = path == null ? null : folder.resolve(Integer.toString(files.size()));
        long size = 0;
        try (OutputStream out =
            spooled == null ? OutputStream.nullOutputStream() : Files.newOutputStream(spooled)) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            size += n;
            total += n;
            if (size > maxEntrySize.toBytes()) {
              throw ZipRefused.entryTooLarge(entry.getName(), maxEntrySize);
            }
            if (total > limits.maxSize().toBytes()) {
              throw ZipRefused.tooLarge(limits.maxSize());
            }
            out.write(buffer, 0, n);
          }
        }
        if (spooled != null) {
          files.add(new ContentFile(path, new PathResource(spooled)));
        }
      }
    }
    if (entries == 0) {
      throw ZipRefused.unreadable();
    }
    files.sort(Comparator.comparing(ContentFile::path));
    return files;
  }

  /**
   * The path of an entry in the {@code content/} tree, or null for an entry the importer does not
   * read: a folder, a name that leaves the tree, or a file of no use.
   */
  private static String pathOf(ZipEntry entry) {
    String name = entry.getName().replace('\\', '/');
    if (entry.isDirectory()
        || name.contains("..")
        || name.startsWith("/")
        || name.contains(":")
        || name.chars().anyMatch(Character::isISOControl)) {
      return null;
    }
    if (name.startsWith("content/")) {
      name = name.substring("content/".length());
    }
    boolean read = name.equals("taxonomy.yml") || name.startsWith("media/") || name.endsWith(".md");
    return read ? name : null;
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ContentZip::deleteQuietly);
    } catch (IOException e) {
      // Only a temporary folder: the system cleans it up in the end.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // As above.
    }
  }
}
