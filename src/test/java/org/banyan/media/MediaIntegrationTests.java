package org.banyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    WebClient anyone = client();

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
    HttpResponse<byte[]> download = client().getBytes(url);
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
  void healthShowsTheBlobStoreToAnAdmin() {
    String health = browserAs("admin").get("/actuator/health").body();
    assertThat(health).contains("blobStore").contains("filesystem");
  }
}
