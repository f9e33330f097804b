package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.banyan.course.LessonDelivered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events between features are durable: a lesson marked as taught is stored with the delivery's
 * transaction; a listener that fails leaves its publication failed, not lost, and it is run again
 * by the housekeeping job until it succeeds, while the delivery itself stands.
 */
@Import(EventRegistryIntegrationTests.Listeners.class)
@TestPropertySource(properties = "banyan.events.resubmit-interval=PT1S")
class EventRegistryIntegrationTests extends PostgresTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TestConfiguration
  static class Listeners {
    @Bean
    FailingOnce failingOnce() {
      return new FailingOnce();
    }
  }

  /** A listener of another feature that fails the first time it hears of a delivery. */
  static class FailingOnce {
    private final AtomicInteger calls = new AtomicInteger();

    /** How many times it was called (a method: the bean is a proxy, its fields are not read). */
    int calls() {
      return calls.get();
    }

    @TransactionalEventListener
    void taught(LessonDelivered delivery) {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("The first attempt fails, as a test");
      }
    }
  }

  @Autowired JdbcClient db;
  @Autowired FailingOnce failing;

  private String status(String listener) {
    return db.sql(
            "SELECT coalesce(status, CASE WHEN completion_date IS NULL THEN 'PUBLISHED'"
                + " ELSE 'COMPLETED' END) FROM event_publication"
                + " WHERE listener_id LIKE :listener ORDER BY publication_date DESC LIMIT 1")
        .param("listener", "%" + listener + "%")
        .query(String.class)
        .optional()
        .orElse("NONE");
  }

  @Test
  void aListenerThatFailsIsRunAgainAndTheDeliveryStands() throws Exception {
    WebClient teacher = as("teacher");
    HttpResponse<String> created =
        teacher.postJson(
            "/api/v1/classes",
            "{\"name\":\"Events class\",\"grade\":4,\"pupils\":20,"
                + "\"courseSlug\":\"far-from-home\",\"lang\":\"en\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long classId = JSON.readTree(created.body()).get("id").asLong();
    String lesson = "worry-box";

    HttpResponse<String> delivered =
        teacher.postJson(
            "/api/v1/classes/" + classId + "/deliveries",
            "{\"lessonSlug\":\""
                + lesson
                + "\",\"deliveredOn\":\""
                + LocalDate.now().minusDays(1)
                + "\",\"rating\":4}");
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(201);
    assertThat(failing.calls()).isEqualTo(1);
    assertThat(status("FailingOnce")).isEqualTo("FAILED");
    assertThat(status("PracticeListener")).isEqualTo("COMPLETED");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!status("FailingOnce").equals("COMPLETED") && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(status("FailingOnce")).isEqualTo("COMPLETED");
    assertThat(failing.calls()).isEqualTo(2);
    assertThat(
            db.sql("SELECT count(*) FROM deliveries WHERE class_id = :id")
                .param("id", classId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
