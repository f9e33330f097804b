package org.banyan.media;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the bytes of uploaded files live, content-addressed by their SHA-256: storing the same
 * bytes twice keeps one copy. Every method throws {@link BlobStoreUnavailable} when the store
 * cannot be reached; nothing needs a restart once it is back.
 */
public interface BlobStore {

  /**
   * Stores the bytes of {@code data}, read to its end, and answers their SHA-256 (lower-case hex),
   * which is their key.
   */
  String put(InputStream data, String contentType);

  /** The size of the blob under {@code key}, or empty when there is none. */
  Optional<Long> size(String key);

  /**
   * The bytes of a blob from {@code offset}, at most {@code length} of them ({@code -1}: to the
   * end). The caller closes the stream.
   *
   * @throws BlobNotFound when there is no such blob
   */
  InputStream read(String key, long offset, long length);

  /** Removes a blob; nothing happens when there is none. */
  void delete(String key);

  /** A time-limited URL from which the blob can be fetched directly, where the store has them. */
  Optional<URI> presignedGet(String key, Duration validFor);

  /** Whether the store answers right now. */
  boolean available();

  /** A short name for health and logs: {@code filesystem}, {@code minio}. */
  String kind();

  /**
   * Which store this is, the same on every node that uses it: {@code s3:<endpoint>/<bucket>}, or
   * {@code folder:<id>} with the id kept in the folder itself, so that one folder shared by several
   * nodes (at any mount point) is recognised as one store.
   */
  String identity();

  /** Where the store is, for people: the folder's path, or the endpoint and bucket. */
  String describe();
}
