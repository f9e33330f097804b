package org.banyan.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Blobs as files in a folder, {@code ab/cd/abcd…} by their SHA-256. A write goes to a temporary
 * file first and is moved into place atomically, so a reader never sees half a file.
 */
final class FilesystemBlobStore implements BlobStore {

  private final Path root;
  private final Path incoming;

  FilesystemBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.incoming = this.root.resolve("incoming");
    try {
      Files.createDirectories(incoming);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the blob folder " + root, e);
    }
  }

  @Override
  public String put(InputStream data, String contentType) {
    try (StagedFile staged = StagedFile.stage(data, incoming)) {
      String key = staged.sha256();
      Path target = pathOf(key);
      if (Files.exists(target)) {
        return key;
      }
      Files.createDirectories(target.getParent());
      try {
        Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staged.path(), target);
      } catch (FileAlreadyExistsException stored) {
        // The same bytes arrived twice at once; one copy is enough.
      }
      return key;
    } catch (IOException e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  @Override
  public Optional<Long> size(String key) {
    if (!Sha256.isKey(key)) {
      return Optional.empty();
    }
    try {
      Path path = pathOf(key);
      return Files.isRegularFile(path) ? Optional.of(Files.size(path)) : Optional.empty();
    } catch (IOException e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  @Override
  public InputStream read(String key, long offset, long length) {
    if (size(key).isEmpty()) {
      throw BlobNotFound.forKey(key);
    }
    try {
      SeekableByteChannel channel = Files.newByteChannel(pathOf(key));
      channel.position(offset);
      InputStream in = Channels.newInputStream(channel);
      return length < 0 ? in : new BoundedInputStream(in, length);
    } catch (IOException e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  @Override
  public void delete(String key) {
    if (!Sha256.isKey(key)) {
      return;
    }
    try {
      Files.deleteIfExists(pathOf(key));
    } catch (IOException e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  @Override
  public Optional<URI> presignedGet(String key, Duration validFor) {
    return Optional.empty();
  }

  @Override
  public boolean available() {
    return Files.isDirectory(root) && Files.isWritable(root);
  }

  @Override
  public String kind() {
    return "filesystem";
  }

  @Override
  public String identity() {
    return "folder:" + storeId();
  }

  @Override
  public String describe() {
    return root.toString();
  }

  /** The folder's id, made by the first node that used it and read by the others. */
  private String storeId() {
    Path file = root.resolve(STORE_ID);
    try {
      if (!Files.exists(file)) {
        Path staged = Files.createTempFile(incoming, "store-id", ".tmp");
        Files.writeString(staged, java.util.UUID.randomUUID().toString());
        try {
          // Not replacing: when two nodes start at once on a shared folder, the first id stays.
          Files.move(staged, file);
        } catch (FileAlreadyExistsException other) {
          Files.deleteIfExists(staged);
        }
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the blob folder's id in " + file, e);
    }
  }

  private static final String STORE_ID = "store-id";

  private Path pathOf(String key) {
    return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }
}
