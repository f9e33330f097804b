package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReaderLanguageTests {

  @Test
  void aQueryInOneScriptPicksItsLanguage() {
    assertThat(ReaderLanguage.of("生气", Locale.ENGLISH)).isEqualTo("zh-CN");
    assertThat(ReaderLanguage.of("三年级 生气", Locale.ENGLISH)).isEqualTo("zh-CN");
    assertThat(ReaderLanguage.of("angry", Locale.SIMPLIFIED_CHINESE)).isEqualTo("en");
    assertThat(ReaderLanguage.of("grade 3 friends", Locale.SIMPLIFIED_CHINESE)).isEqualTo("en");
  }

  @Test
  void aMixedOrEmptyQueryFollowsThePagesLanguage() {
    assertThat(ReaderLanguage.of("ADHD 注意力", Locale.ENGLISH)).isEqualTo("en");
    assertThat(ReaderLanguage.of("ADHD 注意力", Locale.SIMPLIFIED_CHINESE)).isEqualTo("zh-CN");
    assertThat(ReaderLanguage.of("", Locale.ENGLISH)).isEqualTo("en");
    assertThat(ReaderLanguage.of(null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("zh-CN");
    assertThat(ReaderLanguage.of("123", null)).isEqualTo("zh-CN");
  }
}
