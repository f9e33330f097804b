package org.banyan.web;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@code languageLink("en", pageAddress!"")} in templates: this page again in another language. The
 * query is kept (a search, a preview's theme), but not a CSRF token. A page that answered a form
 * post may not be one a link can reach again, so its switch leads to the address the page names for
 * itself ({@code pageAddress}, as the editors do), else to the page the form was on (its path from
 * {@code Referer}, on this site), else home; what was typed is kept by the editors' drafts.
 */
final class LanguageLink implements TemplateMethodModelEx {

  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.isEmpty()
        || arguments.size() > 2
        || !(arguments.get(0) instanceof TemplateScalarModel tag)) {
      throw new TemplateModelException("languageLink takes a language tag and the page's address");
    }
    String address =
        arguments.size() == 2 && arguments.get(1) instanceof TemplateScalarModel page
            ? page.getAsString()
            : "";
    return new SimpleScalar(link(current(), tag.getAsString(), address));
  }

  static String link(HttpServletRequest request, String tag, String address) {
    String locale = WebConfiguration.LOCALE_PARAMETER + "=" + tag;
    if (request == null) {
      return "?" + locale;
    }
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      return "?" + query(request.getQueryString(), locale);
    }
    if (onThisSite(address)) {
      return address + "?" + locale;
    }
    String referer = request.getHeader("Referer");
    if (referer != null) {
      try {
        URI from = new URI(referer);
        String path = from.getRawPath();
        if (path != null && onThisSite(path)) {
          return path + "?" + query(from.getRawQuery(), locale);
        }
      } catch (URISyntaxException ignored) {
        // Not an address: home, below.
      }
    }
    return "/?" + locale;
  }

  /**
   * A path on this site: it starts with one slash, and has no backslash, which browsers read as a
   * slash (so that {@code /\host} would lead to another site).
   */
  private static boolean onThisSite(String path) {
    return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
  }

  /** The query's parameters but the language and the CSRF token, then the language asked for. */
  private static String query(String query, String locale) {
    List<String> kept = new ArrayList<>();
    if (query != null) {
      for (String part : query.split("&")) {
        String name = part.split("=", 2)[0];
        if (!part.isEmpty()
            && !name.equals(WebConfiguration.LOCALE_PARAMETER)
            && !name.equals("_csrf")) {
          kept.add(part);
        }
      }
    }
    kept.add(locale);
    return String.join("&", kept);
  }

  private static HttpServletRequest current() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? servlet.getRequest()
        : null;
  }
}
