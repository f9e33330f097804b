package org.banyan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeChainTests {

  @TempDir Path themes;

  @Test
  void walksFromTheSelectedThemeThroughItsParentsToDefault() throws Exception {
    Files.createDirectories(themes.resolve("county/templates"));
    Files.writeString(themes.resolve("county/theme.yml"), "name: County\nparent: lowband\n");

    ThemeChain chain = new ThemeChain(new ThemeSettings("county", themes));

    assertThat(chain.names()).containsExactly("county", "lowband", "default");
  }

  @Test
  void looksInTheThemeFolderBeforeThePackagedCopy() throws Exception {
    Files.createDirectories(themes.resolve("county/templates"));
    Files.writeString(themes.resolve("county/theme.yml"), "name: County\n");

    String[] locations = new ThemeChain(new ThemeSettings("county", themes)).templateLocations();

    assertThat(locations[0]).startsWith("file:").endsWith("/county/templates/");
    assertThat(locations[1]).isEqualTo("classpath:/themes/county/templates/");
    assertThat(locations[locations.length - 1]).isEqualTo("classpath:/themes/default/templates/");
  }

  @Test
  void readsThePackagedThemesWhenThereIsNoThemeFolder() {
    ThemeChain chain = new ThemeChain(new ThemeSettings("lowband", themes.resolve("missing")));

    assertThat(chain.names()).containsExactly("lowband", "default");
    assertThat(chain.staticLocations())
        .containsExactly("classpath:/themes/lowband/static/", "classpath:/themes/default/static/");
  }

  @Test
  void refusesAThemeThatDoesNotExist() {
    assertThatThrownBy(() -> new ThemeChain(new ThemeSettings("nowhere", themes)))
        .hasMessageContaining("Theme 'nowhere' was not found");
  }

  @Test
  void survivesAParentCycle() throws Exception {
    Files.createDirectories(themes.resolve("a"));
    Files.createDirectories(themes.resolve("b"));
    Files.writeString(themes.resolve("a/theme.yml"), "parent: b\n");
    Files.writeString(themes.resolve("b/theme.yml"), "parent: a\n");

    assertThat(new ThemeChain(new ThemeSettings("a", themes)).names())
        .containsExactly("a", "b", "default");
  }
}
