package org.banyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description lists every API endpoint the application really serves. */
class ApiDocsIntegrationTests extends PostgresTestBase {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void describesEveryApiEndpoint() {
    HttpResponse<String> response = client().get("/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = JsonMapper.builder().build().readTree(response.body()).get("paths");

    List<String> served = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                  String documented = pattern.replaceAll("\\{([a-zA-Z]+):[^}]+}", "{$1}");
                  info.getMethodsCondition()
                      .getMethods()
                      .forEach(
                          m -> served.add(m.name().toLowerCase(Locale.ROOT) + " " + documented));
                }
              }
            });
    assertThat(served).contains("get /api/v1/me", "post /api/v1/users");
    for (String endpoint : served) {
      String[] parts = endpoint.split(" ");
      assertThat(paths.has(parts[1])).as(endpoint).isTrue();
      assertThat(paths.get(parts[1]).has(parts[0])).as(endpoint).isTrue();
    }
  }

  @Test
  void offersABrowsableApiPage() {
    HttpResponse<String> page = client().get("/swagger-ui/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger");
  }
}
