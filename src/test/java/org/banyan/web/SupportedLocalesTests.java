package org.banyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SupportedLocalesTests {

  private static Locale forHeader(String acceptLanguage) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    if (acceptLanguage != null) {
      request.addHeader("Accept-Language", acceptLanguage);
    }
    return SupportedLocales.fromAcceptLanguage(request);
  }

  @Test
  void followsTheFirstSupportedLanguageTheBrowserAsksFor() {
    assertThat(forHeader("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
    assertThat(forHeader("fr-FR,en;q=0.8,zh;q=0.5")).isEqualTo(Locale.ENGLISH);
    assertThat(forHeader("zh-TW,en;q=0.5")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  @Test
  void fallsBackToChineseWithoutAUsableHeader() {
    assertThat(forHeader(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(forHeader("fr-FR,de;q=0.5")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(forHeader(";;;garbage")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  @Test
  void mapsAnyLocaleOntoASupportedOne() {
    assertThat(SupportedLocales.closest(Locale.US)).isEqualTo(Locale.ENGLISH);
    assertThat(SupportedLocales.closest(Locale.FRENCH)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(SupportedLocales.closest(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }
}
