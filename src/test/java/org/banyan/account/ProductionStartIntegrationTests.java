package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A production start: PostgreSQL, BANYAN_ADMIN_PASSWORD set, BANYAN_DEMO_PASSWORD not set. */
@SpringBootTest
class ProductionStartIntegrationTests {

  @Autowired JdbcClient db;
  @Autowired Accounts accounts;
  @Autowired AccountBootstrap bootstrap;

  @DynamicPropertySource
  static void production(DynamicPropertyRegistry registry) throws Exception {
    TestDatabase.useFreshDatabase(registry, "Production-admin-pass-7");
    org.banyan.PostgresTestBase.POOL.forEach(registry::add);
    registry.add("banyan.demo-password", () -> "");
  }

  @Test
  void createsOnlyTheAdminAndNoDemoAccounts() {
    assertThat(db.sql("SELECT username FROM users").query(String.class).list())
        .containsExactly("admin");
    assertThat(accounts.get("admin").roles()).containsExactly(Role.ADMIN);
  }

  @Test
  void aSecondStartChangesNothing() {
    bootstrap.run(null);
    assertThat(db.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(1);
    assertThat(
            db.sql("SELECT count(*) FROM audit_events WHERE action = 'USER_CREATED'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
