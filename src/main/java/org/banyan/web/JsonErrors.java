package org.banyan.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API's error shape straight to a response, for code that runs before controllers. */
@Component
public class JsonErrors {

  private final JsonMapper json;

  JsonErrors(JsonMapper json) {
    this.json = json;
  }

  public static ApiError body(HttpStatus status, String message) {
    return new ApiError(status.value(), status.getReasonPhrase(), message, null);
  }

  public void write(HttpServletResponse response, HttpStatus status, String message)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), body(status, message));
  }
}
