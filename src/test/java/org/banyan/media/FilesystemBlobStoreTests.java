package org.banyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBlobStoreTests extends BlobStoreContract {

  @TempDir Path folder;
  private FilesystemBlobStore store;

  @BeforeEach
  void createStore() {
    store = new FilesystemBlobStore(folder);
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}), "image/png");
    try (Stream<Path> incoming = Files.list(folder.resolve("incoming"))) {
      assertThat(incoming).isEmpty();
    }
  }

  @Test
  void hasNoPresignedUrls() {
    assertThat(store.presignedGet("a".repeat(64), java.time.Duration.ofMinutes(5))).isEmpty();
  }
}
