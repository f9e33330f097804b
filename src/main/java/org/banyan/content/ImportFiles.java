package org.banyan.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of an import sorted by what they are: the taxonomy, media by file name, and content
 * files by type, with a refusal for each Markdown file in a place no content lives.
 *
 * @param taxonomy {@code taxonomy.yml}, or null when the import has none
 */
record ImportFiles(
    ContentFile taxonomy,
    Map<String, ContentFile> media,
    Map<ContentType, List<ContentFile>> items,
    List<ImportReport.ImportError> errors) {

  /** Where a content file lives: its type's folder, its slug and its language. */
  static final Pattern FILE =
      Pattern.compile("(lessons|courses|training)/([a-z0-9-]+)\\.(zh-CN|en)\\.md");

  static ImportFiles sort(List<ContentFile> files) {
    ContentFile taxonomy = null;
    Map<String, ContentFile> media = new HashMap<>();
    Map<ContentType, List<ContentFile>> items = new HashMap<>();
    List<ImportReport.ImportError> errors = new ArrayList<>();
    for (ContentFile file : files) {
      if (file.path().equals("taxonomy.yml")) {
        taxonomy = file;
      } else if (file.path().startsWith("media/")) {
        media.put(file.path().substring("media/".length()), file);
      } else if (file.path().endsWith(".md")) {
        Matcher name = FILE.matcher(file.path());
        if (name.matches()) {
          items
              .computeIfAbsent(
                  ContentType.forFolder(name.group(1)).orElseThrow(), t -> new ArrayList<>())
              .add(file);
        } else if (file.path().contains("/") && !file.path().startsWith("README")) {
          errors.add(
              new ImportReport.ImportError(
                  file.path(), 1, "expected lessons/, courses/ or training/<slug>.<zh-CN|en>.md"));
        }
      }
    }
    return new ImportFiles(taxonomy, media, items, errors);
  }
}
