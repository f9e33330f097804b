package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void shipsSeveralThousandCommonPasswords() {
    assertThat(policy.commonCount()).isGreaterThan(3000);
  }

  @Test
  void refusesPasswordsShorterThanTenCharacters() {
    assertThat(policy.refusal("lin", "Tr33-h0use")).isEmpty();
    assertThat(policy.refusal("lin", "Tr33-h0us")).contains("invalid.password.short");
  }

  @Test
  void countsChineseCharactersAsCharacters() {
    assertThat(policy.refusal("lin", "榕树下的孩子们在读书呀")).isEmpty();
    assertThat(policy.refusal("lin", "榕树下的孩子们在读")).contains("invalid.password.short");
  }

  @Test
  void refusesCommonPasswordsWhateverTheirCase() {
    assertThat(policy.refusal("lin", "1234567890")).contains("invalid.password.common");
    assertThat(policy.refusal("lin", "QWERTYUIOP")).contains("invalid.password.common");
  }

  @Test
  void refusesACommonPasswordWithDigitsOrSymbolsAdded() {
    assertThat(policy.refusal("lin", "password2026!")).contains("invalid.password.common");
    assertThat(policy.refusal("lin", "123dragon456")).contains("invalid.password.common");
    assertThat(policy.refusal("lin", "dragonfly-river-7")).isEmpty();
  }

  @Test
  void refusesPasswordsOfFewDifferentCharacters() {
    assertThat(policy.refusal("lin", "aaaaabbbbb")).contains("invalid.password.common");
  }

  @Test
  void refusesPasswordsContainingTheUsername() {
    assertThat(policy.refusal("wangfang", "Wangfang-2026!")).contains("invalid.password.username");
  }

  @Test
  void refusesPasswordsLongerThanBcryptReads() {
    assertThat(policy.refusal("lin", "a".repeat(73))).contains("invalid.password.long");
    assertThat(policy.refusal("lin", "Banyan-tree-roots-".repeat(4))).isEmpty();
  }
}
