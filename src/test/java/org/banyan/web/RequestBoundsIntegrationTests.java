package org.banyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;

/**
 * Every input is bounded: a multipart body where no upload belongs is refused before a byte of it
 * is read (so nothing reaches the disk), and an API body over 1 MB gets 413 before it is parsed.
 */
class RequestBoundsIntegrationTests extends PostgresTestBase {

  /**
   * Sends the head of a request that claims a 2 GB multipart body, and a few bytes of it, then
   * waits for the answer without sending more. A server that reads the body first never answers.
   */
  private String statusOfHugeMultipart(String path, String... headers) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder head =
          new StringBuilder()
              .append("POST ")
              .append(path)
              .append(" HTTP/1.1\r\nHost: localhost:")
              .append(port)
              .append("\r\nContent-Type: multipart/form-data; boundary=xyz\r\n")
              .append("Content-Length: 2000000000\r\n");
      for (String header : headers) {
        head.append(header).append("\r\n");
      }
      head.append(
          "\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[64 * 1024]);
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int b;
      try {
        while ((b = in.read()) >= 0 && b != '\n') {
          line.append((char) b);
        }
      } catch (java.net.SocketTimeoutException noAnswer) {
        return "no answer";
      }
      return line.toString().strip();
    }
  }

  @Test
  void aMultipartBodyWhereNoUploadBelongsIsRefusedBeforeItIsRead() throws IOException {
    assertThat(statusOfHugeMultipart("/search")).startsWith("HTTP/1.1 415");
    assertThat(statusOfHugeMultipart("/login")).startsWith("HTTP/1.1 415");
    assertThat(statusOfHugeMultipart("/api/v1/authoring/lessons")).startsWith("HTTP/1.1 415");
  }

  @Test
  void anAnonymousUploadToAnUploadPageIsRefusedBeforeItIsRead() throws IOException {
    assertThat(statusOfHugeMultipart("/authoring/lessons/1/attachments"))
        .startsWith("HTTP/1.1 302");
    assertThat(statusOfHugeMultipart("/admin/content/import")).startsWith("HTTP/1.1 302");
  }

  @Test
  void anUploadLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
    String author =
        "Authorization: Basic "
            + Base64.getEncoder()
                .encodeToString(("author:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(statusOfHugeMultipart("/api/v1/media", author)).startsWith("HTTP/1.1 413");
    assertThat(statusOfHugeMultipart("/api/v1/media")).startsWith("HTTP/1.1 413");
  }

  @Test
  void anApiBodyOverOneMegabyteGets413BeforeItIsParsed() {
    String big = "{\"slug\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    HttpResponse<String> stated = as("author").postJson("/api/v1/authoring/lessons", big);

    assertThat(stated.statusCode()).isEqualTo(413);
    assertThat(stated.body()).contains("\"status\":413").contains("1 MB");
  }

  @Test
  void aChunkedApiBodyIsCountedAsItIsRead() throws Exception {
    byte[] big = ("{\"slug\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}").getBytes();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/authoring/lessons"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("author:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();

    HttpResponse<String> chunked =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("1 MB");
  }
}
