package org.banyan.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts a deployment starts with: {@code admin} on an empty database, and the demo accounts
 * when {@code BANYAN_DEMO_PASSWORD} is set or Banyan runs on its embedded database.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

  static final String SYSTEM = "system";
  static final String DEMO_SCHOOL = "榕树村小学";
  private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

  private record Demo(String username, String displayName, Set<Role> roles, boolean inSchool) {}

  private static final List<Demo> DEMOS =
      List.of(
          new Demo("author", "Demo author 示范作者", EnumSet.of(Role.AUTHOR), false),
          new Demo("reviewer", "Demo reviewer 示范审核", EnumSet.of(Role.REVIEWER), false),
          new Demo("trainer", "Demo trainer 示范培训师", EnumSet.of(Role.TRAINER), true),
          new Demo("teacher", "Demo teacher 示范教师", EnumSet.of(Role.TEACHER), true),
          new Demo("teacher2", "Demo teacher 2 示范教师二", EnumSet.of(Role.TEACHER), true));

  private final Accounts accounts;
  private final Schools schools;
  private final PasswordPolicy policy;
  private final AccountSettings settings;
  private final JdbcClient db;
  private final boolean embedded;

  AccountBootstrap(
      Accounts accounts,
      Schools schools,
      PasswordPolicy policy,
      AccountSettings settings,
      JdbcClient db,
      Environment environment) {
    this.accounts = accounts;
    this.schools = schools;
    this.policy = policy;
    this.settings = settings;
    this.db = db;
    this.embedded = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (accounts.count() == 0) {
      createAdmin();
    }
    if (has(settings.demoPassword()) || embedded) {
      ensureDemoAccounts();
    }
  }

  private void createAdmin() {
    String password = settings.adminPassword();
    if (has(password)) {
      warnIfWeak("BANYAN_ADMIN_PASSWORD", "admin", password);
      accounts.createUnchecked(
          SYSTEM, "admin", "Administrator", password, EnumSet.of(Role.ADMIN), null);
      log.info("Created the 'admin' account with the password from BANYAN_ADMIN_PASSWORD.");
    } else {
      password = TemporaryPasswords.next();
      accounts.createUnchecked(
          SYSTEM, "admin", "Administrator", password, EnumSet.of(Role.ADMIN), null);
      log.warn(
          "\n\n    Created the 'admin' account. Its password, shown only this once: {}\n"
              + "    Set BANYAN_ADMIN_PASSWORD before the first start to choose it instead.\n",
          password);
    }
  }

  private void ensureDemoAccounts() {
    String given = settings.demoPassword();
    if (has(given)) {
      warnIfWeak("BANYAN_DEMO_PASSWORD", "teacher", given);
    }
    String password = has(given) ? given : null;
    Long school = null;
    boolean created = false;
    for (Demo demo : DEMOS) {
      if (accounts.find(demo.username()).isPresent()) {
        if (has(given)) {
          accounts.setPasswordUnchecked(SYSTEM, demo.username(), given);
        }
        continue;
      }
      if (password == null) {
        password = TemporaryPasswords.next();
      }
      if (demo.inSchool() && school == null) {
        school = demoSchool();
      }
      accounts.createUnchecked(
          SYSTEM,
          demo.username(),
          demo.displayName(),
          password,
          demo.roles(),
          demo.inSchool() ? school : null);
      created = true;
    }
    if (created && !has(given)) {
      log.warn(
          "\n\n    Created the demo accounts author, reviewer, trainer, teacher and teacher2.\n"
              + "    Their password, shown only this once: {}\n"
              + "    Set BANYAN_DEMO_PASSWORD to choose it instead.\n",
          password);
    } else if (created) {
      log.info("Created the demo accounts with the password from BANYAN_DEMO_PASSWORD.");
    }
  }

  private Long demoSchool() {
    return db.sql("SELECT id FROM schools WHERE name = :name")
        .param("name", DEMO_SCHOOL)
        .query(Long.class)
        .optional()
        .orElseGet(() -> schools.create(SYSTEM, DEMO_SCHOOL, "示范县", "福建省").id());
  }

  private void warnIfWeak(String variable, String username, String password) {
    policy
        .refusal(username, password)
        .ifPresent(
            reason ->
                log.warn(
                    "{} does not meet the password policy ({}); it is used because the"
                        + " deployment chose it.",
                    variable,
                    reason));
  }

  private static boolean has(String value) {
    return value != null && !value.isBlank();
  }
}
