package org.banyan.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The themes a lookup walks through, most specific first: the selected theme, its parents as named
 * in each {@code theme.yml}, then {@code default}. Each theme is read from the themes folder when
 * it has one there, else from the copy packed into the jar.
 */
final class ThemeChain {

  static final String DEFAULT_THEME = "default";

  private final Path themesDir;
  private final List<String> names;
  private final String label;

  ThemeChain(ThemeSettings settings) {
    this(settings.themesDir(), settings.theme());
  }

  /** The chain starting at theme {@code name}; refused when that theme or a parent is missing. */
  ThemeChain(Path themesDir, String name) {
    this.themesDir = themesDir.toAbsolutePath().normalize();
    this.names = resolve(name);
    Object named = descriptor(name).map(d -> d.get("name")).orElse(null);
    this.label = named == null ? name : named.toString().trim();
  }

  List<String> names() {
    return names;
  }

  /** The first theme's own name for itself, from its {@code theme.yml}. */
  String label() {
    return label;
  }

  String[] templateLocations() {
    return locations("templates");
  }

  String[] staticLocations() {
    return locations("static");
  }

  private String[] locations(String kind) {
    List<String> locations = new ArrayList<>();
    for (String name : names) {
      Path folder = themesDir.resolve(name).resolve(kind);
      if (Files.isDirectory(folder)) {
        locations.add(folder.toUri().toString());
      }
      locations.add("classpath:/themes/" + name + "/" + kind + "/");
    }
    return locations.toArray(String[]::new);
  }

  private List<String> resolve(String selected) {
    Set<String> chain = new LinkedHashSet<>();
    String current = selected;
    while (current != null && chain.add(current)) {
      Map<String, Object> descriptor =
          descriptor(current)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Theme '%s' was not found in %s or in the packaged themes"
                              .formatted(selected, themesDir)));
      Object parent = descriptor.get("parent");
      current = parent == null ? null : parent.toString().trim();
    }
    chain.add(DEFAULT_THEME);
    return List.copyOf(chain);
  }

  private Optional<Map<String, Object>> descriptor(String name) {
    if (!name.matches(Themes.NAME)) {
      return Optional.empty();
    }
    Path file = themesDir.resolve(name).resolve("theme.yml");
    try {
      if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          return Optional.of(parse(in));
        }
      }
      ClassPathResource packed = new ClassPathResource("themes/" + name + "/theme.yml");
      if (packed.exists()) {
        try (InputStream in = packed.getInputStream()) {
          return Optional.of(parse(in));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read theme descriptor of '" + name + "'", e);
    }
  }

  private static Map<String, Object> parse(InputStream in) {
    Object loaded = new Yaml().load(in);
    if (loaded instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> descriptor = (Map<String, Object>) map;
      return descriptor;
    }
    return Map.of();
  }
}
