package org.banyan.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The payloads of {@code xss-corpus.txt}, and what must never come out of rendering them. */
final class XssCorpus {

  /** Markup that would run script or load active content if it reached a page. */
  static final Pattern DANGER =
      Pattern.compile(
          "(?i)<\\s*(script|iframe|object|embed|svg|math|style|meta|base|link|form|input|body|video|audio|marquee|details)\\b"
              + "|\\son[a-z]+\\s*="
              + "|(href|src|action|background)\\s*=\\s*[\"']?\\s*(javascript|vbscript|data):"
              + "|\\sstyle\\s*=");

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
}
