package org.banyan.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.util.StringUtils;

/** The two languages of the UI, and how a request's wishes map onto them. */
public final class SupportedLocales {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final List<Locale> ALL = List.of(CHINESE, ENGLISH);

  private SupportedLocales() {}

  /** The supported locale closest to {@code wanted}, or Chinese when none is. */
  public static Locale closest(Locale wanted) {
    if (wanted != null && "en".equals(wanted.getLanguage())) {
      return ENGLISH;
    }
    return CHINESE;
  }

  /** The first supported language in the Accept-Language header, or Chinese. */
  static Locale fromAcceptLanguage(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (!StringUtils.hasText(header)) {
      return CHINESE;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
        if (range.getWeight() > 0 && ("zh".equals(language) || "en".equals(language))) {
          return "en".equals(language) ? ENGLISH : CHINESE;
        }
      }
    } catch (IllegalArgumentException malformed) {
      return CHINESE;
    }
    return CHINESE;
  }
}
