package org.banyan.content;

import java.nio.charset.StandardCharsets;

/**
 * One file of a {@code content/} tree.
 *
 * @param path the path inside the tree, with forward slashes: {@code lessons/x.en.md}
 */
record ContentFile(String path, byte[] bytes) {

  String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
