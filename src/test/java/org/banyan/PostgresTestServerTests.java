package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.PostgresTestServer.Choice;
import org.junit.jupiter.api.Test;

class PostgresTestServerTests {

  @Test
  void usesTheConfiguredServerWithoutLookingForALocalOne() {
    assertThat(
            PostgresTestServer.choose(
                "jdbc:postgresql://db:5432/postgres",
                () -> {
                  throw new AssertionError("looked for a local server");
                }))
        .isEqualTo(Choice.CONFIGURED);
  }

  @Test
  void usesTheLocalServerWhenItAnswers() {
    assertThat(PostgresTestServer.choose(null, () -> true)).isEqualTo(Choice.LOCAL);
    assertThat(PostgresTestServer.choose(" ", () -> true)).isEqualTo(Choice.LOCAL);
  }

  @Test
  void startsAnEmbeddedServerWhenNoneIsConfiguredAndNoneAnswers() {
    assertThat(PostgresTestServer.choose(null, () -> false)).isEqualTo(Choice.EMBEDDED);
  }

  @Test
  void aPortNobodyListensOnDoesNotAnswer() {
    int port = HaproxyTestServer.freePort();
    long started = System.nanoTime();

    assertThat(
            PostgresTestServer.answers(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "banyan_test", "banyan_test"))
        .isFalse();
    assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
  }
}
