package org.banyan.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code content/} tree: from the folder when it exists, else from the copy packed into the
 * jar. An uploaded zip in the same layout is read by {@link ContentZip}.
 */
@Component
class ContentFolder {

  private final Path directory;

  ContentFolder(ContentSettings settings) {
    this.directory = settings.contentDir().toAbsolutePath().normalize();
  }

  String describe() {
    return Files.isDirectory(directory) ? directory.toString() : "classpath:/content";
  }

  List<ContentFile> files() {
    try {
      return Files.isDirectory(directory) ? fromDirectory() : fromClasspath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the content folder " + describe(), e);
    }
  }

  Taxonomy taxonomy() {
    return files().stream()
        .filter(f -> f.path().equals("taxonomy.yml"))
        .findFirst()
        .map(f -> parseTaxonomy(f.text()))
        .orElse(new Taxonomy(List.of(), List.of()));
  }

  @SuppressWarnings("unchecked")
  static Taxonomy parseTaxonomy(String yaml) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(loaded instanceof Map<?, ?> root)) {
      return new Taxonomy(List.of(), List.of());
    }
    return new Taxonomy(
        terms((List<Object>) root.get("competencies")), terms((List<Object>) root.get("topics")));
  }

  @SuppressWarnings("unchecked")
  private static List<Taxonomy.Term> terms(List<Object> entries) {
    List<Taxonomy.Term> terms = new ArrayList<>();
    if (entries == null) {
      return terms;
    }
    for (Object entry : entries) {
      Map<String, Object> term = (Map<String, Object>) entry;
      Map<String, Object> synonyms = (Map<String, Object>) term.getOrDefault("synonyms", Map.of());
      terms.add(
          new Taxonomy.Term(
              String.valueOf(term.get("id")),
              String.valueOf(term.get("zh")),
              String.valueOf(term.get("en")),
              Map.of(
                  Languages.CHINESE, strings(synonyms.get("zh")),
                  Languages.ENGLISH, strings(synonyms.get("en")))));
    }
    return terms;
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private List<ContentFile> fromDirectory() throws IOException {
    List<ContentFile> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        String relative = directory.relativize(path).toString().replace('\\', '/');
        files.add(new ContentFile(relative, Files.readAllBytes(path)));
      }
    }
    return files;
  }

  private static List<ContentFile> fromClasspath() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ContentFile> files = new ArrayList<>();
    for (Resource resource : resolver.getResources("classpath*:/content/**/*")) {
      if (!resource.isReadable()) {
        continue;
      }
      String url = resource.getURL().toString();
      int at = url.lastIndexOf("/content/");
      if (at < 0 || url.endsWith("/")) {
        continue;
      }
      try (InputStream in = resource.getInputStream()) {
        files.add(new ContentFile(url.substring(at + "/content/".length()), in.readAllBytes()));
      }
    }
    files.sort(Comparator.comparing(ContentFile::path));
    return files;
  }
}
