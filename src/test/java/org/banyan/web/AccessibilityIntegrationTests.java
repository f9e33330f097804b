package org.banyan.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.banyan.Browser;
import org.banyan.PostgresTestBase;
import org.banyan.TestNodes;
import org.banyan.account.Accounts;
import org.banyan.account.NewUser;
import org.banyan.content.Authoring;
import org.banyan.content.Catalog;
import org.banyan.content.ContentType;
import org.banyan.content.ItemSummary;
import org.banyan.content.ModuleContent;
import org.banyan.course.Classes;
import org.banyan.course.Delivery;
import org.banyan.course.NewClass;
import org.banyan.training.Assignments;
import org.banyan.training.Cohorts;
import org.banyan.training.NewAssignment;
import org.banyan.training.NewCohort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every kind of page checked by axe-core at WCAG 2.2 AA, in both themes and both languages, for
 * each role that sees it; and a module and a class's delivery form worked with the keyboard alone.
 * The default theme is this application's, the lowband one a node beside it on the same database,
 * so one sign-in serves both (their session cookie and language cookie are the same).
 */
class AccessibilityIntegrationTests extends PostgresTestBase {

  private static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final List<String> LANGUAGES = List.of("zh-CN", "en");
  private static final String MODULE = "working-with-grandparents-and-parents";
  private static final String PRACTICE_COURSE = "far-from-home";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static ChromeDriver chrome;
  private static ConfigurableApplicationContext lowband;

  @Autowired Accounts accounts;
  @Autowired Authoring authoring;
  @Autowired Catalog catalog;
  @Autowired Classes classes;
  @Autowired Assignments assignments;
  @Autowired Cohorts cohorts;

  /**
   * One Chromium for the class, with axe-core put into every page it loads before the page's own
   * scripts (the DevTools protocol is not held back by the content security policy). The binding
   * would otherwise send the 550 KB script over WebDriver after each page, which took longer than
   * checking most pages.
   */
  @BeforeAll
  static void startBrowser() throws Exception {
    chrome = Browser.start();
    chrome.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", new EmbeddedResourceAxeProvider().getScript()));
  }

  @AfterAll
  static void stopBrowserAndNode() {
    if (chrome != null) {
      chrome.quit();
    }
    if (lowband != null) {
      lowband.close();
    }
  }

  private record Theme(String name, String base) {}

  /** This application in the default theme, and a node started beside it in lowband. */
  private List<Theme> themes() throws Exception {
    if (lowband == null) {
      lowband =
          TestNodes.start(
              Files.createTempDirectory("banyan-lowband"), "lowband", "--banyan.theme=lowband");
    }
    return List.of(
        new Theme("default", "http://localhost:" + port),
        new Theme("lowband", TestNodes.base(lowband)));
  }

  @Test
  void publicPagesHaveNoViolations() throws Exception {
    signOut();
    assertNoViolations(
        lang -> {
          String words = URLEncoder.encode(lang.equals("en") ? "feelings" : "情绪", UTF_8);
          return List.of(
              page("/?signedOut", "form[role=search]"),
              page("/login?error", "#login-error"),
              page("/lessons?lang=" + lang, ".item-list"),
              page("/courses", ".item-list"),
              page("/courses/" + lang + "/feelings-first", ".course .unit"),
              page("/courses/" + lang + "/feelings-first/print", ".print-lesson .slip"),
              page("/lessons/" + lang + "/emotion-thermometer", ".lesson-body .referral"),
              page("/lessons/" + lang + "/emotion-thermometer/print", ".worksheet img"),
              page("/search?q=" + words, ".hits .hit + .hit"),
              page("/search?q=" + words + "&type=lesson&grade=2", ".facets a[aria-current]"),
              page("/search?q=xqzzyv", "#no-results"),
              page("/lessons/" + lang + "/no-such-lesson", ".error-page"));
        });
  }

  @Test
  void teacherPagesHaveNoViolations() throws Exception {
    Teacher teacher = teacherWithClassAndAssignment("李老师");
    signIn(teacher.username(), DEMO_PASSWORD);
    assertNoViolations(
        lang ->
            List.of(
                page("/classes", "#classes [role=progressbar]"),
                page("/classes/" + teacher.classId(), "li.next form.mark"),
                page("/training", "#assigned li"),
                page("/training/modules/en/" + MODULE, ".quiz fieldset")));
  }

