package org.banyan.content;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Reader pages for visitors who are not signed in (lesson, print kit, course, the lists), made once
 * per catalog version, theme and language and served from memory after that, with an {@code ETag}
 * so that a browser or proxy revalidates ({@code 304}) instead of downloading the page again. The
 * version is the change-journal position this node has applied ({@link CatalogVersion}), so any
 * publish or archive, on any node, makes every page again: a page shows related lessons and
 * translations, which other items' changes alter. Pages of a signed-in user are never kept and stay
 * {@code no-store}.
 */
class CatalogPageCache extends OncePerRequestFilter {

  /** Pages kept; the least recently served goes first. */
  static final int MAX_PAGES = 2_000;

  /** A page larger than this is served but not kept. */
  static final int MAX_PAGE_BYTES = 512 * 1024;

  private record Page(String etag, String contentType, byte[] body) {}

  private final CatalogVersion version;
  private final LocaleResolver locales;
  private final String theme;
  private final Map<String, Page> pages =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
          return size() > MAX_PAGES;
        }
      };
  private String pagesVersion = "";

  CatalogPageCache(CatalogVersion version, LocaleResolver locales, String theme) {
    this.version = version;
    this.locales = locales;
    this.theme = theme;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !version.known()
        || signedIn()
        || request.getRequestURI().endsWith(".zip");
  }

  private static boolean signedIn() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user != null
        && user.isAuthenticated()
        && !(user instanceof AnonymousAuthenticationToken);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String now = version.current();
    String key = key(request);
    // Weak: the same page is sent gzipped or not (Tomcat compresses no response with a strong one).
    String etag = "W/\"" + now + "-" + digest(key) + "\"";
    Page kept = kept(now, key);
    if (kept != null) {
      headers(response, etag);
      if (matches(request.getHeader("If-None-Match"), etag)) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
      response.setContentType(kept.contentType());
      response.setContentLength(kept.body().length);
      response.getOutputStream().write(kept.body());
      return;
    }
    ContentCachingResponseWrapper made = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, made);
    String contentType = made.getContentType();
    boolean keep =
        made.getStatus() == HttpServletResponse.SC_OK
            && contentType != null
            && contentType.startsWith("text/html")
            && made.getHeader("Set-Cookie") == null
            && made.getContentSize() <= MAX_PAGE_BYTES
            && !signedIn();
    if (keep) {
      // Made from the catalog as it was at this version or later: kept under the version read
      // before it was made, so that a change applied meanwhile makes it again.
      keep(now, key, new Page(etag, contentType, made.getContentAsByteArray()));
      headers(made, etag);
      if (matches(request.getHeader("If-None-Match"), etag)) {
        made.resetBuffer();
        made.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      }
    }
    made.copyBodyToResponse();
  }

  private String key(HttpServletRequest request) {
    String query = request.getQueryString();
    return theme
        + "|"
        + locales.resolveLocale(request).toLanguageTag()
        + "|"
        + request.getRequestURI()
        + (query == null ? "" : "?" + query);
  }

  private synchronized Page kept(String now, String key) {
    if (!now.equals(pagesVersion)) {
      pages.clear();
      pagesVersion = now;
      return null;
    }
    return pages.get(key);
  }

  private synchronized void keep(String now, String key, Page page) {
    if (now.equals(pagesVersion)) {
      pages.put(key, page);
    }
  }

  /** Anyone may keep the page, but must ask again before showing it; it varies by language. */
  private static void headers(HttpServletResponse response, String etag) {
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Vary", "Cookie, Accept-Language");
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(opaque) || tag.equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static String digest(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
