package org.banyan.training;

import java.util.List;
import org.banyan.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

  /** Anyone may check a certificate's verification code. */
  @Bean
  PublicPaths certificatePublicPaths() {
    return new PublicPaths(List.of("/certificates/*"), List.of("/api/v1/certificates/*"));
  }
}