  @Test
  void trainerPagesHaveNoViolations() throws Exception {
    Teacher teacher = teacherWithClassAndAssignment("周老师");
    long cohort =
        cohorts.create(
            "trainer",
            false,
            new NewCohort("Cohort " + System.nanoTime(), List.of(teacher.username()), List.of()));
    signIn("trainer", DEMO_PASSWORD);
    assertNoViolations(
        lang ->
            List.of(
                page("/trainer", "#new-assignment"),
                page("/trainer/assignments/" + teacher.assignmentId(), "#progress [data-teacher]"),
                page("/trainer/cohorts", "#new-cohort"),
                page("/trainer/cohorts/" + cohort, "#members li"),
                page("/trainer/modules/en/" + MODULE + "/handout", ".handout-unit .write-line"),
                page("/trainer/modules/en/" + MODULE + "/answer-key", ".right-mark")));
  }

  @Test
  void authoringPagesHaveNoViolations() throws Exception {
    signIn("author", DEMO_PASSWORD);
    keepCourseDraft();
    long merging = lessonBeingMerged();
    assertNoViolations(
        lang ->
            List.of(
                page("/authoring?type=modules", "table tbody a"),
                page(
                    "/authoring/courses/" + itemId(ContentType.COURSE, lang, "feelings-first"),
                    "#course-builder .builder-unit li[data-lesson]"),
                page("/authoring/courses/new", "#draft-offer #draft-restore"),
                page("/authoring/courses/new?restore", "#draft-restored ~ form #lesson-results li"),
                page(
                    "/authoring/lessons/" + itemId(ContentType.LESSON, lang, "emotion-thermometer"),
                    "form.editor #markdown"),
                page(
                    "/authoring/modules/" + itemId(ContentType.MODULE, lang, MODULE),
                    "form.module-editor .question-editor .choice-editor"),
                page("/authoring/modules/new", "form.module-editor #newUnitType"),
                page("/authoring/lessons/" + merging + "?restore", "#merge tr[data-field] button"),
                page(
                    "/authoring/lessons/" + merging + "/preview",
                    "#preview-banner .preview-themes a")));
  }

  @Test
  void reviewPagesHaveNoViolations() throws Exception {
    long inReview = changedLessonInReview();
    signIn("reviewer", DEMO_PASSWORD);
    assertNoViolations(
        lang ->
            List.of(
                page("/review", "#in-review a"),
                page("/review/lessons/" + inReview, ".diff .add")));
  }

  @Test
  void adminPagesHaveNoViolations() throws Exception {
    as("admin").postJson("/api/v1/me/tokens", "{\"name\":\"Laptop\",\"expiresInDays\":30}");
    signIn("admin", ADMIN_PASSWORD);
    assertNoViolations(
        lang ->
            List.of(
                page("/admin/users", "table tbody a"),
                page("/admin/schools", "table tbody td"),
                page("/admin/audit", "table.audit tbody code"),
                page("/admin/content", "#file"),
                page("/admin/nodes", "[data-node]"),
                page("/account/tokens", "[data-token] button")));
  }

  /** A page to check, and what it must show to be in the state meant. */
  private record Page(String path, String shows) {}

  private static Page page(String path, String shows) {
    return new Page(path, shows);
  }

  /** Visits the pages in each theme and language and fails listing every violation found. */
  private void assertNoViolations(Function<String, List<Page>> pages) throws Exception {
    List<String> found = new ArrayList<>();
    for (Theme theme : themes()) {
      for (String lang : LANGUAGES) {
        // The cookie that ?locale= sets, set here to spare a page load.
        chrome.manage().addCookie(new Cookie("banyan-lang", lang));
        for (Page page : pages.apply(lang)) {
          chrome.get(theme.base() + page.path());
          assertThat(chrome.getCurrentUrl()).isEqualTo(theme.base() + page.path());
          assertThat(chrome.findElement(By.tagName("html")).getDomAttribute("lang"))
              .isEqualTo(lang);
          assertThat(chrome.findElements(By.cssSelector(page.shows())))
              .as("%s shows %s", page.path(), page.shows())
              .isNotEmpty();
          found.addAll(violations(theme, lang));
        }
      }
    }
    if (!found.isEmpty()) {
      fail(found.size() + " accessibility violations:\n" + String.join("\n", found));
    }
  }

