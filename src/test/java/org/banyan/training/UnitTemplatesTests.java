package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.banyan.content.UnitType;
import org.junit.jupiter.api.Test;

/**
 * FreeMarker is not compiled, so this stands in for the compiler: a template that shows a unit by
 * its type ({@code <@.vars[u.type().code()] u/>}) has one macro for each type, named by its code,
 * and no macro that names no type.
 */
class UnitTemplatesTests {

  private static final String DISPATCH = "<@.vars[u.type().code()] u/>";
  private static final Pattern MACRO = Pattern.compile("<#macro\\s+([\\w-]+)");

  @Test
  void everyTemplateShowingUnitsByTypeHasAMacroForEachTypeAndNoOther() throws IOException {
    Set<String> codes =
        Arrays.stream(UnitType.values())
            .map(UnitType::code)
            .collect(Collectors.toCollection(TreeSet::new));
    List<Path> templates = dispatching();
    assertThat(templates)
        .extracting(p -> p.getFileName().toString())
        .contains("module.ftlh", "handout.ftlh");
    for (Path template : templates) {
      Set<String> macros = new TreeSet<>();
      Matcher matcher = MACRO.matcher(Files.readString(template));
      while (matcher.find()) {
        macros.add(matcher.group(1));
      }
      assertThat(macros).as(template.toString()).isEqualTo(codes);
    }
  }

  private static List<Path> dispatching() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("themes"))) {
      return files
          .filter(p -> p.toString().endsWith(".ftlh"))
          .filter(
              p -> {
                try {
                  return Files.readString(p).contains(DISPATCH);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .toList();
    }
  }
}
