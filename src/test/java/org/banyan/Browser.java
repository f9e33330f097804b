package org.banyan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver; no browser is ever downloaded. Paths
 * can be moved with {@code BANYAN_TEST_CHROMIUM} and {@code BANYAN_TEST_CHROMEDRIVER}.
 */
public final class Browser {

  private Browser() {}

  public static ChromeDriver start() {
    String binary = env("BANYAN_TEST_CHROMIUM", "/usr/bin/chromium");
    String driver = env("BANYAN_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(driver))) {
      throw new IllegalStateException(
          "No Chromium at "
              + binary
              + " or no chromedriver at "
              + driver
              + ": run `bash .ci/test`, which installs Debian's chromium and chromium-driver"
              + " packages, or set BANYAN_TEST_CHROMIUM and BANYAN_TEST_CHROMEDRIVER");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("banyan-chromium");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile()).build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return chrome;
  }

  /** Console messages at SEVERE level since the last call. */
  public static List<LogEntry> consoleErrors(ChromeDriver chrome) {
    return chrome.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Until {@code element} has left the page, a new page having replaced it. Chromium answers a
   * check on an element of a page being replaced either "stale" or, while the new one is loading,
   * "does not belong to the document": both mean it is gone.
   */
  public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(
      org.openqa.selenium.WebElement element) {
    return driver -> {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return true;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }
}
