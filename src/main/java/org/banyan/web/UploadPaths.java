package org.banyan.web;

import java.util.List;

/**
 * Paths that take file uploads (multipart requests). Each feature declares its own as a bean; a
 * multipart request anywhere else is refused before its body is read.
 *
 * @param patterns path patterns (Ant-style), pages and API alike
 */
public record UploadPaths(List<String> patterns) {

  public UploadPaths {
    patterns = List.copyOf(patterns);
  }
}
