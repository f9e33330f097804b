package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.banyan.Browser;
import org.banyan.PostgresTestBase;
import org.banyan.account.Accounts;
import org.banyan.account.NewUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Authors in a real headless Chromium: a course built by searching titles, drafts kept. */
class AuthoringBrowserIntegrationTests extends PostgresTestBase {

  @Autowired Autosaves autosaves;
  @Autowired Accounts accounts;

  private ChromeDriver chrome;

  @AfterEach
  void quit() {
    if (chrome != null) {
      chrome.quit();
      chrome = null;
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private ChromeDriver signIn(String username) {
    ChromeDriver browser = Browser.start();
    browser.get(url("/login"));
    browser.manage().addCookie(new Cookie("banyan-lang", "en"));
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
    browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.not(ExpectedConditions.urlMatches("/login$")));
    return browser;
  }

  private WebDriverWait waitFor(ChromeDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(50));
  }

  private long lesson(String title) {
    ObjectNode body = Json.lesson(Json.uniqueSlug("browser"), "en").put("title", title);
    return Json.read(as("author").postJson("/api/v1/authoring/lessons", body.toString()))
        .get("id")
        .asLong();
  }

  private void addFound(String query, String slug) {
    WebElement search = chrome.findElement(By.id("lessonQuery"));
    search.clear();
    search.sendKeys(query);
    By add = By.cssSelector("li[data-found='" + slug + "'] button");
    try {
      waitFor(chrome).until(ExpectedConditions.elementToBeClickable(add)).click();
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "No result; console: "
              + Browser.consoleErrors(chrome)
              + " results: "
              + chrome.findElement(By.id("lesson-results")).getDomProperty("outerHTML"),
          e);
    }
    waitFor(chrome)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#course-builder li[data-lesson='" + slug + "']")));
  }

  @Test
  void anAuthorBuildsACourseBySearchingTitlesAndSeesItsTimeAndGrades() {
    chrome = signIn("author");
    chrome.get(url("/authoring/courses/new"));
    new Select(chrome.findElement(By.id("lang"))).selectByValue("en");
    chrome.findElement(By.id("slug")).sendKeys(Json.uniqueSlug("searched"));
    chrome.findElement(By.id("title")).sendKeys("Feelings, found by title");
    chrome.findElement(By.id("summary")).sendKeys("Two lessons found by their titles.");
    chrome.findElement(By.cssSelector("input[name=grades][value='1']")).click();

    addFound("thermometer", "emotion-thermometer");
    chrome.findElement(By.id("unit-0-title")).sendKeys("Naming what I feel");
    chrome.findElement(By.id("add-unit")).click();
    waitFor(chrome).until(ExpectedConditions.presenceOfElementLocated(By.id("unit-1-title")));
    chrome.findElement(By.id("unit-1-title")).sendKeys("Calming down");
    chrome.findElement(By.id("unit-1-week")).sendKeys("3");
    new Select(chrome.findElement(By.id("addTo"))).selectByValue("1");
    addFound("Anger traffic", "anger-traffic-light");

    String totals = chrome.findElement(By.id("course-totals")).getText();
    assertThat(totals).contains("2 lessons, 80 minutes in all").contains("Grades 1–4");
    assertThat(chrome.findElement(By.id("unit-0-title")).getDomProperty("value"))
        .isEqualTo("Naming what I feel");
    assertThat(chrome.findElement(By.id("title")).getDomProperty("value"))
        .isEqualTo("Feelings, found by title");

    chrome.findElement(By.cssSelector("button[value=save]")).click();
    try {
      waitFor(chrome).until(ExpectedConditions.urlContains("saved"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "not saved at "
              + chrome.getCurrentUrl()
              + " console "
              + Browser.consoleErrors(chrome)
              + " errors "
              + chrome.findElements(By.cssSelector(".field-error, .alert")).stream()
                  .map(WebElement::getText)
                  .toList()
              + " builder "
              + chrome.findElement(By.id("course-builder")).getText(),
          e);
    }
    assertThat(chrome.getCurrentUrl())
        .as(
            "saved, refused for: %s",
            chrome.findElements(By.cssSelector(".field-error")).stream()
                .map(WebElement::getText)
                .toList())
        .matches(".*/authoring/courses/\\d+\\?saved$");
    assertThat(chrome.findElement(By.id("course-totals")).getText())
        .contains("2 lessons, 80 minutes in all")
        .contains("Grades 1–4");
    assertThat(
            chrome.findElements(By.cssSelector("[data-unit='1'] li[data-lesson]")).stream()
                .map(e -> e.getDomAttribute("data-lesson"))
                .toList())
        .containsExactly("anger-traffic-light");
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }

  @Test
  void aDraftSurvivesTheBrowserBeingClosedMidEdit() {
    long id = lesson("Waiting for the bus");
    String editor = "/authoring/lessons/" + id;
    chrome = signIn("author");
    chrome.get(url(editor));
    chrome.findElement(By.id("summary")).sendKeys(" Typed just before the tab closed.");
    // Leaving the page hides it: the script sends the draft on its way out.
    chrome.get(url("/authoring"));
    waitFor(chrome)
        .until(
            d ->
                autosaves
                    .find("author", Autosaves.slot(ContentType.LESSON, id))
                    .map(s -> s.fields().getFirst("summary"))
                    .filter(s -> s.endsWith("Typed just before the tab closed."))
                    .isPresent());
    chrome.quit();

    chrome = signIn("author");
    chrome.get(url(editor));
    WebElement offer = chrome.findElement(By.id("draft-offer"));
    assertThat(offer.getText()).contains("Unsaved changes");
    chrome.findElement(By.id("draft-restore")).click();
    waitFor(chrome).until(ExpectedConditions.presenceOfElementLocated(By.id("draft-restored")));
    assertThat(chrome.findElement(By.id("summary")).getDomProperty("value"))
        .endsWith("Typed just before the tab closed.");

    chrome.findElement(By.cssSelector("button[value=save]")).click();
    waitFor(chrome).until(ExpectedConditions.urlContains("?saved"));
    assertThat(chrome.findElements(By.id("draft-offer"))).isEmpty();
    JsonNode saved = Json.read(as("author").get("/api/v1/authoring/lessons/" + id));
    assertThat(saved.toString()).contains("Typed just before the tab closed.");
    assertThat(autosaves.find("author", Autosaves.slot(ContentType.LESSON, id))).isEmpty();
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }

  @Test
  void twoAuthorsAreShownEachOthersChangesAndMergeByHand() {
    long id = lesson("Sharing the swing");
    String other = "author" + System.nanoTime() % 1_000_000_000L;
    accounts.create("test", new NewUser(other, "Other", DEMO_PASSWORD, List.of("AUTHOR"), null));
    chrome = signIn("author");
    chrome.get(url("/authoring/lessons/" + id));

    ObjectNode theirs = Json.lesson("unused", "en").put("title", "Sharing the swing and the slide");
    theirs.remove("slug");
    theirs.put("baseRevision", 1);
    assertThat(as(other).putJson("/api/v1/authoring/lessons/" + id, theirs.toString()).statusCode())
        .isEqualTo(200);

    WebElement summary = chrome.findElement(By.id("summary"));
    summary.clear();
    summary.sendKeys("My own summary, typed meanwhile.");
    chrome.findElement(By.cssSelector("button[value=save]")).click();
    WebElement conflict =
        waitFor(chrome).until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
    assertThat(conflict.getText()).contains("revision 2");
    assertThat(chrome.findElement(By.id("summary")).getDomProperty("value"))
        .isEqualTo("My own summary, typed meanwhile.");
    WebElement title = chrome.findElement(By.cssSelector("#merge tr[data-field=title]"));
    assertThat(title.getText()).contains("Sharing the swing and the slide").contains("Only they");

    // Take their title into the form; my summary stays as I typed it.
    WebElement take = title.findElement(By.cssSelector("button[value='take:title']"));
    take.click();
    waitFor(chrome).until(Browser.gone(take));
    assertThat(chrome.findElement(By.id("title")).getDomProperty("value"))
        .isEqualTo("Sharing the swing and the slide");
    assertThat(chrome.findElement(By.id("summary")).getDomProperty("value"))
        .isEqualTo("My own summary, typed meanwhile.");
    assertThat(chrome.findElements(By.cssSelector("#merge tr[data-field=title]"))).isEmpty();

    // Enter in a text field saves, on top of their revision.
    chrome.findElement(By.id("title")).sendKeys(Keys.ENTER);
    waitFor(chrome).until(ExpectedConditions.urlContains("?saved"));
    JsonNode merged = Json.read(as("author").get("/api/v1/authoring/lessons/" + id));
    assertThat(merged.toString())
        .contains("Sharing the swing and the slide")
        .contains("My own summary, typed meanwhile.");
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }
}
