package org.banyan.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

/**
 * One file of a {@code content/} tree.
 *
 * @param path the path inside the tree, with forward slashes: {@code lessons/x.en.md}
 * @param content its bytes, read as often as needed: in memory, or spooled from an uploaded zip
 */
record ContentFile(String path, InputStreamSource content) {

  ContentFile(String path, byte[] bytes) {
    this(path, new ByteArrayResource(bytes));
  }

  String text() {
    try (InputStream in = content.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
