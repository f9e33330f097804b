package org.banyan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.banyan.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls of the search API that the search tests share. */
final class SearchCalls {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private SearchCalls() {}

  /** The results of {@code GET /api/v1/search?query}, which must answer 200. */
  static JsonNode search(WebClient client, String query) {
    HttpResponse<String> response = client.get("/api/v1/search?" + query);
    assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** {@code text} as the {@code q} parameter. */
  static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The hits as {@code slug.lang}, in order. */
  static List<String> versions(JsonNode results) {
    return results.get("hits").values().stream()
        .map(h -> h.get("slug").asString() + "." + h.get("lang").asString())
        .toList();
  }
}
