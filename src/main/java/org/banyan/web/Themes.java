package org.banyan.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.banyan.problem.InvalidInput;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Every theme this node can show, so that an author sees a draft as teachers of every deployment
 * will: the selected theme renders as usual, another one through its own template chain and static
 * files under {@code /themes/<name>/}. Which theme the site itself uses does not change.
 */
public final class Themes {

  /** One theme: its folder name and the name its {@code theme.yml} gives it. */
  public record Theme(String name, String label) {}

  /** A theme's name, as its folder is called: nothing that could climb out of the folder. */
  static final String NAME = "[a-z0-9][a-z0-9_-]{0,40}";

  private final String selected;
  private final Map<String, Theme> themes;
  private final Map<String, ThemeViews> others;

  Themes(String selected, Map<String, Theme> themes, Map<String, ThemeViews> others) {
    this.selected = selected;
    this.themes = Map.copyOf(themes);
    this.others = Map.copyOf(others);
  }

  /** The themes, the selected one first, then the others by name. */
  public List<Theme> all() {
    List<Theme> all = new ArrayList<>();
    all.add(themes.get(selected));
    themes.values().stream()
        .filter(t -> !t.name().equals(selected))
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(all::add);
    return all;
  }

  /** The theme the site shows. */
  public String selected() {
    return selected;
  }

  /**
   * Template {@code template} in theme {@code theme} ({@code null} or blank: the selected one);
   * refused, naming the {@code theme} field, when no such theme exists.
   */
  public ModelAndView page(String theme, String template, Locale locale) {
    String name = name(theme);
    if (name.equals(selected)) {
      return new ModelAndView(template);
    }
    ThemeViews views = others.get(name);
    if (views == null) {
      throw InvalidInput.of(
          "theme", "invalid.theme", String.join(", ", all().stream().map(Theme::name).toList()));
    }
    View view = views.view(template, locale);
    return new ModelAndView(view);
  }

  /** The theme a request asked for by {@code theme}: the selected one when it named none. */
  public String name(String theme) {
    return theme == null || theme.isBlank() ? selected : theme.trim();
  }

  /** The names of the themes found in {@code themesDir} and packed into the jar. */
  static List<String> discover(Path themesDir) {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(themesDir)) {
      try (Stream<Path> folders = Files.list(themesDir)) {
        folders
            .filter(f -> Files.isRegularFile(f.resolve("theme.yml")))
            .map(f -> f.getFileName().toString())
            .filter(n -> n.matches(NAME))
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the themes in " + themesDir, e);
      }
    }
    try {
      for (Resource packed :
          new PathMatchingResourcePatternResolver().getResources("classpath*:themes/*/theme.yml")) {
        folderOf(packed).filter(n -> n.matches(NAME) && !names.contains(n)).ifPresent(names::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the packed themes", e);
    }
    return names;
  }

  private static Optional<String> folderOf(Resource descriptor) {
    try {
      String[] parts = descriptor.getURL().toString().split("/");
      return parts.length < 2 ? Optional.empty() : Optional.of(parts[parts.length - 2]);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
