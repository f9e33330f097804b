package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.FormFields.plus;
import static org.banyan.FormFields.with;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.banyan.FormFields;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The module editor without JavaScript: every button a form post that keeps what was typed, read
 * back and posted again as a browser does; refusals named by unit and question in the author's
 * language; hostile posts refused without a stored revision or a server error.
 */
class ModuleEditorIntegrationTests extends PostgresTestBase {

  @Autowired Authoring authoring;

  private static List<Map.Entry<String, String>> fields(Document page) {
    return FormFields.of(page, "module-editor");
  }

  private static Document press(
      WebClient author, String path, List<Map.Entry<String, String>> fields, String action) {
    HttpResponse<String> response = author.postForm(path, plus(fields, "action", action));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Jsoup.parse(response.body());
  }

  private static String value(Document page, String name) {
    Element e = page.selectFirst("[name='" + name + "']");
    assertThat(e).as(name).isNotNull();
    if (e.tagName().equals("select")) {
      Element chosen = e.selectFirst("option[selected]");
      return chosen == null ? "" : chosen.attr("value");
    }
    return e.tagName().equals("textarea") ? e.wholeText() : e.attr("value");
  }

  private WebClient author(String lang) {
    WebClient author = browserAs("author");
    author.get("/?locale=" + lang);
    return author;
  }

  @Test
  void addsMovesAndRemovesUnitsByFormPostsKeepingEverythingTyped() {
    WebClient author = author("en");
    Document page = Jsoup.parse(author.get("/authoring/modules/new").body());
    List<Map.Entry<String, String>> typed = fields(page);
    typed = with(typed, "lang", "en");
    typed = with(typed, "title", "Listening first");
    typed = with(typed, "units[0].title", "Why listening matters");
    typed = with(typed, "units[0].markdown", "Listen before you speak.");
    typed = with(typed, "newUnitType", "quiz");

    page = press(author, "/authoring/modules", typed, "addUnit");
    assertThat(value(page, "title")).isEqualTo("Listening first");
    assertThat(value(page, "units[0].markdown")).isEqualTo("Listen before you speak.");
    assertThat(value(page, "units[1].type")).isEqualTo("quiz");
    assertThat(value(page, "units[1].id")).isEqualTo("unit-2");
    assertThat(page.select("[name='units[1].questions[0].choices[1]']")).hasSize(1);
    assertThat(page.getElementById("units-1-title").hasAttr("autofocus")).isTrue();

    typed = with(fields(page), "units[1].title", "Check yourself");
    page = press(author, "/authoring/modules", typed, "moveUp:1");
    assertThat(value(page, "units[0].title")).isEqualTo("Check yourself");
    assertThat(value(page, "units[0].type")).isEqualTo("quiz");
    assertThat(value(page, "units[1].title")).isEqualTo("Why listening matters");
    assertThat(page.getElementById("units-0-moveDown").hasAttr("autofocus")).isTrue();

    page = press(author, "/authoring/modules", fields(page), "addChoice:0:0");
    assertThat(page.select("[name^='units[0].questions[0].choices[']")).hasSize(3);
    page = press(author, "/authoring/modules", fields(page), "addQuestion:0");
    assertThat(value(page, "units[0].questions[1].id")).isEqualTo("q2");

    page = press(author, "/authoring/modules", fields(page), "removeUnit:0");
    assertThat(page.select("fieldset.unit-editor")).hasSize(1);
    assertThat(value(page, "units[0].title")).isEqualTo("Why listening matters");
    assertThat(value(page, "units[0].id")).isEqualTo("unit-1");
  }

