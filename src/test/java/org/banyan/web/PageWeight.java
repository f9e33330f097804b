package org.banyan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a first visit to a page downloads: its HTML and every file of this server it loads
 * (stylesheets and what they import or point at, scripts, icons, images), each fetched once with
 * {@code Accept-Encoding: gzip} and counted as the body bytes on the wire, headers left out.
 */
final class PageWeight {

  /** The issue's budget: 30 KB gzipped with everything a page loads. */
  static final int BUDGET = 30 * 1024;

  private static final Pattern CSS_URL =
      Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");

  /** One file of a page: its bytes on the wire and gzipped by us (for one the server sent raw). */
  record File(String path, int status, String encoding, int wire, int gzipped) {}

  /** A page's weight: its HTML first, then the files it loads. */
  record Weight(String path, List<File> files) {

    int wire() {
      return files.stream().mapToInt(File::wire).sum();
    }

    int gzipped() {
      return files.stream().mapToInt(File::gzipped).sum();
    }

    boolean withinBudget() {
      return wire() <= BUDGET;
    }
  }

  private final String base;
  private final Map<String, ReadPathBenchmark.Answer> fetched = new HashMap<>();

  PageWeight(String base) {
    this.base = base;
  }

  Weight of(String path) throws IOException {
    List<File> files = new ArrayList<>();
    ReadPathBenchmark.Answer html = fetch(path);
    files.add(file(path, html));
    Set<String> loads = new LinkedHashSet<>();
    Document page = Jsoup.parse(html.text(), base + path);
    for (Element link : page.select("link[href]")) {
      String rel = link.attr("rel").toLowerCase();
      if (rel.contains("stylesheet")
          || rel.contains("icon")
          || rel.contains("preload")
          || rel.contains("manifest")) {
        add(loads, link.absUrl("href"));
      }
    }
    page.select("script[src]").forEach(e -> add(loads, e.absUrl("src")));
    page.select("img[src], input[type=image][src]").forEach(e -> add(loads, e.absUrl("src")));
    page.select("video[poster]").forEach(e -> add(loads, e.absUrl("poster")));
    page.select("[style]").forEach(e -> cssUrls(e.attr("style"), base + path, loads));
    page.select("style").forEach(e -> cssUrls(e.data(), base + path, loads));
    List<String> queue = new ArrayList<>(loads);
    for (int i = 0; i < queue.size(); i++) {
      String url = queue.get(i);
      ReadPathBenchmark.Answer answer = fetch(url.substring(base.length()));
      files.add(file(url.substring(base.length()), answer));
      String type = answer.header("Content-Type");
      if (type != null && type.startsWith("text/css")) {
        Set<String> more = new LinkedHashSet<>();
        cssUrls(answer.text(), url, more);
        more.stream().filter(u -> !queue.contains(u)).forEach(queue::add);
      }
    }
    return new Weight(path, files);
  }

  private ReadPathBenchmark.Answer fetch(String path) throws IOException {
    ReadPathBenchmark.Answer answer = fetched.get(path);
    if (answer == null) {
      answer = ReadPathBenchmark.fetch(base + path, Map.of("Accept-Encoding", "gzip"));
      fetched.put(path, answer);
    }
    return answer;
  }

  /** Only this server's files: a page's CSP allows no other. */
  private void add(Set<String> loads, String url) {
    if (url.startsWith(base + "/")) {
      loads.add(url.replaceFirst("#.*", ""));
    }
  }

  private void cssUrls(String css, String from, Set<String> loads) {
    Matcher matcher = CSS_URL.matcher(css);
    while (matcher.find()) {
      String ref = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      if (!ref.startsWith("data:")) {
        add(loads, URI.create(from).resolve(ref.strip()).toString());
      }
    }
  }

  private static File file(String path, ReadPathBenchmark.Answer answer) throws IOException {
    String encoding = answer.header("Content-Encoding");
    return new File(
        path,
        answer.status(),
        encoding == null ? "identity" : encoding,
        answer.wireBytes(),
        gzip(answer.body()).length);
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }

  static String kb(int bytes) {
    return String.format("%.1f KB", bytes / 1024.0);
  }

  static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
