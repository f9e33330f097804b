package org.banyan.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Maps expected failures, once, to the API's error shape under {@code /api} and to a themed error
 * page everywhere else. Anything unexpected falls through to {@link ErrorPages}, which never shows
 * a stack trace.
 */
@ControllerAdvice
class ErrorHandling {

  /** The API answers in English; pages answer in the reader's language. */
  static final Locale API_LOCALE = Locale.ENGLISH;

  private final MessageSource messages;

  ErrorHandling(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(InvalidInput.class)
  Object invalid(InvalidInput e, HttpServletRequest request) {
    List<FieldProblem> fields =
        e.violations().stream()
            .map(
                v ->
                    new FieldProblem(
                        v.field(),
                        messages.getMessage(v.code(), v.args().toArray(), v.code(), API_LOCALE)))
            .toList();
    Object answer = invalid(request, fields);
    if (answer instanceof ModelAndView page) {
      // A page names each refused field too, in the reader's language.
      page.addObject("violations", e.violations());
    }
    return answer;
  }

  @ExceptionHandler(ProblemException.class)
  Object problem(ProblemException e, HttpServletRequest request) {
    return answer(request, e.status(), e.getMessage(), null);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<FieldProblem> fields =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
            .toList();
    return invalid(request, fields);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyTooLarge) {
        return answer(request, HttpStatus.CONTENT_TOO_LARGE, JsonBodyLimit.MESSAGE, null);
      }
    }
    if (e.getCause() instanceof JacksonException json && !JsonPaths.fieldOf(json).isEmpty()) {
      return invalid(
          request,
          List.of(new FieldProblem(JsonPaths.fieldOf(json), "has a value of the wrong type")));
    }
    return answer(
        request, HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON", null);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    return invalid(request, List.of(new FieldProblem(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return invalid(request, List.of(new FieldProblem(e.getName(), "has an invalid value")));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return answer(request, HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), null);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object mediaType(HttpServletRequest request) {
    return answer(
        request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This content type is not accepted here", null);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  Object notAcceptable(HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_ACCEPTABLE, "No acceptable representation", null);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(HttpServletRequest request) {
    return answer(request, HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than allowed", null);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object noResource(HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_FOUND, "Not found", null);
  }

  private static Object invalid(HttpServletRequest request, List<FieldProblem> fields) {
    String message =
        fields.stream()
            .map(f -> f.field() + ": " + f.reason())
            .collect(Collectors.joining("; ", "Invalid input: ", ""));
    return answer(request, HttpStatus.BAD_REQUEST, message, fields);
  }

  static boolean isApi(String path) {
    return path != null && (path.equals("/api") || path.startsWith("/api/"));
  }

  static ModelAndView page(HttpStatusCode status) {
    ModelAndView page = new ModelAndView("error/page");
    page.setStatus(status);
    page.addObject("status", status.value());
    return page;
  }

  private static Object answer(
      HttpServletRequest request, HttpStatus status, String message, List<FieldProblem> fields) {
    if (isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
      return ResponseEntity.status(status)
          .body(new ApiError(status.value(), status.getReasonPhrase(), message, fields));
    }
    return page(status);
  }
}
