package org.banyan.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/** Uploading files and finding them again. */
@Service
public class MediaLibrary {

  private static final String COLUMNS =
      "id, sha256, filename, content_type, size, uploaded_by, created_at";

  private final BlobStore store;
  private final JdbcClient db;
  private final StorageSettings settings;
  private final Clock clock;

  MediaLibrary(BlobStore store, JdbcClient db, StorageSettings settings, Clock clock) {
    this.store = store;
    this.db = db;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Stores an upload. Its type is told from its bytes; its name is cleaned and given the extension
   * of that type.
   *
   * @throws UnsupportedFileType for anything but the accepted types
   * @throws FileTooLarge over the size limit
   * @throws BlobStoreUnavailable when the store cannot be reached
   */
  public Media upload(String actor, String originalName, InputStream data) {
    try (BufferedInputStream in = new BufferedInputStream(data, FileTypes.HEAD * 2)) {
      in.mark(FileTypes.HEAD);
      byte[] head = in.readNBytes(FileTypes.HEAD);
      in.reset();
      FileTypes.Detected type = FileTypes.detect(head).orElseThrow(UnsupportedFileType::create);
      LimitedInputStream limited = new LimitedInputStream(in, settings.maxFileSize().toBytes());
      String sha256;
      try {
        sha256 = store.put(limited, type.contentType());
      } catch (BlobStoreUnavailable e) {
        if (limited.exceeded()) {
          throw FileTooLarge.over(settings.maxFileSize());
        }
        throw e;
      }
      long size = store.size(sha256).orElse(limited.count());
      Media media =
          new Media(
              UUID.randomUUID().toString(),
              sha256,
              FileNames.clean(originalName, type.extension()),
              type.contentType(),
              size,
              actor,
              OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
      db.sql(
              "INSERT INTO media ("
                  + COLUMNS
                  + ") VALUES (:id, :sha, :name, :type, :size, :by, :at)")
          .param("id", media.id())
          .param("sha", media.sha256())
          .param("name", media.filename())
          .param("type", media.contentType())
          .param("size", media.size())
          .param("by", media.uploadedBy())
          .param("at", media.createdAt())
          .update();
      return media;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file that arrives with content (an import): reuses an earlier upload of the same bytes under
   * the same name, else stores it like an upload. The content is read twice, never held whole.
   *
   * @throws FileTooLarge over the size limit
   */
  public Media importFile(String actor, String name, InputStreamSource content) {
    try {
      java.security.MessageDigest digest = Sha256.digest();
      byte[] head;
      try (InputStream in = content.getInputStream()) {
        head = in.readNBytes(FileTypes.HEAD);
        digest.update(head);
        in.transferTo(
            new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest));
      }
      String sha256 = Sha256.hex(digest);
      Optional<Media> same =
          FileTypes.detect(head)
              .flatMap(type -> findSame(sha256, FileNames.clean(name, type.extension())));
      if (same.isPresent()) {
        return same.get();
      }
      try (InputStream in = content.getInputStream()) {
        return upload(actor, name, in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The most one file may hold ({@code banyan.storage.max-file-size}). */
  public DataSize maxFileSize() {
    return settings.maxFileSize();
  }

  public Optional<Media> find(String id) {
    if (id == null || !id.matches("[0-9a-f-]{36}")) {
      return Optional.empty();
    }
    return db.sql("SELECT " + COLUMNS + " FROM media WHERE id = :id")
        .param("id", id.toLowerCase(Locale.ROOT))
        .query(Media.class)
        .optional();
  }

  /** Audio and video files, the newest first, at most {@code limit}: what a media unit may play. */
  public java.util.List<Media> playable(int limit) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM media WHERE content_type LIKE 'audio/%' OR content_type LIKE 'video/%'"
                + " ORDER BY created_at DESC, id LIMIT :limit")
        .param("limit", limit)
        .query(Media.class)
        .list();
  }

  /** An earlier upload of exactly these bytes under this name, if there is one. */
  public Optional<Media> findSame(String sha256, String filename) {
    return db
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM media WHERE sha256 = :sha AND filename = :name ORDER BY created_at")
        .param("sha", sha256)
        .param("name", filename)
        .query(Media.class)
        .list()
        .stream()
        .findFirst();
  }

  /**
   * The bytes of a media file, from {@code offset}, at most {@code length} ({@code -1}: to the
   * end). The caller closes the stream.
   */
  public InputStream open(Media media, long offset, long length) {
    return store.read(media.sha256(), offset, length);
  }

  /** Whether uploads can be taken right now. */
  public boolean available() {
    return store.available();
  }
}
