package org.banyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MediaIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static byte[] mp3(int size) {
    byte[] data = new byte[size];
    data[0] = 'I';
    data[1] = 'D';
    data[2] = '3';
    for (int i = 3; i < size; i++) {
      data[i] = (byte) (i % 251);
    }
    return data;
  }

  private JsonNode upload(String name, byte[] bytes) {
    HttpResponse<String> response = as("author").upload("/api/v1/media", "file", name, bytes);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  @Test
  void takesTheTypeFromTheBytesAndCleansTheName() {
    JsonNode stored = upload("../../My Song!.txt", mp3(4000));
    assertThat(stored.get("contentType").asString()).isEqualTo("audio/mpeg");
    assertThat(stored.get("size").asLong()).isEqualTo(4000);
    assertThat(stored.get("sha256").asString()).hasSize(64);
    assertThat(stored.get("url").asString()).startsWith("/media/").endsWith("/My-Song.mp3");
    assertThat(stored.get("id").asString()).isNotBlank();
  }

  @Test
  void refusesAnythingElseWith415WhateverItsName() {
    byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> refused =
        as("author").upload("/api/v1/media", "file", "innocent.png", page);
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body()).contains("\"status\":415");
  }

  @Test
  void refusesFilesOverTheLimitWith413() {
    HttpResponse<String> refused =
        as("author").upload("/api/v1/media", "file", "long.mp3", mp3(3 * 1024 * 1024));
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("\"status\":413");
  }

  @Test
  void oneFileUploadedTwiceIsStoredOnce() {
    byte[] data = mp3(5000);
    JsonNode first = upload("a.mp3", data);
    JsonNode second = upload("b.mp3", data);
    assertThat(second.get("sha256").asString()).isEqualTo(first.get("sha256").asString());
    assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
  }

  @Test
  void downloadsAnswerRangeRequestsWithTheRightHeaders() {
    byte[] data = mp3(10_000);
    String url = upload("song.mp3", data).get("url").asString();
    WebClient anyone = browserAs("author");

    HttpResponse<byte[]> whole = anyone.getBytes(url);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(data);
    assertThat(whole.headers().firstValue("Content-Type")).contains("audio/mpeg");
    assertThat(whole.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");

    HttpResponse<byte[]> part = anyone.getBytes(url, "Range", "bytes=100-199");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/10000");
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(data, 100, 200));

    HttpResponse<byte[]> tail = anyone.getBytes(url, "Range", "bytes=-10");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(data, 9990, 10_000));

    HttpResponse<byte[]> beyond = anyone.getBytes(url, "Range", "bytes=20000-");
    assertThat(beyond.statusCode()).isEqualTo(416);
  }

  @Test
  void svgIsOnlyEverSentAsAnAttachmentInASandbox() {
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    String url = upload("drawing.svg", svg).get("url").asString();
    HttpResponse<byte[]> download = browserAs("author").getBytes(url);
    assertThat(download.headers().firstValue("Content-Type")).contains("image/svg+xml");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
    assertThat(download.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(value -> assertThat(value).contains("sandbox"));
  }

  @Test
  void anUnknownFileIs404() {
    assertThat(client().get("/media/00000000-0000-0000-0000-000000000000/x.png").statusCode())
        .isEqualTo(404);
    assertThat(client().get("/media/not-an-id").statusCode()).isEqualTo(404);
  }

  @Test
  void aFileNoPublishedItemUsesIsFoundOnlyByItsUploaderAuthorsReviewersAndAdmins() {
    JsonNode stored = upload("draft-sheet.mp3", mp3(3000));
    String url = stored.get("url").asString();
    String etag = "\"" + stored.get("sha256").asString() + "\"";
    assertThat(client().getBytes(url).statusCode()).isEqualTo(404);
    assertThat(client().getBytes(url, "If-None-Match", etag).statusCode()).isEqualTo(404);
    assertThat(browserAs("author").getBytes(url, "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    assertThat(browserAs("teacher").getBytes(url).statusCode()).isEqualTo(404);
    assertThat(browserAs("trainer").getBytes(url).statusCode()).isEqualTo(404);
    for (String insider : List.of("author", "reviewer", "admin")) {
      HttpResponse<byte[]> seen = browserAs(insider).getBytes(url);
      assertThat(seen.statusCode()).as(insider).isEqualTo(200);
      assertThat(seen.headers().firstValue("Cache-Control"))
          .as(insider)
          .hasValueSatisfying(value -> assertThat(value).startsWith("private"));
    }
  }

  @Test
  void aFileIsPublicExactlyWhileThePublishedRevisionOfALiveLessonUsesIt() {
    String sheet = upload("sheet.mp3", mp3(3100)).get("url").asString();
    JsonNode picture = upload("faces.svg", svg("faces"));
    String later = upload("later.svg", svg("later")).get("url").asString();
    String sheetId = sheet.split("/")[2];
    String slug = "media-use-" + System.nanoTime();
    String body = lesson(slug, sheetId, "![faces](" + picture.get("url").asString() + ")", null);
    HttpResponse<String> created = as("author").postJson("/api/v1/authoring/lessons", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    step("author", id, "submit");
    assertThat(client().getBytes(sheet).statusCode()).as("in review").isEqualTo(404);

    step("reviewer", id, "publish");
    for (String url : List.of(sheet, picture.get("url").asString())) {
      HttpResponse<byte[]> open = client().getBytes(url);
      assertThat(open.statusCode()).as(url).isEqualTo(200);
      assertThat(open.headers().firstValue("Cache-Control"))
          .contains("public, max-age=31536000, immutable");
    }

    String draft = lesson(slug, sheetId, "![later](" + later + ")", 1);
    HttpResponse<String> edited = as("author").putJson("/api/v1/authoring/lessons/" + id, draft);
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(client().getBytes(later).statusCode()).as("only in a draft").isEqualTo(404);
    assertThat(client().getBytes(sheet).statusCode()).isEqualTo(200);

    step("reviewer", id, "archive");
    assertThat(client().getBytes(sheet).statusCode()).as("archived").isEqualTo(404);
    assertThat(browserAs("author").getBytes(sheet).statusCode()).isEqualTo(200);
  }

  private void step(String user, long id, String step) {
    HttpResponse<String> response =
        as(user).postJson("/api/v1/authoring/lessons/" + id + "/" + step, "{}");
    assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
  }

  private static byte[] svg(String id) {
    return ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\"></svg>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A lesson with one attachment and {@code extra} Markdown; {@code base} for an edit. */
  private static String lesson(String slug, String attachmentId, String extra, Integer base) {
    tools.jackson.databind.node.ObjectNode lesson = JSON.createObjectNode();
    lesson.put("slug", slug);
    lesson.put("lang", "en");
    lesson.put("title", "Listening to the rain " + slug);
    lesson.put("summary", "Children listen to a recording and name what they hear.");
    lesson.putArray("competencies").add("self-awareness");
    lesson.putArray("topics").add("friendship");
    lesson.putArray("grades").add(3);
    lesson.put("durationMinutes", 30);
    lesson.put("setting", "whole-class");
    lesson.putArray("materials").add("none");
    lesson.putArray("objectives").add("Children can name three sounds.");
    lesson.put(
        "markdown",
        "## Teacher background\n\nQuiet helps.\n\n" + extra + "\n\n## Safeguarding\n\nRefer.\n");
    lesson.putArray("attachments").addObject().put("mediaId", attachmentId).put("name", "sheet");
    if (base != null) {
      lesson.put("baseRevision", base);
    }
    return lesson.toString();
  }

  @Test
  void healthShowsTheBlobStoreToAnAdmin() {
    String health = browserAs("admin").get("/actuator/health").body();
    assertThat(health).contains("blobStore").contains("filesystem");
  }
}
