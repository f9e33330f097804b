package org.banyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.banyan.Browser;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in a real headless Chromium. */
class BrowserIntegrationTests extends PostgresTestBase {

  private static final Map<String, List<String>> NAVIGATION =
      Map.of(
          "admin", List.of("search", "courses", "admin"),
          "author", List.of("search", "courses", "authoring"),
          "reviewer", List.of("search", "courses", "review"),
          "trainer", List.of("search", "courses", "trainer"),
          "teacher", List.of("search", "courses", "classes", "training"),
          "teacher2", List.of("search", "courses", "classes", "training"));

  static ChromeDriver chrome;

  @BeforeAll
  static void startBrowser() {
    chrome = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (chrome != null) {
      chrome.quit();
    }
  }

  @BeforeEach
  void freshSession() {
    chrome.get(url("/"));
    chrome.manage().deleteAllCookies();
    chrome.manage().addCookie(new Cookie("banyan-lang", "en"));
    Browser.consoleErrors(chrome);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String username, String password) {
    chrome.get(url("/login"));
    chrome.findElement(By.id("username")).sendKeys(username);
    chrome.findElement(By.id("password")).sendKeys(password);
    chrome.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    new WebDriverWait(chrome, Duration.ofSeconds(10))
        .until(ExpectedConditions.not(ExpectedConditions.urlMatches("/login$")));
  }

  private List<String> navigation() {
    return chrome.findElements(By.cssSelector("nav.primary a")).stream()
        .map(a -> a.getDomAttribute("data-nav"))
        .toList();
  }

  @Test
  void eachDemoRoleSignsInAndSeesItsNavigation() {
    NAVIGATION.forEach(
        (username, expected) -> {
          chrome.manage().deleteAllCookies();
          signIn(username, username.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD);
          assertThat(chrome.findElement(By.cssSelector("[data-user]")).getText())
              .as(username)
              .isEqualTo(username);
          assertThat(navigation()).as(username).containsExactlyElementsOf(expected);
          chrome.findElement(By.cssSelector("form.signout button")).click();
          new WebDriverWait(chrome, Duration.ofSeconds(10))
              .until(ExpectedConditions.urlContains("signedOut"));
          assertThat(chrome.findElements(By.cssSelector("[data-user]"))).as(username).isEmpty();
        });
  }

  @Test
  void aWrongPasswordShowsAnError() {
    signIn("teacher", "certainly-not-it");
    WebElement error = chrome.findElement(By.id("login-error"));
    assertThat(error.getText()).contains("not right");
    assertThat(chrome.findElements(By.cssSelector("[data-user]"))).isEmpty();
  }

  @Test
  void theLanguageSwitchChangesThePage() {
    chrome.get(url("/"));
    assertThat(chrome.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
    chrome.findElement(By.cssSelector(".languages a[lang=zh-CN]")).click();
    assertThat(chrome.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
    assertThat(chrome.findElement(By.cssSelector("a.signin")).getText()).isEqualTo("登录");
    chrome.get(url("/login"));
    assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
    chrome.findElement(By.cssSelector(".languages a[lang=en]")).click();
    assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
  }

  @Test
  void pagesLoadWithoutConsoleErrors() {
    chrome.get(url("/"));
    chrome.get(url("/login"));
    signIn("admin", ADMIN_PASSWORD);
    chrome.get(url("/admin/users"));
    chrome.get(url("/admin/audit"));
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }

  @Test
  void theHomePageFitsAPhoneScreen() {
    chrome.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
    try {
      chrome.get(url("/"));
      Number scrollWidth =
          (Number) chrome.executeScript("return document.documentElement.scrollWidth");
      assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(360);
    } finally {
      chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  @Test
  void aTeacherStartsAClassAndMarksTheNextLessonAsTaught() {
    signIn("teacher", DEMO_PASSWORD);
    chrome.get(url("/classes"));
    chrome.findElement(By.id("name")).sendKeys("Grade 1, browser test");
    chrome.findElement(By.id("pupils")).sendKeys("19");
    new org.openqa.selenium.support.ui.Select(chrome.findElement(By.id("course")))
        .selectByValue("en/feelings-first");
    chrome.findElement(By.cssSelector("#new-class button[type=submit]")).click();
    new WebDriverWait(chrome, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlMatches("/classes/\\d+$"));
    assertThat(chrome.findElement(By.id("next-lesson")).getText()).contains("Naming feelings");

    WebElement next = chrome.findElement(By.cssSelector("li.next"));
    next.findElement(By.cssSelector("input[name=minutes]")).sendKeys("35");
    next.findElement(By.cssSelector("form.mark button[type=submit]")).click();
    new WebDriverWait(chrome, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.done[data-lesson=naming-feelings]")));
    assertThat(chrome.findElement(By.id("progress")).getText()).isEqualTo("1 of 10 lessons taught");
    assertThat(chrome.findElement(By.cssSelector("li.next")).getDomAttribute("data-lesson"))
        .isEqualTo("emotion-thermometer");
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }
}
