package org.banyan.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.banyan.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MinIO SDK store against a real S3 server over HTTP. */
class MinioBlobStoreIntegrationTests extends BlobStoreContract {

  static S3TestServer server;
  static MinioBlobStore store;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start();
    Path incoming = Files.createTempDirectory("banyan-minio-incoming");
    store =
        new MinioBlobStore(
            server.endpoint(),
            S3TestServer.ACCESS_KEY,
            S3TestServer.SECRET_KEY,
            "contract",
            incoming);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Test
  void presignedUrlsFetchTheBlobWithoutCredentials() throws Exception {
    byte[] data = "a worksheet for grade 3".getBytes(StandardCharsets.UTF_8);
    String key = store.put(new ByteArrayInputStream(data), "application/pdf");
    URI url = store.presignedGet(key, Duration.ofMinutes(5)).orElseThrow();
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(data);
  }

  @Test
  void refusesUnsignedRequests() throws Exception {
    String key = store.put(new ByteArrayInputStream(new byte[] {9, 9, 9}), "image/png");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/contract/" + key)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void answersUnavailableWhenTheServerCannotBeReached() {
    MinioBlobStore nowhere =
        new MinioBlobStore("http://127.0.0.1:9", "a", "b", "nowhere", Path.of("target/incoming"));
    assertThat(nowhere.available()).isFalse();
    assertThatThrownBy(() -> nowhere.put(new ByteArrayInputStream(new byte[] {1}), "image/png"))
        .isInstanceOf(BlobStoreUnavailable.class);
  }
}
