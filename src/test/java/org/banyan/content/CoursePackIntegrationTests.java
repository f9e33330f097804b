package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.banyan.Browser;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CoursePackIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
  private static final String EIGHT_LESSONS = "/courses/en/growing-up-together";

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

  /** The entries of a zip, by name, in their order. */
  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aCoursePackIsSelfContainedStaticHtmlWithinItsBudget() throws IOException {
    HttpResponse<byte[]> download = client().getBytes(EIGHT_LESSONS + "/pack.zip");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/zip");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("growing-up-together-r");
    assertThat(download.body().length).isLessThanOrEqualTo(2 * 1024 * 1024);
    Map<String, byte[]> pack = unzip(download.body());
    String root = "growing-up-together/";
    List<String> lessons =
        pack.keySet().stream().filter(n -> n.startsWith(root + "lessons/")).toList();
    assertThat(lessons).hasSize(8);
    assertThat(lessons.get(0)).matches(root + "lessons/01-[a-z0-9-]+\\.html");
    assertThat(pack)
        .containsKeys(
            root + "index.html",
            root + "style.css",
            root + "README.txt",
            root + "print-all.html",
            root + "take-home.html");
    assertThat(pack.keySet().stream().filter(n -> n.startsWith(root + "print/"))).hasSize(8);

    for (Map.Entry<String, byte[]> entry : pack.entrySet()) {
      if (!entry.getKey().endsWith(".html")) {
        continue;
      }
      String html = text(entry.getValue());
      assertThat(html).as(entry.getKey()).doesNotContain("<script").doesNotContain("/theme/");
      Matcher link = LINK.matcher(html);
      while (link.find()) {
        String target = link.group(1);
        assertThat(target).as(entry.getKey()).doesNotStartWith("/").doesNotStartWith("//");
        if (target.startsWith("#")) {
          continue;
        }
        assertThat(target).as(entry.getKey()).doesNotStartWith("http");
        String resolved =
            URI.create("zip:/" + entry.getKey()).resolve(target).getPath().substring(1);
        assertThat(pack).as(entry.getKey() + " → " + target).containsKey(resolved);
      }
    }
    String index = text(pack.get(root + "index.html"));
    assertThat(index).contains("<html lang=\"en\"").contains("revision");
    String firstLesson = text(pack.get(lessons.get(0)));
    assertThat(firstLesson).contains("class=\"referral\"").contains("Lesson 1 of 8");
    String slips = text(pack.get(root + "take-home.html"));
    assertThat(slips).contains("class=\"slip\"");
  }

  @Test
  void theSamePublishedRevisionsGiveTheSameBytesAtBothAddresses() throws IOException {
    HttpResponse<byte[]> first = client().getBytes(EIGHT_LESSONS + "/pack.zip");
    HttpResponse<byte[]> api = client().getBytes("/api/v1" + EIGHT_LESSONS + "/pack");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).isEqualTo(first.body());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(api.headers().firstValue("ETag")).contains(etag);
    assertThat(first.headers().firstValue("Repr-Digest").orElseThrow()).startsWith("sha-256=:");

    HttpResponse<byte[]> again =
        client().getBytes(EIGHT_LESSONS + "/pack.zip", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    HttpResponse<byte[]> rest =
        client().getBytes(EIGHT_LESSONS + "/pack.zip", "Range", "bytes=1000-");
    assertThat(rest.statusCode()).isEqualTo(206);
    assertThat(rest.body())
        .isEqualTo(java.util.Arrays.copyOfRange(first.body(), 1000, first.body().length));

    assertThat(client().getBytes("/courses/en/no-such-course/pack.zip").statusCode())
        .isEqualTo(404);
    HttpResponse<String> missing = client().get("/api/v1/courses/en/no-such-course/pack");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"status\":404");
  }

  @Test
  void aChineseCoursePackSpeaksChineseWhateverTheVisitorsLanguage() throws IOException {
    byte[] zip =
        client()
            .header("Accept-Language", "en")
            .getBytes("/courses/zh-CN/growing-up-together/pack.zip")
            .body();
    Map<String, byte[]> pack = unzip(zip);
    String index = text(pack.get("growing-up-together/index.html"));
    assertThat(index).contains("<html lang=\"zh-CN\"").contains("课程第").contains("课程安排");
    assertThat(text(pack.get("growing-up-together/README.txt"))).contains("index.html");
  }

  @Test
  void aNewRevisionMakesANewPackWithItsPicturesAndALessonNotYetPublishedIsLeftOut()
      throws Exception {
    long stamp = System.nanoTime();
    HttpResponse<String> uploaded =
        as("author").upload("/api/v1/media", "file", "水稻 map.png", png());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode media = JSON.readTree(uploaded.body());
    String lessonSlug = "pack-rice-" + stamp;
    long lessonId =
        publish(
            "lessons", lesson(lessonSlug, media.get("id").asString(), media.get("url").asString()));
    String draftSlug = "pack-draft-" + stamp;
    long laterArchived =
        publish(
            "lessons", lesson(draftSlug, media.get("id").asString(), media.get("url").asString()));
    String courseSlug = "pack-course-" + stamp;
    String course =
        """
        {"lang":"en","slug":"%s","title":"Pack course","summary":"Two lessons.","markdown":"Weekly.",
         "grades":[3],"units":[{"title":"One","week":1,"lessons":["%s","%s"]}]}
        """
            .formatted(courseSlug, lessonSlug, draftSlug);
    publish("courses", course);
    step("lessons", laterArchived, "reviewer", "archive");

    byte[] first = client().getBytes("/courses/en/" + courseSlug + "/pack.zip").body();
    Map<String, byte[]> pack = unzip(first);
    String root = courseSlug + "/";
    List<String> pictures =
        pack.keySet().stream().filter(n -> n.startsWith(root + "media/")).toList();
    assertThat(pictures).hasSize(1);
    assertThat(pictures.get(0)).endsWith("-map.png");
    String lessonPage = text(pack.get(root + "lessons/01-" + lessonSlug + ".html"));
    assertThat(lessonPage).contains("src=\"../media/").contains("href=\"../media/");
    assertThat(pack.keySet().stream().filter(n -> n.startsWith(root + "lessons/"))).hasSize(1);
    assertThat(text(pack.get(root + "index.html")))
        .contains("(not published yet, so not in this pack)");

    ObjectNode edit =
        (ObjectNode)
            JSON.readTree(
                lesson(lessonSlug, media.get("id").asString(), media.get("url").asString()));
    edit.put("title", "Rice fields, second try");
    edit.put("baseRevision", 1);
    assertThat(
            as("author")
                .putJson("/api/v1/authoring/lessons/" + lessonId, edit.toString())
                .statusCode())
        .isEqualTo(200);
    step("lessons", lessonId, "author", "submit");
    step("lessons", lessonId, "reviewer", "publish");
    byte[] second = client().getBytes("/courses/en/" + courseSlug + "/pack.zip").body();
    assertThat(second).isNotEqualTo(first);
    assertThat(text(unzip(second).get(root + "lessons/01-" + lessonSlug + ".html")))
        .contains("Rice fields, second try");

    Path folder = Files.createTempDirectory("banyan-pack");
    for (Map.Entry<String, byte[]> entry : unzip(second).entrySet()) {
      Path file = folder.resolve(entry.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, entry.getValue());
    }
    chrome.get(folder.resolve(root + "index.html").toUri().toString());
    assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Pack course");
    chrome.findElement(By.linkText("Rice fields, second try")).click();
    assertThat(chrome.getCurrentUrl()).startsWith("file:").endsWith(".html");
    Object width =
        chrome.executeScript("return document.querySelector('.lesson-body img').naturalWidth;");
    assertThat(((Number) width).intValue()).isEqualTo(64);
    String color =
        (String)
            chrome.executeScript(
                "return getComputedStyle(document.querySelector('.pack-head')).backgroundColor;");
    assertThat(color).isNotEqualTo("rgba(0, 0, 0, 0)");
  }

  @Test
  void theWholeCoursePrintsInOrderWithPageBreaksAndSlips() {
    String page = client().header("Accept-Language", "en").get(EIGHT_LESSONS + "/print").body();
    List<Integer> positions = new ArrayList<>();
    Matcher lesson = Pattern.compile("Lesson (\\d) of 8").matcher(page);
    while (lesson.find()) {
      positions.add(Integer.parseInt(lesson.group(1)));
    }
    assertThat(positions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(page.split("class=\"print-page print-lesson\"", -1)).hasSize(9);
    assertThat(page).contains("class=\"print-page slip\"").contains("class=\"referral\"");
    String coursePage = client().header("Accept-Language", "en").get(EIGHT_LESSONS).body();
    assertThat(coursePage)
        .contains("href=\"" + EIGHT_LESSONS + "/print\"")
        .contains("href=\"" + EIGHT_LESSONS + "/pack.zip\"");
  }

  private String lesson(String slug, String mediaId, String mediaUrl) {
    ObjectNode lesson = JSON.createObjectNode();
    lesson.put("slug", slug);
    lesson.put("lang", "en");
    lesson.put("title", "Rice fields");
    lesson.put("summary", "Children draw the fields around the village.");
    lesson.putArray("competencies").add("self-awareness");
    lesson.putArray("topics").add("friendship");
    lesson.putArray("grades").add(3);
    lesson.put("durationMinutes", 30);
    lesson.put("setting", "whole-class");
    lesson.putArray("materials").add("paper");
    lesson.putArray("objectives").add("Children can name three places they like.");
    lesson.put(
        "markdown",
        "## Teacher background\n\nLook at the map.\n\n![map]("
            + mediaUrl
            + ")\n\n"
            + "See also [the site](/search) and [Little volcano](/lessons/en/little-volcano).\n\n"
            + "## Safeguarding\n\nRefer.\n\n## Take-home note\n\nAsk your family about the fields.\n");
    lesson.putArray("attachments").addObject().put("mediaId", mediaId).put("name", "map");
    return lesson.toString();
  }

  private long publish(String kind, String body) {
    HttpResponse<String> created = as("author").postJson("/api/v1/authoring/" + kind, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    step(kind, id, "author", "submit");
    step(kind, id, "reviewer", "publish");
    return id;
  }

  private void step(String kind, long id, String user, String step) {
    HttpResponse<String> response =
        as(user).postJson("/api/v1/authoring/" + kind + "/" + id + "/" + step, "{}");
    assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 48; y++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
