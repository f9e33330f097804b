package org.banyan.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Incoming bytes written to a temporary file while their SHA-256 is computed, so a store knows the
 * key and the size before it moves or uploads them. Closing deletes the file if it is still there.
 */
final class StagedFile implements AutoCloseable {

  private final Path path;
  private final String sha256;

  private StagedFile(Path path, String sha256) {
    this.path = path;
    this.sha256 = sha256;
  }

  static StagedFile stage(InputStream data, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "upload-", ".part");
    try {
      MessageDigest digest = Sha256.digest();
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
        data.transferTo(out);
      }
      return new StagedFile(temp, Sha256.hex(digest));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  Path path() {
    return path;
  }

  String sha256() {
    return sha256;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A leftover temporary file is harmless and is not a blob.
    }
  }
}
