package org.banyan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.banyan.web.JsonErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the API out of reach of cross-site forms and scripts. A request that changes something is
 * refused when a browser says it comes from another site ({@code Origin}, {@code Sec-Fetch-Site}),
 * or when its body is of a kind a cross-site form can send without asking first (form fields,
 * {@code text/plain}); uploads are the paths' own business ({@link UploadGate}). Scripts and curl
 * send neither header and JSON bodies, and work as before.
 */
class ApiOriginGuard extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

  private final URI baseUrl;
  private final JsonErrors errors;

  ApiOriginGuard(String baseUrl, JsonErrors errors) {
    this.baseUrl = URI.create(baseUrl);
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return READS.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String site = request.getHeader("Sec-Fetch-Site");
    String origin = request.getHeader("Origin");
    if ((site != null && !SAME_SITE.contains(site.toLowerCase(Locale.ROOT)))
        || (origin != null && !sameOrigin(origin, request))) {
      errors.write(
          response, HttpStatus.FORBIDDEN, "The API does not take requests from other sites");
      return;
    }
    String type = request.getContentType();
    if (type != null && formLike(type.toLowerCase(Locale.ROOT))) {
      errors.write(
          response,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "The API takes JSON (Content-Type: application/json), not form fields or plain text");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean formLike(String type) {
    return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("text/plain");
  }

  private boolean sameOrigin(String origin, HttpServletRequest request) {
    URI from;
    try {
      from = URI.create(origin.strip());
    } catch (IllegalArgumentException notAUri) {
      return false;
    }
    if (from.getScheme() == null || from.getHost() == null) {
      return false;
    }
    return same(from, request.getScheme(), request.getServerName(), request.getServerPort())
        || same(from, baseUrl.getScheme(), baseUrl.getHost(), baseUrl.getPort());
  }

  private static boolean same(URI origin, String scheme, String host, int port) {
    return scheme != null
        && host != null
        && origin.getScheme().equalsIgnoreCase(scheme)
        && origin.getHost().equalsIgnoreCase(host)
        && portOf(origin.getScheme(), origin.getPort()) == portOf(scheme, port);
  }

  private static int portOf(String scheme, int port) {
    if (port >= 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
