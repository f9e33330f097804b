package org.banyan;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(sharedModules = "problem")
public class BanyanApplication {

  /** The one clock every feature reads the time from, so tests can move it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(BanyanApplication.class, args);
  }
}
