package org.banyan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Keeps the chosen UI language in a cookie; a first visit follows Accept-Language, falling back to
 * Chinese. Only the supported languages are ever stored or answered.
 */
final class LanguageCookieResolver extends CookieLocaleResolver {

  static final String COOKIE = "banyan-lang";

  LanguageCookieResolver() {
    super(COOKIE);
    setCookieMaxAge(Duration.ofDays(365));
    setCookieHttpOnly(true);
    setCookieSameSite("Lax");
    setDefaultLocaleFunction(SupportedLocales::fromAcceptLanguage);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return SupportedLocales.closest(super.resolveLocale(request));
  }

  @Override
  public LocaleContext resolveLocaleContext(HttpServletRequest request) {
    return new SimpleLocaleContext(resolveLocale(request));
  }

  @Override
  public void setLocaleContext(
      HttpServletRequest request, HttpServletResponse response, LocaleContext localeContext) {
    Locale wanted = localeContext == null ? null : localeContext.getLocale();
    super.setLocaleContext(
        request, response, new SimpleLocaleContext(SupportedLocales.closest(wanted)));
  }
}
