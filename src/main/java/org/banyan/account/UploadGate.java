package org.banyan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.banyan.web.JsonErrors;
import org.banyan.web.UploadPaths;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides on a multipart request before anything reads its body, so that nothing is written to disk
 * for a request that will be refused. Only the paths features declare as {@link UploadPaths} take
 * one; a page upload needs a signed-in session (the API's credentials are checked before its body
 * is read); the body must state its length, and be no larger than the upload limit and a little
 * room for the form's other fields.
 */
class UploadGate extends OncePerRequestFilter {

  /** Room for the form fields that travel with the file. */
  private static final long FORM_ROOM = DataSize.ofMegabytes(1).toBytes();

  private final RequestMatcher uploads;
  private final long maxBody;
  private final JsonErrors errors;

  UploadGate(List<UploadPaths> paths, DataSize maxFileSize, JsonErrors errors) {
    List<RequestMatcher> matchers =
        paths.stream()
            .flatMap(p -> p.patterns().stream())
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p))
            .toList();
    this.uploads = matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    this.maxBody = maxFileSize.toBytes() + FORM_ROOM;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.regionMatches(true, 0, "multipart/", 0, 10);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    if (!uploads.matches(request)) {
      refuse(request, response, api, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "No upload is taken here");
    } else if (!api && !signedIn()) {
      refuse(request, response, api, HttpStatus.UNAUTHORIZED, "Sign in to upload");
    } else if (request.getContentLengthLong() < 0) {
      refuse(request, response, api, HttpStatus.LENGTH_REQUIRED, "An upload must state its length");
    } else if (request.getContentLengthLong() > maxBody) {
      refuse(
          request,
          response,
          api,
          HttpStatus.CONTENT_TOO_LARGE,
          "The upload is larger than allowed (" + DataSize.ofBytes(maxBody - FORM_ROOM) + ")");
    } else {
      chain.doFilter(request, response);
    }
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      boolean api,
      HttpStatus status,
      String message)
      throws IOException {
    response.setHeader("Connection", "close");
    if (api) {
      errors.write(response, status, message);
    } else if (status == HttpStatus.UNAUTHORIZED) {
      response.sendRedirect(request.getContextPath() + "/login");
    } else {
      // Written here, not through the error page: rendering a page reads request parameters, and
      // reading those would read (and spool) the very body being refused.
      response.setStatus(status.value());
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(status.value() + " " + message + "\n");
    }
  }

  private static boolean signedIn() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
  }
}