  private static List<String> violations(Theme theme, String lang) {
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    AxeBuilder axe = new AxeBuilder().withOptions(options).withTags(WCAG_22_AA);
    // axe-core is in the page already. Legacy mode runs axe.run there: the default opens a blank
    // window after each page to put the results of frames together, and Banyan's pages have none.
    axe.setInjectAxe(alreadyThere -> {}, false);
    @SuppressWarnings("deprecation")
    Results results = axe.setLegacyMode(true).analyze(chrome);

    if (results.isErrored()) {
      fail("axe-core did not run on " + chrome.getCurrentUrl() + ": " + results.getErrorMessage());
    }
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      String targets =
          rule.getNodes().stream()
              .map(CheckedNode::getTarget)
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
      found.add(
          "%s (%s) on %s [%s, %s]: %s  (%s)"
              .formatted(
                  rule.getId(),
                  rule.getImpact(),
                  chrome.getCurrentUrl(),
                  theme.name(),
                  lang,
                  targets,
                  rule.getHelp()));
    }
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "lowband"})
  void aTeacherCompletesAModuleAndMarksALessonTaughtWithTheKeyboardAlone(String themeName)
      throws Exception {
    Theme theme =
        themes().stream().filter(t -> t.name().equals(themeName)).findFirst().orElseThrow();
    String teacher = newTeacher("吴老师");
    long classId =
        classes.create(teacher, new NewClass("Grade 4, keyboard", 4, 30, PRACTICE_COURSE, "en"));
    ModuleContent module = (ModuleContent) catalog.get(ContentType.MODULE, "en", MODULE).content();

    signOut();
    chrome.get(theme.base() + "/login?locale=en");
    type(teacher);
    press(Keys.TAB);
    type(DEMO_PASSWORD);
    press(Keys.ENTER);
    waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

    follow(By.cssSelector("nav.primary a[data-nav=training]"));
    skipToContent();
    follow(By.cssSelector("#others li[data-module='" + MODULE + "'] a"));
    waitFor().until(ExpectedConditions.urlContains("/training/modules/en/" + MODULE));

    for (ModuleContent.Unit unit : module.units()) {
      By section = By.cssSelector("section[data-unit='" + unit.id() + "']");
      By done = By.cssSelector("section[data-unit='" + unit.id() + "'][data-done='true']");
      switch (unit.type()) {
        case READING, MEDIA -> submit(section, "button[type=submit]");
        case REFLECTION -> {
          tabTo(chrome.findElement(section).findElement(By.tagName("textarea")));
          type("Say one thing at a time, and listen first.");
          submit(section, "button[type=submit]");
        }
        case QUIZ -> {
          for (ModuleContent.Question question : ((ModuleContent.Quiz) unit).questions()) {
            answer(chrome.findElement(section), question);
          }
          submit(section, "button[type=submit]");
          assertThat(chrome.findElement(By.id("quiz-result")).getText()).contains("Passed");
        }
        case PRACTICE -> {
          follow(By.cssSelector("section[data-unit='" + unit.id() + "'] a[href='/classes']"));
          skipToContent();
          follow(By.cssSelector("#classes a[href='/classes/" + classId + "']"));
          skipToContent();
          markTaught(((ModuleContent.Practice) unit).lessonSlug());
          follow(By.cssSelector("nav.primary a[data-nav=training]"));
          skipToContent();
          follow(By.cssSelector("#started li[data-module='" + MODULE + "'] a"));
        }
        default -> throw new IllegalStateException(String.valueOf(unit.type()));
      }
      waitFor().until(ExpectedConditions.presenceOfElementLocated(done));
    }

    assertThat(chrome.findElement(By.id("module-progress")).getText())
        .isEqualTo(module.units().size() + " of " + module.units().size() + " units done");
    assertThat(chrome.findElements(By.id("certificate-link"))).hasSize(1);
    assertThat(classes.get(teacher, classId).delivered()).isEqualTo(1);
    assertThat(Browser.consoleErrors(chrome)).isEmpty();
  }

  /** Opens the lesson's delivery form with the keyboard, fills it in and sends it. */
  private void markTaught(String lessonSlug) {
    By lesson = By.cssSelector("li[data-lesson='" + lessonSlug + "']");
    tabTo(chrome.findElement(lesson).findElement(By.tagName("summary")));
    press(Keys.ENTER);
    WebElement form = chrome.findElement(lesson).findElement(By.cssSelector("form.mark"));
    tabTo(form.findElement(By.name("minutes")));
    type("40");
    WebElement rating = form.findElement(By.name("rating"));
    tabTo(rating);
    press(Keys.ARROW_DOWN);
    press(Keys.ARROW_DOWN);
    press(Keys.ARROW_DOWN);
    press(Keys.ARROW_DOWN);
    assertThat(new Select(rating).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("4");
    tabTo(form.findElement(By.name("notes")));
    type("The class drew their families.");
    WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
    tabTo(button);
    press(Keys.ENTER);
    waitFor().until(org.banyan.Browser.gone(button));
    waitFor()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.done[data-lesson='" + lessonSlug + "']")));
  }

  private void answer(WebElement quiz, ModuleContent.Question question) {
    String name = "q." + question.id();
    List<WebElement> choices = quiz.findElements(By.cssSelector("input[name='" + name + "']"));
    if (question.correct().size() > 1) {
      for (int choice : question.correct()) {
        tabTo(choices.get(choice));
        press(Keys.SPACE);
      }
    } else {
      // One tab stop for the whole group of radio buttons; the arrow keys move the choice.
      tabTo(choices.get(0));
      int right = question.correct().get(0);
      if (right == 0) {
        press(Keys.SPACE);
      }
      for (int i = 0; i < right; i++) {
        press(Keys.ARROW_DOWN);
      }
    }
    for (int i = 0; i < choices.size(); i++) {
      assertThat(choices.get(i).isSelected())
          .as(name + " choice " + i)
          .isEqualTo(question.correct().contains(i));
    }
  }

  /** Tabs to the button in the section and presses Enter; waits for the page that follows. */
  private void submit(By section, String button) {
    WebElement target = chrome.findElement(section).findElement(By.cssSelector(button));
    tabTo(target);
    press(Keys.ENTER);
    waitFor().until(org.banyan.Browser.gone(target));
  }

  /** From the top of a page, takes the skip link past the header and navigation. */
  private void skipToContent() {
    tabTo(chrome.findElement(By.cssSelector("a.skip")));
    press(Keys.ENTER);
    waitFor().until(ExpectedConditions.urlContains("#main"));
  }

  /** Tabs to the link and presses Enter; waits for the page that follows. */
  private void follow(By link) {
    WebElement target = chrome.findElement(link);
    tabTo(target);
    press(Keys.ENTER);
    waitFor().until(org.banyan.Browser.gone(target));
  }

  /**
   * Presses Tab until the target has the focus, checking on the way that every element focused
   * shows it, with an outline or a box shadow, inside the window.
   */
  private void tabTo(WebElement target) {
    for (int i = 0; i < 400; i++) {
      press(Keys.TAB);
      @SuppressWarnings("unchecked")
      Map<String, Object> focus = (Map<String, Object>) chrome.executeScript(FOCUS_SCRIPT);
      WebElement focused = (WebElement) focus.get("element");
      assertThat((Boolean) focus.get("visible"))
          .as(
              "focus is visible on %s (%s) at %s",
              focus.get("html"), focus.get("style"), chrome.getCurrentUrl())
          .isTrue();
      if (focused.equals(target)) {
        return;
      }
    }
    fail(
        "Tab never reached "
            + target.getDomProperty("outerHTML")
            + " on "
            + chrome.getCurrentUrl());
  }

  private static final String FOCUS_SCRIPT =
      """
      var e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
      var ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
          || (s.boxShadow && s.boxShadow !== 'none');
      var inside = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
          && r.left < innerWidth && r.top < innerHeight;
      return {element: e, visible: ring && inside, html: e.outerHTML.substring(0, 160),
          style: 'outline ' + s.outlineStyle + ' ' + s.outlineWidth + ', shadow ' + s.boxShadow
              + ', box ' + [r.left, r.top, r.width, r.height].map(Math.round).join(' ')};
      """;

  private static void press(CharSequence key) {
    new Actions(chrome).sendKeys(key).perform();
  }

  private static void type(String text) {
    new Actions(chrome).sendKeys(text).perform();
  }

  private static WebDriverWait waitFor() {
    return new WebDriverWait(chrome, Duration.ofSeconds(10), Duration.ofMillis(50));
  }

  private record Teacher(String username, long classId, long assignmentId) {}

  /** A new teacher at the demo trainer's school, assigned the module, with a class started. */
  private Teacher teacherWithClassAndAssignment(String displayName) {
    String teacher = newTeacher(displayName);
    long classId =
        classes.create(teacher, new NewClass("Grade 2, Maple", 2, 24, "feelings-first", "en"));
    classes.deliver(
        teacher,
        classId,
        new Delivery("naming-feelings", LocalDate.now().toString(), 35, 4, "", false));
    long assignment =
        assignments.create(
            "trainer",
            false,
            new NewAssignment(
                MODULE, "en", List.of(teacher), null, LocalDate.now().plusDays(14).toString()));
    return new Teacher(teacher, classId, assignment);
  }

  private String newTeacher(String displayName) {
    String username = "a11y" + System.nanoTime() % 1_000_000_000L;
    String school = String.valueOf(accounts.get("trainer").school().id());
    accounts.create(
        "test", new NewUser(username, displayName, DEMO_PASSWORD, List.of("TEACHER"), school));
    return username;
  }

  private long itemId(ContentType type, String lang, String slug) {
    return authoring.items(type).stream()
        .filter(i -> i.lang().equals(lang) && i.slug().equals(slug))
        .map(ItemSummary::id)
        .findFirst()
        .orElseThrow();
  }

  /**
   * An unsaved new course kept in the author's autosave slot, with a title search, so the editor
   * offers it and its restored form shows the search's results.
   */
  private void keepCourseDraft() {
    org.banyan.WebClient author = browserAs("author");
    String token = org.banyan.WebClient.csrfFrom(author.get("/authoring/courses/new").body());
    HttpResponse<String> kept =
        author
            .header("X-CSRF-TOKEN", token)
            .postJson(
                "/authoring/courses/new/autosave",
                "{\"fields\":[[\"lang\",\"en\"],[\"title\",\"Kept course\"],"
                    + "[\"lessonQuery\",\"feel\"],[\"unit.0.title\",\"One\"],"
                    + "[\"unit.0.week\",\"x\"],[\"unit.0.lesson\",\"naming-feelings\"]]}");
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
  }

  /**
   * A lesson another author saved over while this one typed: its kept draft started from revision 1
   * and goes on top of revision 2, so its editor shows the merge table.
   */
  private long lessonBeingMerged() {
    String slug = "a11y-merge-" + System.nanoTime();
    HttpResponse<String> created =
        as("author")
            .postJson(
                "/api/v1/authoring/lessons", TestNodes.lesson(slug, "Paper boats").toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    ObjectNode theirs = TestNodes.lesson(slug, "Paper kites");
    theirs.put("baseRevision", 1);
    assertThat(
            as("author").putJson("/api/v1/authoring/lessons/" + id, theirs.toString()).statusCode())
        .isEqualTo(200);
    org.banyan.WebClient author = browserAs("author");
    String path = "/authoring/lessons/" + id;
    String token = org.banyan.WebClient.csrfFrom(author.get(path).body());
    HttpResponse<String> kept =
        author
            .header("X-CSRF-TOKEN", token)
            .postJson(
                path + "/autosave",
                "{\"fields\":[[\"baseRevision\",\"2\"],[\"mergeBase\",\"1\"],"
                    + "[\"title\",\"Paper boats on the pond\"],[\"durationMinutes\",\"40\"]]}");
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    return id;
  }

  /** A published lesson with a changed revision waiting for review, so the page shows a diff. */
  private long changedLessonInReview() {
    String slug = "a11y-" + System.nanoTime();
    HttpResponse<String> created =
        as("author")
            .postJson(
                "/api/v1/authoring/lessons", TestNodes.lesson(slug, "Paper boats").toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");
    as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}");
    ObjectNode edited = TestNodes.lesson(slug, "Paper kites");
    edited.put("baseRevision", 1);
    HttpResponse<String> saved =
        as("author").putJson("/api/v1/authoring/lessons/" + id, edited.toString());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    JsonNode submitted =
        JSON.readTree(
            as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}").body());
    assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
    return id;
  }

  private void signOut() {
    chrome.get("http://localhost:" + port + "/login");
    chrome.manage().deleteAllCookies();
  }

  private void signIn(String username, String password) {
    signOut();
    chrome.get("http://localhost:" + port + "/login");
    chrome.findElement(By.id("username")).sendKeys(username);
    chrome.findElement(By.id("password")).sendKeys(password);
    chrome.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    waitFor().until(ExpectedConditions.not(ExpectedConditions.urlMatches("/login$")));
  }
}
