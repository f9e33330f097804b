package org.banyan.content;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** The three kinds of content; they share one lifecycle. */
@NamedInterface("catalog")
public enum ContentType {
  LESSON("lessons", "lessons", "lesson"),
  COURSE("courses", "courses", "course"),
  MODULE("modules", "training", "module");

  private final String path;
  private final String folder;
  private final String key;

  ContentType(String path, String folder, String key) {
    this.path = path;
    this.folder = folder;
    this.key = key;
  }

  /** The plural used in URLs: {@code /api/v1/authoring/lessons}. */
  public String path() {
    return path;
  }

  /** The folder of {@code content/} holding this type's files. */
  public String folder() {
    return folder;
  }

  /** The singular used in messages and facets: {@code lesson}. */
  public String key() {
    return key;
  }

  public static Optional<ContentType> forPath(String path) {
    return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
  }

  public static Optional<ContentType> forFolder(String folder) {
    return Arrays.stream(values()).filter(t -> t.folder.equals(folder)).findFirst();
  }
}
