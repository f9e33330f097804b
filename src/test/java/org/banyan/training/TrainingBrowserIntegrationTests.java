package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.training.TrainingFixtures.MODULE;
import static org.banyan.training.TrainingFixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import org.banyan.Browser;
import org.banyan.PostgresTestBase;
import org.banyan.account.Accounts;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.content.ModuleContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** Trainer assigns, teacher completes every unit, trainer sees 100%: all through the pages. */
class TrainingBrowserIntegrationTests extends PostgresTestBase {

  static ChromeDriver chrome;

  @Autowired Accounts accounts;
  @Autowired Catalog catalog;

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

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String username, String password) {
    chrome.get(url("/"));
    chrome.manage().deleteAllCookies();
    chrome.manage().addCookie(new Cookie("banyan-lang", "en"));
    chrome.get(url("/login"));
    chrome.findElement(By.id("username")).sendKeys(username);
    chrome.findElement(By.id("password")).sendKeys(password);
    chrome.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    waitFor().until(ExpectedConditions.not(ExpectedConditions.urlMatches("/login$")));
  }

  private WebDriverWait waitFor() {
    return new WebDriverWait(chrome, Duration.ofSeconds(10));
  }

  private WebElement unit(String id) {
    return chrome.findElement(By.cssSelector("section[data-unit='" + id + "']"));
  }

  private void waitUntilDone(String id) {
    waitFor()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section[data-unit='" + id + "'][data-done='true']")));
  }

  @Test
  void aTrainerAssignsATeacherCompletesEveryUnitAndTheTrainerSeesAHundredPercent() {
    String teacher = TrainingFixtures.nearTeacher(accounts, "赵老师");
    ModuleContent module = (ModuleContent) catalog.get(ContentType.MODULE, "en", MODULE).content();

    signIn("trainer", DEMO_PASSWORD);
    chrome.get(url("/trainer"));
    assertThat(chrome.findElement(By.id("report-link")).getDomAttribute("href"))
        .isEqualTo("/classes/report");
    new Select(chrome.findElement(By.id("module"))).selectByValue("en/" + MODULE);
    chrome.findElement(By.cssSelector("input[name=assignees][value='" + teacher + "']")).click();
    chrome.findElement(By.cssSelector("#new-assignment button[type=submit]")).click();
    waitFor().until(ExpectedConditions.urlMatches("/trainer/assignments/\\d+$"));
    String dashboard = chrome.getCurrentUrl();
    assertThat(
            chrome
                .findElement(By.cssSelector("tr[data-teacher='" + teacher + "']"))
                .getDomAttribute("data-percent"))
        .isEqualTo("0");

    signIn(teacher, PASSWORD);
    chrome.get(url("/training"));
    chrome.findElement(By.cssSelector("#assigned li[data-module='" + MODULE + "'] a")).click();
    waitFor().until(ExpectedConditions.urlContains("/training/modules/en/" + MODULE));
    for (ModuleContent.Unit u : module.units()) {
      switch (u.type()) {
        case READING, MEDIA -> unit(u.id()).findElement(By.cssSelector("button")).click();
        case REFLECTION -> {
          unit(u.id()).findElement(By.tagName("textarea")).sendKeys("I will speak plainly.");
          unit(u.id()).findElement(By.cssSelector("button[type=submit]")).click();
        }
        case QUIZ -> {
          WebElement quiz = unit(u.id());
          for (ModuleContent.Question q : ((ModuleContent.Quiz) u).questions()) {
            for (int choice : q.correct()) {
              quiz.findElement(
                      By.cssSelector("input[name='q." + q.id() + "'][value='" + choice + "']"))
                  .click();
            }
          }
          quiz.findElement(By.cssSelector("button[type=submit]")).click();
          waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("quiz-result")));
          assertThat(unit(u.id()).findElements(By.cssSelector(".right-mark"))).isNotEmpty();
        }
        case PRACTICE -> {
          chrome.get(url("/classes"));
          chrome.findElement(By.id("name")).sendKeys("Grade 4, practice");
          chrome.findElement(By.id("pupils")).sendKeys("21");
          new Select(chrome.findElement(By.id("course"))).selectByValue("en/far-from-home");
          chrome.findElement(By.cssSelector("#new-class button[type=submit]")).click();
          waitFor().until(ExpectedConditions.urlMatches("/classes/\\d+$"));
          WebElement lesson =
              chrome.findElement(
                  By.cssSelector(
                      "li[data-lesson='" + ((ModuleContent.Practice) u).lessonSlug() + "']"));
          lesson.findElement(By.tagName("summary")).click();
          WebElement date = lesson.findElement(By.cssSelector("input[name=deliveredOn]"));
          chrome.executeScript(
              "arguments[0].value = arguments[1]", date, LocalDate.now().minusDays(1).toString());
          lesson.findElement(By.cssSelector("form.mark button[type=submit]")).click();
          waitFor()
              .until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector(
                          "li.done[data-lesson='"
                              + ((ModuleContent.Practice) u).lessonSlug()
                              + "']")));
          chrome.get(url("/training/modules/en/" + MODULE));
          assertThat(chrome.findElement(By.id("practice-taught")).getText()).contains("Taught on");
        }
        default -> throw new IllegalStateException(String.valueOf(u.type()));
      }
      waitUntilDone(u.id());
    }
    assertThat(chrome.findElement(By.id("module-progress")).getText())
        .isEqualTo(module.units().size() + " of " + module.units().size() + " units done");
    chrome.findElement(By.id("certificate-link")).click();
    waitFor().until(ExpectedConditions.urlMatches("/certificates/[A-Z2-9-]+$"));
    assertThat(chrome.findElement(By.id("certificate-name")).getText()).isEqualTo("赵老师");
    assertThat(chrome.findElement(By.id("certificate-module")).getText()).isEqualTo(module.title());
    assertThat(Browser.consoleErrors(chrome)).isEmpty();

    signIn("trainer", DEMO_PASSWORD);
    chrome.get(dashboard);
    WebElement row = chrome.findElement(By.cssSelector("tr[data-teacher='" + teacher + "']"));
    assertThat(row.getDomAttribute("data-percent")).isEqualTo("100");
    assertThat(row.getDomAttribute("class")).isEqualTo("training-completed");
    assertThat(row.findElement(By.cssSelector(".percent")).getText()).isEqualTo("100%");
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }

  @Test
  void aTrainerMakesACohortRenamesItAndTakesATeacherOut() {
    String first = TrainingFixtures.nearTeacher(accounts, "钱老师");
    String second = TrainingFixtures.nearTeacher(accounts, "孙老师");
    String name = "Cohort " + System.nanoTime();

    signIn("trainer", DEMO_PASSWORD);
    chrome.get(url("/trainer/cohorts"));
    chrome.findElement(By.id("name")).sendKeys(name);
    chrome.findElement(By.cssSelector("input[name=members][value='" + first + "']")).click();
    chrome.findElement(By.cssSelector("input[name=members][value='" + second + "']")).click();
    chrome.findElement(By.cssSelector("#new-cohort button[type=submit]")).click();
    waitFor().until(ExpectedConditions.urlMatches("/trainer/cohorts$"));
    chrome.findElement(By.linkText(name)).click();
    waitFor().until(ExpectedConditions.urlMatches("/trainer/cohorts/\\d+$"));

    WebElement rename = chrome.findElement(By.cssSelector("#rename-cohort input[name=name]"));
    rename.clear();
    rename.sendKeys(name + " renamed");
    chrome.findElement(By.cssSelector("#rename-cohort button[type=submit]")).click();
    waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), name + " renamed"));

    chrome
        .findElement(By.cssSelector("li[data-member='" + second + "'] button[type=submit]"))
        .click();
    waitFor()
        .until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#members li[data-member]"), 1));
    assertThat(
            chrome
                .findElement(By.cssSelector("#members li[data-member]"))
                .getDomAttribute("data-member"))
        .isEqualTo(first);
    assertThat(chrome.findElements(By.cssSelector("#add-members input[value='" + second + "']")))
        .as("the teacher taken out can be added again")
        .hasSize(1);
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }
}