  @Test
  void savesAModuleOfEveryUnitTypeBuiltInTheForm() {
    String mediaId = uploadedAudio();
    WebClient author = author("en");
    String slug = "editor-" + System.nanoTime();
    List<Map.Entry<String, String>> typed = new ArrayList<>();
    typed.add(Map.entry("_csrf", WebClient.csrfFrom(author.get("/authoring/modules/new").body())));
    typed.add(Map.entry("lang", "en"));
    typed.add(Map.entry("slug", slug));
    typed.add(Map.entry("title", "Five kinds of unit"));
    typed.add(Map.entry("summary", "One unit of each type."));
    typed.add(Map.entry("estimatedMinutes", "30"));
    unit(typed, 0, "read-first", "reading", "Read", "markdown", "Some text.");
    unit(typed, 1, "listen", "media", "Listen", "mediaId", mediaId);
    unit(typed, 2, "think", "reflection", "Think", "prompt", "What did you notice?");
    unit(typed, 3, "check", "quiz", "Check", "passMark", "50");
    typed.add(Map.entry("units[3].questions[0].id", "q1"));
    typed.add(Map.entry("units[3].questions[0].text", "Which are kind?"));
    typed.add(Map.entry("units[3].questions[0].choices[0]", "Listening"));
    typed.add(Map.entry("units[3].questions[0].choices[1]", "Shouting"));
    typed.add(Map.entry("units[3].questions[0].choices[2]", "Waiting"));
    typed.add(Map.entry("units[3].questions[0].correct", "0"));
    typed.add(Map.entry("units[3].questions[0].correct", "2"));
    unit(typed, 4, "teach", "practice", "Teach", "lessonSlug", "emotion-thermometer");
    // A media unit's fields of other types, as the form keeps them, are not saved.
    typed.add(Map.entry("units[1].prompt", "left over"));
    typed.add(Map.entry("action", "save"));

    HttpResponse<String> saved = author.postForm("/authoring/modules", typed);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/authoring/modules/\\d+\\?saved");
    long id = Long.parseLong(location.replaceAll(".*/modules/(\\d+).*", "$1"));

    ModuleContent module = (ModuleContent) authoring.draft(ContentType.MODULE, id).content();
    assertThat(module.units())
        .extracting(ModuleContent.Unit::type)
        .containsExactly(
            UnitType.READING,
            UnitType.MEDIA,
            UnitType.REFLECTION,
            UnitType.QUIZ,
            UnitType.PRACTICE);
    assertThat(module.units().get(1))
        .isEqualTo(new ModuleContent.Media("listen", "Listen", null, mediaId));
    ModuleContent.Quiz quiz = (ModuleContent.Quiz) module.units().get(3);
    assertThat(quiz.passMark()).isEqualTo(50);
    assertThat(quiz.questions().get(0).correct()).containsExactly(0, 2);
    assertThat(((ModuleContent.Practice) module.units().get(4)).lessonSlug())
        .isEqualTo("emotion-thermometer");

    Document page = Jsoup.parse(author.get("/authoring/modules/" + id + "?saved").body());
    assertThat(value(page, "units[3].questions[0].choices[2]")).isEqualTo("Waiting");
    assertThat(page.select("input[name='units[3].questions[0].correct'][checked]"))
        .extracting(e -> e.attr("value"))
        .containsExactly("0", "2");
    assertThat(value(page, "units[1].mediaId")).isEqualTo(mediaId);

    // Saved again from the page as it is: a new revision with the same units.
    HttpResponse<String> again =
        author.postForm("/authoring/modules/" + id, plus(fields(page), "action", "save"));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
    Draft draft = authoring.draft(ContentType.MODULE, id);
    assertThat(draft.item().revision()).isEqualTo(2);
    assertThat(((ModuleContent) draft.content()).units()).isEqualTo(module.units());
  }

  private static void unit(
      List<Map.Entry<String, String>> typed,
      int index,
      String id,
      String type,
      String title,
      String field,
      String value) {
    typed.add(Map.entry("units[" + index + "].id", id));
    typed.add(Map.entry("units[" + index + "].type", type));
    typed.add(Map.entry("units[" + index + "].title", title));
    typed.add(Map.entry("units[" + index + "]." + field, value));
  }

  private String uploadedAudio() {
    byte[] mp3 = new byte[2000];
    mp3[0] = 'I';
    mp3[1] = 'D';
    mp3[2] = '3';
    HttpResponse<String> uploaded = as("author").upload("/api/v1/media", "file", "talk.mp3", mp3);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    return Json.read(uploaded).get("id").asString();
  }

