package org.banyan.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every blob store does, run against each implementation. */
abstract class BlobStoreContract {

  abstract BlobStore store();

  private static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void storesBytesUnderTheirSha256() throws Exception {
    byte[] data = bytes(70_000, 1);
    String key = store().put(new ByteArrayInputStream(data), "application/pdf");
    assertThat(key).isEqualTo(sha256(data));
    assertThat(store().size(key)).contains(70_000L);
    assertThat(read(store().read(key, 0, -1))).isEqualTo(data);
  }

  @Test
  void storesTheSameBytesOnce() throws Exception {
    byte[] data = "the same worksheet".getBytes(StandardCharsets.UTF_8);
    String first = store().put(new ByteArrayInputStream(data), "text/plain");
    String second = store().put(new ByteArrayInputStream(data), "text/plain");
    assertThat(second).isEqualTo(first);
    assertThat(read(store().read(first, 0, -1))).isEqualTo(data);
  }

  @Test
  void readsARangeOfBytes() throws Exception {
    byte[] data = bytes(10_000, 2);
    String key = store().put(new ByteArrayInputStream(data), "audio/mpeg");
    byte[] middle = read(store().read(key, 1000, 500));
    assertThat(middle).isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 1500));
    byte[] tail = read(store().read(key, 9_990, -1));
    assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(data, 9_990, 10_000));
  }

  @Test
  void answersNothingForAnUnknownKey() {
    String missing = "0".repeat(64);
    assertThat(store().size(missing)).isEmpty();
    assertThatThrownBy(() -> store().read(missing, 0, -1)).isInstanceOf(BlobNotFound.class);
    assertThat(store().size("../../etc/passwd")).isEmpty();
  }

  @Test
  void deletesABlob() throws Exception {
    byte[] data = bytes(100, 3);
    String key = store().put(new ByteArrayInputStream(data), "image/png");
    store().delete(key);
    assertThat(store().size(key)).isEmpty();
    store().delete(key);
  }

  @Test
  void isAvailable() {
    assertThat(store().available()).isTrue();
  }
}
