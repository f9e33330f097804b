package org.banyan.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

  @Bean
  OpenAPI banyanApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Banyan API")
                .version("v1")
                .description(
                    "Lesson plans, courses and teacher training for rural schools. Authenticate"
                        + " with HTTP Basic; errors are {\"status\",\"error\",\"message\"}.")
                .license(new License().name("Open source")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