  /** Three units; the third a quiz whose second question has no right answer ticked. */
  private List<Map.Entry<String, String>> quizWithoutRightAnswer(WebClient author) {
    List<Map.Entry<String, String>> typed = new ArrayList<>();
    typed.add(Map.entry("_csrf", WebClient.csrfFrom(author.get("/authoring/modules/new").body())));
    typed.add(Map.entry("lang", "en"));
    typed.add(Map.entry("title", "Unticked"));
    typed.add(Map.entry("summary", "A quiz with a question left unticked."));
    unit(typed, 0, "one", "reading", "One", "markdown", "Text.");
    unit(typed, 1, "two", "reflection", "", "prompt", "Why?");
    unit(typed, 2, "three", "quiz", "Three", "passMark", "80");
    for (int q = 0; q < 2; q++) {
      String at = "units[2].questions[" + q + "]";
      typed.add(Map.entry(at + ".id", "q" + (q + 1)));
      typed.add(Map.entry(at + ".text", "Question " + (q + 1)));
      typed.add(Map.entry(at + ".choices[0]", "Yes"));
      typed.add(Map.entry(at + ".choices[1]", "No"));
    }
    typed.add(Map.entry("units[2].questions[0].correct", "1"));
    return typed;
  }

  @Test
  void namesTheUnitAndQuestionInEnglishNextToTheFieldKeepingWhatWasTyped() {
    WebClient author = author("en");
    Document page = press(author, "/authoring/modules", quizWithoutRightAnswer(author), "save");
    assertThat(page.getElementById("problems").text())
        .contains("Unit 3, question 2: tick at least one right answer")
        .contains("Unit 2, title: fill this in");
    Element choices = page.getElementById("units-2-questions-1-choices");
    assertThat(choices.attr("aria-describedby")).contains("units-2-questions-1-correct-error");
    assertThat(page.getElementById("units-2-questions-1-correct-error").text())
        .isEqualTo("Unit 3, question 2: tick at least one right answer");
    assertThat(page.getElementById("units-1-title").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.getElementById("units-1-title").attr("aria-describedby"))
        .isEqualTo("units-1-title-error");
    assertThat(page.select("#problems a[href='#units-2-questions-1-choices']")).hasSize(1);
    assertThat(value(page, "units[2].questions[1].text")).isEqualTo("Question 2");
    assertThat(value(page, "units[1].prompt")).isEqualTo("Why?");
  }

  @Test
  void namesTheUnitAndQuestionInChinese() {
    WebClient author = author("zh-CN");
    Document page = press(author, "/authoring/modules", quizWithoutRightAnswer(author), "save");
    assertThat(page.getElementById("problems").text())
        .contains("第3单元，第2题：请至少勾选一个正确答案")
        .contains("第2单元，标题：请填写");
  }

  @Test
  void refusesHostilePostsCleanly() {
    WebClient author = author("en");
    List<Map.Entry<String, String>> typed = quizWithoutRightAnswer(author);
    typed.add(Map.entry("units[2].questions[1].correct", "0"));

    Document unknownType =
        press(author, "/authoring/modules", with(typed, "units[0].type", "video-game"), "save");
    assertThat(unknownType.getElementById("problems").text())
        .contains("Unit 1, type: choose one of the unit types");

    Document tooMany =
        press(author, "/authoring/modules", plus(typed, "units[50].title", "One too many"), "save");
    assertThat(tooMany.getElementById("problems").text())
        .contains("a module holds at most 50 units");
    Document hugeIndex =
        press(
            author,
            "/authoring/modules",
            plus(typed, "units[99999999999999999999].title", "x"),
            "save");
    assertThat(hugeIndex.getElementById("problems").text()).contains("at most 50 units");
    Document tooManyChoices =
        press(
            author,
            "/authoring/modules",
            plus(typed, "units[2].questions[0].choices[10]", "x"),
            "save");
    assertThat(tooManyChoices.getElementById("problems").text())
        .contains("Unit 3, question 1: a question holds at most 10 choices");
    Document badTick =
        press(
            author,
            "/authoring/modules",
            plus(typed, "units[2].questions[0].correct", "7"),
            "save");
    assertThat(badTick.getElementById("problems").text())
        .contains("Unit 3, question 1: tick at least one right answer");

    for (String action :
        List.of(
            "removeUnit:99",
            "moveUp:0",
            "moveDown:2",
            "addChoice:7:7",
            "removeChoice:2:0:9",
            "explode",
            "addUnit:x:y")) {
      Document page = press(author, "/authoring/modules", typed, action);
      assertThat(page.select("fieldset.unit-editor")).as(action).hasSize(3);
    }
    List<Map.Entry<String, String>> tenChoices = new ArrayList<>(typed);
    for (int c = 2; c < 10; c++) {
      tenChoices.add(Map.entry("units[2].questions[0].choices[" + c + "]", "More " + c));
    }
    assertThat(
            press(author, "/authoring/modules", tenChoices, "addChoice:2:0")
                .getElementById("problems")
                .text())
        .contains("a question holds at most 10 choices");

    long lesson =
        authoring.items(ContentType.LESSON).stream()
            .filter(i -> i.lang().equals("en"))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(
            author
                .postForm("/authoring/modules/" + lesson, plus(typed, "baseRevision", "1"))
                .statusCode())
        .isEqualTo(404);
    assertThat(author.postForm("/authoring/modules", with(typed, "_csrf", "forged")).statusCode())
        .isEqualTo(403);
    WebClient teacher = browserAs("teacher");
    assertThat(
            teacher
                .submit(
                    "/training", "/authoring/modules", Map.of("title", "x", "action", "addUnit"))
                .statusCode())
        .isEqualTo(403);
    assertThat(authoring.items(ContentType.MODULE))
        .extracting(ItemSummary::title)
        .doesNotContain("Unticked");
  }

