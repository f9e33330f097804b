package org.banyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.banyan.account.Role;
import org.junit.jupiter.api.Test;

/** All UI text comes from the bundles, and both languages have every message. */
class MessageBundleTests {

  private static final Pattern MESSAGE_CALL =
      Pattern.compile("ui\\.t\\(\\s*[\"']([A-Za-z0-9_.]+)[\"']\\s*[,)]");
  private static final Pattern TEXT_ATTRIBUTE =
      Pattern.compile("\\b(alt|title|placeholder|aria-label)=\"([^\"$]*\\p{L}[^\"]*)\"");

  @Test
  void bothLanguagesHaveTheSameMessages() throws IOException {
    assertThat(bundle("messages_en.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
  }

  @Test
  void everyMessageATemplateAsksForExists() throws IOException {
    Set<String> known = bundle("messages.properties").stringPropertyNames();
    Set<String> missing = new TreeSet<>();
    for (Path template : templates()) {
      Matcher call = MESSAGE_CALL.matcher(Files.readString(template));
      while (call.find()) {
        if (!known.contains(call.group(1))) {
          missing.add(template.getFileName() + ": " + call.group(1));
        }
      }
    }
    for (Role role : Role.values()) {
      if (!known.contains("role." + role.name())) {
        missing.add("role." + role.name());
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void templatesHoldNoHardCodedText() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path template : templates()) {
      String source = Files.readString(template);
      String text =
          source
              .replaceAll("(?s)<#--.*?-->", " ")
              .replaceAll("(?s)\\$\\{[^}]*}", " ")
              .replaceAll("(?s)</?[#@][^>]*>", " ")
              .replaceAll("(?s)<[^>]*>", " ")
              .replaceAll("&[a-z#0-9]+;", " ");
      for (String line : text.split("\n")) {
        if (line.codePoints().anyMatch(Character::isLetter)) {
          found.add(template + ": " + line.strip());
        }
      }
      Matcher attribute = TEXT_ATTRIBUTE.matcher(source);
      while (attribute.find()) {
        found.add(template + ": " + attribute.group());
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theCheckFindsTextOutsideTheBundles() {
    String html = "<p>${ui.t(\"a.b\")} Hello</p>";
    String stripped = html.replaceAll("(?s)\\$\\{[^}]*}", " ").replaceAll("(?s)<[^>]*>", " ");
    assertThat(stripped.codePoints().anyMatch(Character::isLetter)).isTrue();
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("themes"))) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".ftlh")).sorted().toList();
      assertThat(found).isNotEmpty();
      return found;
    }
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageBundleTests.class.getResourceAsStream("/i18n/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
