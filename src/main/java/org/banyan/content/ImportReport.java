package org.banyan.content;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported files that created a new item
 * @param updated files that became a new published revision of an existing item
 * @param skipped files whose content was already published as it is
 * @param errors files that could not be imported, each with where and why
 * @param warnings files that were imported but need a look, each with where and why (Markdown that
 *     would still show an emphasis marker)
 */
public record ImportReport(
    int imported, int updated, int skipped, List<ImportError> errors, List<ImportError> warnings) {

  /** A file that could not be imported. */
  public record ImportError(String path, int line, String reason) {}
}
