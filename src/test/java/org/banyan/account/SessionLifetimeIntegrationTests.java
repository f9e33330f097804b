package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A page session ends at its absolute lifetime, however busy it has been. */
@TestPropertySource(properties = "banyan.session.absolute-timeout=4s")
class SessionLifetimeIntegrationTests extends PostgresTestBase {

  @Test
  void aBusySessionStillEndsAtItsAbsoluteLifetime() throws InterruptedException {
    WebClient browser = browserAs("teacher");
    long signedIn = System.nanoTime();
    while (System.nanoTime() - signedIn < 2_500_000_000L) {
      assertThat(browser.get("/classes").statusCode()).isEqualTo(200);
      Thread.sleep(500);
    }
    Thread.sleep(2_000);

    HttpResponse<String> after = browser.get("/classes");

    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }
}
