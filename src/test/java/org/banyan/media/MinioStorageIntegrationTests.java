package org.banyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.banyan.S3TestServer;
import org.banyan.TestDatabase;
import org.banyan.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Banyan with {@code BANYAN_STORAGE_TYPE=minio} against a real S3 server over HTTP: uploads go to
 * the bucket; while the server is down uploads answer 503, health says so and pages still render;
 * once it is back, uploads work again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MinioStorageIntegrationTests {

  static S3TestServer server = S3TestServer.start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) throws Exception {
    TestDatabase.useFreshDatabase(registry, "Minio-admin-pass-77");
    org.banyan.PostgresTestBase.POOL.forEach(registry::add);
    registry.add("banyan.demo-password", () -> "Minio-demo-pass-77");
    registry.add("banyan.storage.type", () -> "minio");
    registry.add("banyan.storage.minio.endpoint", server::endpoint);
    registry.add("banyan.storage.minio.access-key", () -> S3TestServer.ACCESS_KEY);
    registry.add("banyan.storage.minio.secret-key", () -> S3TestServer.SECRET_KEY);
    registry.add("banyan.storage.minio.bucket", () -> "banyan-media");
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  private static final byte[] PDF = "%PDF-1.4\nworksheet\n%%EOF\n".getBytes();

  private WebClient author() {
    return new WebClient("http://localhost:" + port).basic("author", "Minio-demo-pass-77");
  }

  @Test
  void survivesTheStoreGoingDownAndComingBack() {
    HttpResponse<String> stored = author().upload("/api/v1/media", "file", "sheet.pdf", PDF);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    String url = stored.body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
    WebClient uploader = new WebClient("http://localhost:" + port);
    uploader.signIn("author", "Minio-demo-pass-77");
    assertThat(uploader.getBytes(url).body()).isEqualTo(PDF);

    int s3Port = server.port();
    server.stop();
    HttpResponse<String> refused = author().upload("/api/v1/media", "file", "sheet2.pdf", PDF);
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("not reachable");
    WebClient anyone = new WebClient("http://localhost:" + port);
    assertThat(anyone.get("/actuator/health").statusCode()).isEqualTo(503);
    assertThat(anyone.get("/lessons/en/naming-feelings").statusCode()).isEqualTo(200);

    server = S3TestServer.start(s3Port);
    HttpResponse<String> again = author().upload("/api/v1/media", "file", "sheet3.pdf", PDF);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(anyone.get("/actuator/health").statusCode()).isEqualTo(200);
  }
}
