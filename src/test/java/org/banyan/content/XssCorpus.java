package org.banyan.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The payloads of {@code xss-corpus.txt}, and a check, with a real HTML parser, that rendered
 * markup holds nothing that could run script: no script-capable elements, no event handler or style
 * attributes, no script or data URLs.
 */
final class XssCorpus {

  private static final Set<String> ACTIVE_ELEMENTS =
      Set.of(
          "script",
          "iframe",
          "frame",
          "object",
          "embed",
          "svg",
          "math",
          "style",
          "meta",
          "base",
          "link",
          "video",
          "audio",
          "marquee",
          "details",
          "applet",
          "noscript",
          "template");
  private static final Set<String> FORM_ELEMENTS =
      Set.of("form", "input", "textarea", "select", "button");
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "action", "formaction", "background", "poster", "data", "xlink:href");

  private XssCorpus() {}

  static List<String> payloads() {
    try (InputStream in = XssCorpus.class.getResourceAsStream("/xss-corpus.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What in {@code html} could run script; empty when nothing. */
  static List<String> problems(String html, boolean formControlsAllowed) {
    List<String> problems = new ArrayList<>();
    for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      String name = element.normalName();
      if (ACTIVE_ELEMENTS.contains(name)
          || (!formControlsAllowed && FORM_ELEMENTS.contains(name))) {
        problems.add("element <" + name + ">");
      }
      for (Attribute attribute : element.attributes()) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        String value =
            attribute.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
        if (key.startsWith("on") || key.equals("style") || key.equals("srcdoc")) {
          problems.add("attribute " + key + " on <" + name + ">");
        }
        if (URL_ATTRIBUTES.contains(key)
            && (value.startsWith("javascript:")
                || value.startsWith("vbscript:")
                || value.startsWith("data:"))) {
          problems.add(key + "=" + attribute.getValue() + " on <" + name + ">");
        }
      }
    }
    return problems;
  }
}
