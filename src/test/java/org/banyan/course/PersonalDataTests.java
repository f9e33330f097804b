package org.banyan.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

  @Test
  void spotsAnIdNumberWithAValidCheckDigit() {
    assertThat(PersonalData.validId("11010519491231002X")).isTrue();
    assertThat(PersonalData.suspect("小明 11010519491231002X 今天哭了")).contains("class.personal.id");
    assertThat(PersonalData.suspect("id 110105194912310021 x")).isEmpty();
  }

  @Test
  void ignoresEighteenDigitsWhoseCheckDigitIsWrong() {
    assertThat(PersonalData.validId("110105194912310021")).isFalse();
    assertThat(PersonalData.suspect("110105194912310021")).isEmpty();
  }

  @Test
  void spotsMobileNumbersEvenWithSpacesOrDashes() {
    assertThat(PersonalData.suspect("call grandma 13812345678")).contains("class.personal.mobile");
    assertThat(PersonalData.suspect("奶奶电话 138-1234-5678")).contains("class.personal.mobile");
    assertThat(PersonalData.suspect("奶奶电话 138 1234 5678")).contains("class.personal.mobile");
  }

  @Test
  void leavesOrdinaryNotesAlone() {
    assertThat(PersonalData.suspect("Went well, 35 min, 28 pupils, 2026-11-29")).isEmpty();
    assertThat(PersonalData.suspect("12345678901")).isEmpty();
    assertThat(PersonalData.suspect(null)).isEmpty();
  }
}
