package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;

/**
 * Before submitting, an author sees a draft as teachers will (the reader's page and its print kit)
 * and the curriculum's advice about what the lesson still lacks.
 */
class DraftPreviewsIntegrationTests extends PostgresTestBase {

  private long draftLesson(String slug) {
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", Json.lesson(slug, "en").toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Json.read(created).get("id").asLong();
  }

  @Test
  void aDraftLessonIsShownAsTeachersAndThePrintKitWillShowIt() {
    String slug = Json.uniqueSlug("preview");
    long id = draftLesson(slug);
    WebClient author = browserAs("author").header("Accept-Language", "en");

    HttpResponse<String> page = author.get("/authoring/lessons/" + id + "/preview");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"preview-banner\"")
        .contains("Sharing the swing " + slug)
        .contains("class=\"lesson-body\"")
        .contains("class=\"take-home\"")
        .contains("href=\"/authoring/lessons/" + id + "\"");

    HttpResponse<String> print = author.get("/authoring/lessons/" + id + "/preview/print");
    assertThat(print.statusCode()).isEqualTo(200);
    assertThat(print.body()).contains("id=\"preview-banner\"").contains("print-kit");

    // The published page does not exist yet: the preview is the only way to see it.
    assertThat(client().get("/lessons/en/" + slug).statusCode()).isEqualTo(404);
    // Reviewers see drafts too; teachers never do, and an unknown draft is not found.
    assertThat(browserAs("reviewer").get("/authoring/lessons/" + id + "/preview").statusCode())
        .isEqualTo(200);
    assertThat(browserAs("teacher").get("/authoring/lessons/" + id + "/preview").statusCode())
        .isEqualTo(403);
    assertThat(author.get("/authoring/lessons/987654321/preview").statusCode()).isEqualTo(404);
    assertThat(author.get("/authoring/courses/" + id + "/preview").statusCode()).isEqualTo(404);
  }

  @Test
  void everyPreviewCanBeSeenInBothThemesWithTheThemesOwnLayoutAndStylesheet() {
    String slug = Json.uniqueSlug("themes");
    long id = draftLesson(slug);
    WebClient author = browserAs("author").header("Accept-Language", "en");

    String standard = author.get("/authoring/lessons/" + id + "/preview").body();
    assertThat(standard)
        .doesNotContain("class=\"lowband")
        .contains("aria-current=\"true\" data-theme=\"default\">Standard")
        .contains("href=\"/authoring/lessons/" + id + "/preview?theme=lowband\"")
        // Its print kit button leads to the preview's print kit, not to a page not yet published.
        .contains("href=\"/authoring/lessons/" + id + "/preview/print?theme=default\"");
    assertThat(author.get("/authoring/lessons/" + id + "/preview?theme=lowband").body())
        .contains("href=\"/authoring/lessons/" + id + "/preview/print?theme=lowband\"");

    for (String path :
        new String[] {
          "/authoring/lessons/" + id + "/preview", "/authoring/lessons/" + id + "/preview/print"
        }) {
      HttpResponse<String> lowband = author.get(path + "?theme=lowband");
      assertThat(lowband.statusCode()).as(path).isEqualTo(200);
      assertThat(lowband.body())
          .as(path)
          .contains("class=\"lowband")
          .contains("Sharing the swing " + slug)
          .contains("aria-current=\"true\" data-theme=\"lowband\">Low bandwidth")
          .contains("href=\"" + path + "?theme=default\"")
          .doesNotContain("<img")
          // The language switch keeps the theme.
          .contains("href=\"?theme=lowband&amp;locale=zh-CN\"");
      // Its stylesheet is lowband's own, served with a content hash like the site's.
      String css =
          lowband
              .body()
              .replaceAll("(?s).*href=\"(/themes/lowband/css/site-[0-9a-f]+\\.css)\".*", "$1");
      assertThat(css).startsWith("/themes/lowband/css/site-");
      HttpResponse<String> style = client().get(css);
      assertThat(style.statusCode()).isEqualTo(200);
      assertThat(style.body()).contains("lowband: text first");
      assertThat(style.headers().firstValue("Cache-Control"))
          .hasValueSatisfying(c -> assertThat(c).contains("immutable"));
    }
    // The site itself stays in its theme: nothing a preview chose sticks.
    assertThat(author.get("/lessons").body()).doesNotContain("class=\"lowband");
    // What lowband does not override comes from default, by default's path under lowband's.
    assertThat(client().get("/themes/lowband/js/print.js").statusCode()).isEqualTo(200);

    // A course and a module in the other theme too.
    String course =
        """
        {"lang":"en","title":"Themed course","summary":"One lesson.","markdown":"Weekly.",
         "grades":[1],"lessons":[{"lang":"en","slug":"naming-feelings"}]}
        """;
    long courseId =
        Json.read(as("author").postJson("/api/v1/authoring/courses", course)).get("id").asLong();
    assertThat(author.get("/authoring/courses/" + courseId + "/preview?theme=lowband").body())
        .contains("class=\"lowband")
        .contains("Themed course");
    assertThat(author.get("/authoring/courses/" + courseId + "/preview/print?theme=lowband").body())
        .contains("class=\"lowband")
        .contains("course-print");

    // A theme that does not exist is refused, naming the field and the themes there are.
    for (String bad : new String[] {"nope", "../default", "LOWBAND", "lowband/../../etc"}) {
      HttpResponse<String> refused =
          author.get(
              "/authoring/lessons/"
                  + id
                  + "/preview?theme="
                  + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.body()).as(bad).contains("theme").contains("default, lowband");
    }
    assertThat(client().get("/themes/nope/css/site.css").statusCode()).isEqualTo(404);
    assertThat(client().get("/themes/lowband/../../pom.xml").statusCode()).isIn(400, 404);
    // Teachers still see no draft, in any theme.
    assertThat(
            browserAs("teacher")
                .get("/authoring/lessons/" + id + "/preview?theme=lowband")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theEditorAdvisesWhatTheLessonLacksInTheAuthorsLanguage() {
    long id = draftLesson(Json.uniqueSlug("advice"));

    String english =
        browserAs("author").header("Accept-Language", "en").get("/authoring/lessons/" + id).body();
    assertThat(english)
        .contains("id=\"advice\"")
        .contains("There is no section “Activities”")
        .contains("The timed steps add up to 5 minutes, but the lesson lasts 40.")
        .contains("The safeguarding section does not mention “class teacher”")
        .doesNotContain("There is no section “Safeguarding”");

    String chinese =
        browserAs("author")
            .header("Accept-Language", "zh-CN")
            .get("/authoring/lessons/" + id)
            .body();
    assertThat(chinese).contains("提交前请看看").contains("缺少“Activities”一节");

    // Advice, not a block: the lesson can still be submitted.
    assertThat(
            as("author").postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}").statusCode())
        .isEqualTo(200);
    // The reviewer reading it is led to the same previews.
    assertThat(browserAs("reviewer").get("/review/lessons/" + id).body())
        .contains("id=\"preview-as-teachers\" href=\"/authoring/lessons/" + id + "/preview\"")
        .contains("href=\"/authoring/lessons/" + id + "/preview/print\"");
  }

  @Test
  void aDraftCourseIsShownWithItsOutlineAndPrintRun() {
    String body =
        """
        {"lang":"en","title":"Preview course","summary":"One lesson.","markdown":"Weekly.",
         "grades":[1],"lessons":[{"lang":"en","slug":"naming-feelings"}]}
        """;
    HttpResponse<String> created = as("author").postJson("/api/v1/authoring/courses", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Json.read(created).get("id").asLong();
    WebClient author = browserAs("author");

    HttpResponse<String> outline = author.get("/authoring/courses/" + id + "/preview");
    assertThat(outline.statusCode()).isEqualTo(200);
    assertThat(outline.body()).contains("id=\"preview-banner\"").contains("Preview course");
    HttpResponse<String> print = author.get("/authoring/courses/" + id + "/preview/print");
    assertThat(print.statusCode()).isEqualTo(200);
    assertThat(print.body()).contains("course-print");
  }

  @Test
  void aDraftModuleIsShownInThePlayerWithItsQuiz() {
    String slug = "preview-module-" + System.nanoTime();
    String body =
        """
        {"slug":"%s","lang":"en","title":"Preview module","summary":"One of each.","markdown":"Read.",
         "units":[{"id":"read","type":"reading","title":"Read first","markdown":"Some **words**."},
                  {"id":"think","type":"reflection","title":"Think","prompt":"What did you notice?"},
                  {"id":"check","type":"quiz","title":"Check","passMark":100,
                   "questions":[{"id":"q1","text":"Which one is right?","choices":["no","yes"],
                                 "correct":[1]}]}]}
        """
            .formatted(slug);
    HttpResponse<String> created = as("author").postJson("/api/v1/authoring/modules", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Json.read(created).get("id").asLong();

    HttpResponse<String> player =
        browserAs("author")
            .header("Accept-Language", "en")
            .get("/authoring/modules/" + id + "/preview");
    assertThat(player.statusCode()).isEqualTo(200);
    assertThat(player.body())
        .contains("id=\"preview-banner\"")
        .contains("Preview module")
        .contains("<strong>words</strong>")
        .contains("What did you notice?")
        .contains("Which one is right?")
        .doesNotContain("right answer");
    String lowband =
        browserAs("author")
            .header("Accept-Language", "en")
            .get("/authoring/modules/" + id + "/preview?theme=lowband")
            .body();
    assertThat(lowband)
        .contains("class=\"lowband module-player")
        .contains("id=\"preview-banner\"")
        .contains("Which one is right?");
    assertThat(browserAs("teacher").get("/authoring/modules/" + id + "/preview").statusCode())
        .isEqualTo(403);
  }
}
