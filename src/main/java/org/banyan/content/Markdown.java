package org.banyan.content;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banyan.media.Media;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Markdown to HTML that is safe to show, whatever an author typed: rendered by commonmark (tables,
 * heading anchors), then sanitized by the OWASP policy below. Raw HTML in the Markdown is escaped,
 * and the sanitizer drops anything outside the policy even if the renderer let it through. Images
 * come only from Banyan's own media URLs, exactly as {@link Media#url()} writes them.
 */
@NamedInterface("catalog")
@Component
public class Markdown {

  /**
   * What rendering leaves of an emphasis marker: a pair of them, or one against a word. Three or
   * more underscores are a blank to fill in, not a marker.
   */
  private static final Pattern LEFTOVER =
      Pattern.compile(
          "\\*\\*|(?<!_)__(?!_)|(?<=[\\p{L}\\p{N}\\p{P}])\\*|\\*(?=[\\p{L}\\p{N}\\p{P}])");

  private static final Pattern ANCHOR = Pattern.compile("[\\p{L}\\p{N}_-]{1,120}");
  private static final Pattern ALIGN = Pattern.compile("left|center|right");
  private static final Pattern CODE_CLASS = Pattern.compile("language-[A-Za-z0-9_+-]{1,30}");

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "hr",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "ul",
              "ol",
              "li",
              "strong",
              "em",
              "b",
              "i",
              "del",
              "blockquote",
              "pre",
              "code",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td")
          .allowAttributes("id")
          .matching(ANCHOR)
          .onElements("h1", "h2", "h3", "h4", "h5", "h6")
          .allowAttributes("align")
          .matching(ALIGN)
          .onElements("th", "td")
          .allowAttributes("class")
          .matching(CODE_CLASS)
          .onElements("code")
          .allowAttributes("start")
          .matching(Pattern.compile("\\d{1,6}"))
          .onElements("ol")
          .allowUrlProtocols("http", "https")
          .allowAttributes("href")
          .onElements("a")
          .allowAttributes("title")
          .onElements("a", "img")
          .allowElements(
              (name, attributes) -> {
                int href = attributes.indexOf("href");
                if (href >= 0 && isExternal(attributes.get(href + 1))) {
                  attributes.add("rel");
                  attributes.add("nofollow noopener");
                }
                return name;
              },
              "a")
          .allowAttributes("src")
          .matching(Media.URL)
          .onElements("img")
          .allowAttributes("alt")
          .onElements("img")
          .allowElements(
              (name, attributes) -> {
                for (int i = 0; i < attributes.size(); i += 2) {
                  if ("src".equals(attributes.get(i))) {
                    return name;
                  }
                }
                return null;
              },
              "img")
          .toFactory();

  /**
   * HTML already made, least recently used first out, bounded by the characters kept (text and
   * HTML): {@value #RENDERED_CHARS} characters is all the catalog's reader text many times over,
   * and an author's drafts only push out what nobody reads.
   */
  static final class Rendered {

    private final int maxChars;
    private final java.util.LinkedHashMap<String, String> entries =
        new java.util.LinkedHashMap<>(256, 0.75f, true);
    private long chars;

    Rendered(int maxChars) {
      this.maxChars = maxChars;
    }

    synchronized String get(String markdown) {
      return entries.get(markdown);
    }

    synchronized void put(String markdown, String html) {
      long weight = (long) markdown.length() + html.length();
      if (weight > maxChars / 16) {
        return;
      }
      String before = entries.put(markdown, html);
      chars += before == null ? weight : html.length() - before.length();
      var oldest = entries.entrySet().iterator();
      while (chars > maxChars && oldest.hasNext()) {
        var entry = oldest.next();
        chars -= (long) entry.getKey().length() + entry.getValue().length();
        oldest.remove();
      }
    }

    synchronized int size() {
      return entries.size();
    }

    synchronized long chars() {
      return chars;
    }
  }

  static final int RENDERED_CHARS = 8_000_000;

  private final Parser parser;
  private final HtmlRenderer html;
  private final TextContentRenderer text;
  private final Rendered rendered = new Rendered(RENDERED_CHARS);

  public Markdown() {
    List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.html =
        HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
    this.text = TextContentRenderer.builder().build();
  }

  /**
   * Safe HTML for {@code markdown}; empty for null. The same text always gives the same HTML, so a
   * published revision's text is rendered once and then found again (see {@link Rendered}).
   */
  public String toHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String known = rendered.get(markdown);
    if (known != null) {
      return known;
    }
    String safe = POLICY.sanitize(CjkEmphasis.finish(html.render(parse(markdown))));
    rendered.put(markdown, safe);
    return safe;
  }

  /** The plain text of {@code markdown}, for search and summaries. */
  public String toText(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return CjkEmphasis.finish(text.render(parse(markdown)));
  }

  /**
   * The places where {@code markdown}, once rendered, would still show an emphasis marker ({@code
   * **}, {@code __}, or a {@code *} against a word): a few characters around each, for a warning;
   * empty when there are none. Code keeps its asterisks and is not looked at.
   */
  public List<String> unrenderedEmphasis(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return List.of();
    }
    List<String> found = new java.util.ArrayList<>();
    parse(markdown)
        .accept(
            new org.commonmark.node.AbstractVisitor() {
              @Override
              public void visit(org.commonmark.node.Text text) {
                Matcher marker = LEFTOVER.matcher(text.getLiteral());
                while (marker.find()) {
                  String literal = text.getLiteral();
                  int from = Math.max(0, marker.start() - 8);
                  int to = Math.min(literal.length(), marker.end() + 8);
                  found.add(CjkEmphasis.finish(literal.substring(from, to)).strip());
                }
              }

              @Override
              public void visit(org.commonmark.node.Code code) {
                // Code keeps its asterisks.
              }
            });
    return List.copyOf(found);
  }

  /** Parses with emphasis that closes next to Chinese punctuation ({@link CjkEmphasis}). */
  private org.commonmark.node.Node parse(String markdown) {
    return parser.parse(CjkEmphasis.prepare(markdown));
  }

  private static boolean isExternal(String href) {
    String lower = href.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//");
  }
}
