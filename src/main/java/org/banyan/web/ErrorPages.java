package org.banyan.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends every error: a themed page, or the API's JSON error shape for
 * requests under {@code /api}. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

  @RequestMapping("/error")
  Object error(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    if (!ErrorHandling.isApi(originalPath(request))) {
      return ErrorHandling.page(status);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(JsonErrors.body(status, messageFor(status)));
  }

  private static String messageFor(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Not found";
      case UNAUTHORIZED -> "Authentication is required";
      case FORBIDDEN -> "You are not allowed to do this";
      case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; it has been logged";
      default -> status.getReasonPhrase();
    };
  }

  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String originalPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "" : uri.toString();
    return path.substring(Math.min(path.length(), request.getContextPath().length()));
  }
}
