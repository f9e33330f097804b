package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.banyan.search.IndexFollower;
import org.banyan.search.IndexStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Banyan nodes on one database, as behind a load balancer: a user signed in on one is signed in
 * on the other, and stays signed in when the node they signed in on stops.
 */
class SeveralNodesIntegrationTests extends PostgresTestBase {

  @Autowired JdbcClient db;

  /** A second node: the same application and database, its own port and data folder. */
  private static ConfigurableApplicationContext secondNode() throws Exception {
    return new SpringApplicationBuilder(BanyanApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + TestDatabase.url(),
            "--spring.datasource.username=" + TestDatabase.user(),
            "--spring.datasource.password=" + TestDatabase.password(),
            "--banyan.data-dir=" + Files.createTempDirectory("banyan-node-b"),
            "--banyan.admin-password=" + ADMIN_PASSWORD,
            "--banyan.demo-password=" + DEMO_PASSWORD);
  }

  private static WebClient on(ConfigurableApplicationContext node, String session) {
    return new WebClient(
            "http://localhost:" + node.getEnvironment().getProperty("local.server.port"))
        .header("Cookie", "JSESSIONID=" + session);
  }

  @Test
  void aUserSignedInOnOneNodeKeepsWorkingOnAnotherAndWhenTheFirstStops() throws Exception {
    try (ConfigurableApplicationContext nodeB = secondNode()) {
      WebClient onA = browserAs("teacher");
      String session = onA.cookie("JSESSIONID");
      assertThat(session).isNotNull();

      HttpResponse<String> onB = on(nodeB, session).get("/classes");
      assertThat(onB.statusCode()).isEqualTo(200);
      assertThat(onB.body()).contains("data-user=\"teacher\"");

      WebClient signedInOnB =
          new WebClient(
              "http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port"));
      signedInOnB.signIn("trainer", DEMO_PASSWORD);
      String trainerSession = signedInOnB.cookie("JSESSIONID");
      nodeB.close();

      HttpResponse<String> backOnA =
          client().header("Cookie", "JSESSIONID=" + trainerSession).get("/trainer");
      assertThat(backOnA.statusCode()).isEqualTo(200);
      assertThat(backOnA.body()).contains("data-user=\"trainer\"");
    }
  }

  @Test
  void aNodeStartsOnADatabaseWithContentAndAnEmptyChangeJournal() throws Exception {
    // As after the upgrade that adds the journal: the catalog is there, no entry yet.
    db.sql("DELETE FROM content_changes").update();
    try (ConfigurableApplicationContext nodeB = secondNode()) {
      IndexStatus index = nodeB.getBean(IndexFollower.class).status();
      assertThat(index.state()).isEqualTo(IndexStatus.State.FOLLOWING);
      assertThat(index.items()).isPositive();
    }
  }
}