  @Test
  void twoAuthorsMergeAModuleFieldByFieldAndUnitByUnit() {
    String slug = "merge-module-" + System.nanoTime();
    String body =
        """
        {"slug":"%s","lang":"en","title":"Listening","summary":"Three units.","markdown":"Read.",
         "units":[{"id":"read","type":"reading","title":"Read first","markdown":"Some words."},
                  {"id":"think","type":"reflection","title":"Think","prompt":"What did you notice?"},
                  {"id":"check","type":"quiz","title":"Check","passMark":100,
                   "questions":[{"id":"q1","text":"Which one?","choices":["no","yes"],"correct":[1]}]}]}
        """;
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/modules", body.formatted(slug));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Json.read(created).get("id").asLong();
    String path = "/authoring/modules/" + id;
    WebClient author = author("en");
    List<Map.Entry<String, String>> mine = fields(Jsoup.parse(author.get(path).body()));
    mine = with(mine, "summary", "My summary.");
    mine = with(mine, "units[0].title", "Read this first");

    // Another author saves revision 2: a new title, a new prompt, and a unit added after the first.
    String theirs =
        body.formatted(slug)
            .replace("\"title\":\"Listening\"", "\"title\":\"Listening well\"")
            .replace("What did you notice?", "What did you hear?")
            .replace(
                "{\"id\":\"think\"",
                "{\"id\":\"listen\",\"type\":\"reading\",\"title\":\"Their new unit\",\"markdown\":\"More.\"},"
                    + "{\"id\":\"think\"")
            .replace("\"slug\":\"" + slug + "\",", "\"baseRevision\":1,");
    HttpResponse<String> put = as("author").putJson("/api/v1/authoring/modules/" + id, theirs);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    Document conflict = press(author, path, mine, "save");
    assertThat(conflict.getElementById("conflict")).isNotNull();
    assertThat(value(conflict, "mergeBase")).isEqualTo("1");
    assertThat(value(conflict, "baseRevision")).isEqualTo("2");
    assertThat(value(conflict, "units[0].title")).isEqualTo("Read this first");
    assertThat(changedBy(conflict, "title")).isEqualTo("THEM");
    assertThat(changedBy(conflict, "summary")).isEqualTo("YOU");
    assertThat(changedBy(conflict, "unit:read")).isEqualTo("YOU");
    assertThat(changedBy(conflict, "unit:think")).isEqualTo("THEM");
    assertThat(changedBy(conflict, "unit:listen")).isEqualTo("THEM");
    assertThat(changedBy(conflict, "unit:check")).isNull();
    assertThat(conflict.selectFirst("#merge tr[data-field=unit:listen]").text())
        .contains("Reading · Their new unit")
        .contains("(no such unit)");

    // Their new unit comes in where they put it; the rest stays as typed.
    Document took = press(author, path, fields(conflict), "take:unit:listen");
    assertThat(value(took, "units[1].id")).isEqualTo("listen");
    assertThat(value(took, "units[1].title")).isEqualTo("Their new unit");
    assertThat(value(took, "units[0].title")).isEqualTo("Read this first");
    assertThat(changedBy(took, "unit:listen")).isNull();

    // Everything only they changed, in one press; my own changes stay.
    Document merged = press(author, path, fields(took), "take:*");
    assertThat(value(merged, "title")).isEqualTo("Listening well");
    assertThat(value(merged, "units[2].prompt")).isEqualTo("What did you hear?");
    assertThat(value(merged, "summary")).isEqualTo("My summary.");
    assertThat(merged.select("#merge tr[data-field]"))
        .extracting(e -> e.attr("data-changed-by"))
        .containsOnly("YOU");

    // A hostile take changes nothing.
    Document odd = press(author, path, fields(merged), "take:unit:nope");
    assertThat(odd.select("fieldset.unit-editor")).hasSize(4);
    Document wild = press(author, path, with(fields(merged), "mergeBase", "77"), "take:title");
    assertThat(wild.getElementById("merge")).isNull();

    HttpResponse<String> saved = author.postForm(path, with(fields(merged), "action", "save"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    ModuleContent module = (ModuleContent) authoring.draft(ContentType.MODULE, id).content();
    assertThat(module.title()).isEqualTo("Listening well");
    assertThat(module.summary()).isEqualTo("My summary.");
    assertThat(module.units())
        .extracting(ModuleContent.Unit::id)
        .containsExactly("read", "listen", "think", "check");
    assertThat(module.units().get(0).title()).isEqualTo("Read this first");
  }

  @Test
  void aModuleReorderedByTheOtherAuthorKeepsTheirOrderWhenTaken() {
    String slug = "merge-order-" + System.nanoTime();
    String units =
        """
        {"id":"a","type":"reading","title":"First","markdown":"A."},
        {"id":"b","type":"reading","title":"Second","markdown":"B."},
        {"id":"c","type":"reading","title":"Third","markdown":"C."}""";
    String body =
        """
        {"slug":"%s","lang":"en","title":"Order","summary":"Three units.","markdown":"Read.",
         "units":[%s]}
        """;
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/modules", body.formatted(slug, units));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Json.read(created).get("id").asLong();
    String path = "/authoring/modules/" + id;
    WebClient author = author("en");
    List<Map.Entry<String, String>> mine =
        with(fields(Jsoup.parse(author.get(path).body())), "units[0].title", "First, renamed");

    // The other author only moves the last unit to the top.
    String[] lines = units.split("\n");
    String reordered = lines[2] + ",\n" + lines[0] + "\n" + lines[1].replaceAll(",$", "");
    String theirs =
        body.formatted(slug, reordered)
            .replace("\"slug\":\"" + slug + "\",", "\"baseRevision\":1,");
    HttpResponse<String> put = as("author").putJson("/api/v1/authoring/modules/" + id, theirs);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    Document conflict = press(author, path, mine, "save");
    assertThat(changedBy(conflict, "unitOrder")).isEqualTo("THEM");
    assertThat(changedBy(conflict, "unit:a")).isEqualTo("YOU");
    assertThat(conflict.selectFirst("#merge tr[data-field=unitOrder] .theirs").text())
        .isEqualTo("1. Third 2. First 3. Second");

    // An id twice in a hostile form is not reordered, and answers the form.
    Document twice =
        press(author, path, with(fields(conflict), "units[1].id", "a"), "take:unitOrder");
    assertThat(twice.select("fieldset.unit-editor")).hasSize(3);

    Document merged = press(author, path, fields(conflict), "take:*");
    assertThat(value(merged, "units[0].id")).isEqualTo("c");
    assertThat(value(merged, "units[1].title")).isEqualTo("First, renamed");
    assertThat(changedBy(merged, "unitOrder")).isNull();
    HttpResponse<String> saved = author.postForm(path, with(fields(merged), "action", "save"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    ModuleContent module = (ModuleContent) authoring.draft(ContentType.MODULE, id).content();
    assertThat(module.units()).extracting(ModuleContent.Unit::id).containsExactly("c", "a", "b");
    assertThat(module.units().get(1).title()).isEqualTo("First, renamed");
  }

  private static String changedBy(Document page, String field) {
    Element row = page.selectFirst("#merge tr[data-field=\"" + field + "\"]");
    return row == null ? null : row.attr("data-changed-by");
  }
}
