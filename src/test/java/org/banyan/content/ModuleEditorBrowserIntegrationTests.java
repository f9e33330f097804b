package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.banyan.Browser;
import org.banyan.PostgresTestBase;
import org.banyan.account.Accounts;
import org.banyan.account.NewUser;
import org.banyan.course.Classes;
import org.banyan.course.Delivery;
import org.banyan.course.NewClass;
import org.banyan.training.Assignments;
import org.banyan.training.NewAssignment;
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

/**
 * An author builds a module of every unit type in the editor without typing YAML and sends it for
 * review, a reviewer publishes it, and a teacher it is assigned to completes it.
 */
class ModuleEditorBrowserIntegrationTests extends PostgresTestBase {

  private static final String PRACTICE_LESSON = "first-nights-at-boarding-school";

  static ChromeDriver chrome;

  @Autowired Accounts accounts;
  @Autowired Catalog catalog;
  @Autowired Assignments assignments;
  @Autowired Classes classes;

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

  @Test
  void anAuthorBuildsAModuleOfEveryTypeAReviewerPublishesItAndATeacherCompletesIt()
      throws Exception {
    String slug = "editor-browser-" + System.nanoTime();
    Path audio = Files.createTempFile("talk", ".mp3");
    byte[] mp3 = new byte[4000];
    mp3[0] = 'I';
    mp3[1] = 'D';
    mp3[2] = '3';
    Files.write(audio, mp3);
    String lessonTitle = catalog.get(ContentType.LESSON, "en", PRACTICE_LESSON).content().title();

    signIn("author", DEMO_PASSWORD);
    chrome.get(url("/authoring/modules/new"));
    new Select(chrome.findElement(By.id("lang"))).selectByValue("en");
    click(By.cssSelector("button[value=refresh]"));
    type("slug", slug);
    type("title", "Listening to children who miss their parents");
    type("summary", "Five short steps, built in the editor.");
    type("units-0-title", "Why listening comes first");
    type("units-0-markdown", "Children who miss their parents often go quiet.");

    addUnit("media");
    type("units-1-title", "A talk to listen to");
    chrome.findElement(By.id("units-1-file")).sendKeys(audio.toString());

    // The new unit starts as a reading; the script shows a reflection's prompt without a post.
    addUnit("reading");
    assertThat(chrome.findElement(By.id("units-1-mediaId")).getDomProperty("value"))
        .as("the file was uploaded with the post and chosen for its unit")
        .isNotEmpty();
    assertThat(chrome.findElement(By.id("units-2-prompt")).isDisplayed()).isFalse();
    new Select(chrome.findElement(By.id("units-2-type"))).selectByValue("reflection");
    assertThat(chrome.findElement(By.id("units-2-prompt")).isDisplayed()).isTrue();
    type("units-2-title", "Think of one child");
    type("units-2-prompt", "Which child in your class is waiting for a phone call?");

    addUnit("quiz");
    type("units-3-title", "Check yourself");
    click(By.id("units-3-addQuestion"));
    click(By.id("units-3-addQuestion"));
    String[][] questions = {
      {"A child says nothing all day. What helps first?", "Sit nearby and wait", "Ask why at once"},
      {"Which are good questions?", "What was the best part?", "Why are you sad again?"},
      {"Who can a child talk to?", "A teacher they trust", "Nobody"}
    };
    for (int q = 0; q < 3; q++) {
      String at = "units-3-questions-" + q;
      type(at + "-text", questions[q][0]);
      type(at + "-choices-0", questions[q][1]);
      type(at + "-choices-1", questions[q][2]);
      chrome.findElement(By.id(at + "-choices-0-correct")).click();
    }

    addUnit("practice");
    type("units-4-title", "Teach it");
    new Select(chrome.findElement(By.id("units-4-lessonSlug"))).selectByVisibleText(lessonTitle);
    click(By.id("save"));
    waitFor().until(ExpectedConditions.urlMatches("/authoring/modules/\\d+\\?saved$"));
    String editor = chrome.getCurrentUrl().replace("?saved", "");
    long id = Long.parseLong(editor.replaceAll(".*/", ""));
    click(By.cssSelector("#submit-for-review button"));
    assertThat(chrome.findElement(By.cssSelector(".status")).getText()).isEqualTo("In review");

    signIn("reviewer", DEMO_PASSWORD);
    chrome.get(url("/review/modules/" + id));
    click(By.cssSelector("form[action$='/publish'] button"));
    ModuleContent module = (ModuleContent) catalog.get(ContentType.MODULE, "en", slug).content();
    assertThat(module.units())
        .extracting(ModuleContent.Unit::type)
        .containsExactly(
            UnitType.READING,
            UnitType.MEDIA,
            UnitType.REFLECTION,
            UnitType.QUIZ,
            UnitType.PRACTICE);
    assertThat(((ModuleContent.Quiz) module.units().get(3)).questions()).hasSize(3);

    String teacher = "editor" + System.nanoTime() % 1_000_000_000L;
    String school = String.valueOf(accounts.get("trainer").school().id());
    accounts.create("test", new NewUser(teacher, "钱老师", DEMO_PASSWORD, List.of("TEACHER"), school));
    assignments.create(
        "trainer",
        false,
        new NewAssignment(
            slug, "en", List.of(teacher), null, LocalDate.now().plusDays(7).toString()));
    long classId = classes.create(teacher, new NewClass("Grade 4", 4, 20, "far-from-home", "en"));

    signIn(teacher, DEMO_PASSWORD);
    chrome.get(url("/training/modules/en/" + slug));
    for (ModuleContent.Unit unit : module.units()) {
      WebElement section = section(unit.id());
      switch (unit.type()) {
        case READING, MEDIA -> section.findElement(By.cssSelector("button[type=submit]")).click();
        case REFLECTION -> {
          section.findElement(By.tagName("textarea")).sendKeys("Lin, who waits every Sunday.");
          section.findElement(By.cssSelector("button[type=submit]")).click();
        }
        case QUIZ -> {
          for (ModuleContent.Question q : ((ModuleContent.Quiz) unit).questions()) {
            section
                .findElement(By.cssSelector("input[name='q." + q.id() + "'][value='0']"))
                .click();
          }
          section.findElement(By.cssSelector("button[type=submit]")).click();
          waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("quiz-result")));
        }
        case PRACTICE -> {
          classes.deliver(
              teacher,
              classId,
              new Delivery(PRACTICE_LESSON, LocalDate.now().toString(), 40, 4, "", false));
          waitFor()
              .until(
                  d -> {
                    chrome.navigate().refresh();
                    return !chrome.findElements(done(unit.id())).isEmpty();
                  });
        }
        default -> throw new IllegalStateException(String.valueOf(unit.type()));
      }
      waitFor().until(ExpectedConditions.presenceOfElementLocated(done(unit.id())));
    }
    assertThat(chrome.findElement(By.id("module-progress")).getText())
        .isEqualTo("5 of 5 units done");
    assertThat(chrome.findElements(By.id("certificate-link"))).hasSize(1);
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static By done(String unitId) {
    return By.cssSelector("section[data-unit='" + unitId + "'][data-done='true']");
  }

  @Test
  void refusalsNameTheUnitAndFieldInTheAuthorsLanguageKeepingWhatWasTyped() {
    signIn("author", DEMO_PASSWORD);
    chrome.get(url("/authoring/modules/new?locale=zh-CN"));
    type("slug", "refused-" + System.nanoTime());
    type("title", "倾听");
    addUnit("quiz");
    type("units-1-title", "小测验");
    type("units-1-questions-0-text", "孩子一整天不说话，先做什么？");
    type("units-1-questions-0-choices-0", "坐在旁边，等一等");
    type("units-1-questions-0-choices-1", "马上问为什么");
    click(By.id("save"));

    // Chinese: in the summary, each a link to its field, and next to the field.
    String summary = chrome.findElement(By.id("problems")).getText();
    assertThat(summary).contains("第1单元，标题：请填写").contains("第2单元，第1题：请至少勾选一个正确答案");
    assertThat(chrome.findElement(By.id("units-0-title-error")).getText()).isEqualTo("第1单元，标题：请填写");
    assertThat(chrome.findElement(By.id("units-0-title")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(chrome.findElement(By.id("units-1-questions-0-text")).getDomProperty("value"))
        .isEqualTo("孩子一整天不说话，先做什么？");
    chrome.findElement(By.cssSelector("#problems a[href='#units-0-title']")).click();
    assertThat(chrome.switchTo().activeElement().getDomAttribute("id")).isEqualTo("units-0-title");

    // English: the same refusals in the author's other language, after switching on the page.
    WebElement english = chrome.findElement(By.cssSelector("a[lang=en]"));
    english.click();
    waitFor().until(Browser.gone(english));
    chrome.get(url("/authoring/modules/new"));
    type("slug", "refused-" + System.nanoTime());
    type("title", "Listening");
    addUnit("quiz");
    type("units-1-title", "Check");
    type("units-1-questions-0-text", "What helps first?");
    type("units-1-questions-0-choices-0", "Sit nearby");
    click(By.id("save"));
    assertThat(chrome.findElement(By.id("problems")).getText())
        .contains("Unit 1, title: fill this in")
        .contains("Unit 2, question 1: tick at least one right answer");
    assertThat(chrome.findElement(By.id("units-1-questions-0-choices-0")).getDomProperty("value"))
        .isEqualTo("Sit nearby");
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }

  private static WebElement section(String unitId) {
    return chrome.findElement(By.cssSelector("section[data-unit='" + unitId + "']"));
  }

  private void addUnit(String type) {
    new Select(chrome.findElement(By.id("newUnitType"))).selectByValue(type);
    click(By.id("add-unit"));
  }

  private static void type(String id, String text) {
    WebElement field = chrome.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks a submit button and waits for the page that answers. */
  private static void click(By button) {
    WebElement target = chrome.findElement(button);
    target.click();
    waitFor().until(org.banyan.Browser.gone(target));
  }

  private static WebDriverWait waitFor() {
    return new WebDriverWait(chrome, Duration.ofSeconds(10));
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
}
