package org.banyan.web;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Banyan where it listens, where its data lives and how to sign in. */
@Component
class ReadyBanner {

  private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

  @EventListener(ApplicationReadyEvent.class)
  void ready(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    Path dataDir =
        Path.of(env.getProperty("banyan.data-dir", "./data")).toAbsolutePath().normalize();
    String url = env.getProperty("spring.datasource.url", "");
    String database =
        url.startsWith("jdbc:h2:")
            ? "embedded H2 database in " + dataDir.resolve("db")
            : "PostgreSQL at " + url.replaceAll("password=[^&;]*", "password=***");
    log.info(
        "\n\n    Banyan is ready at http://localhost:{}/\n"
            + "    Data folder: {} ({})\n"
            + "    Sign in as 'admin' with BANYAN_ADMIN_PASSWORD, or the password printed at the"
            + " first start.\n"
            + "    Demo accounts (author, reviewer, trainer, teacher, teacher2) use"
            + " BANYAN_DEMO_PASSWORD, or the password printed when they were made.\n",
        port,
        dataDir,
        database);
  }
}
