package org.banyan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every API request body that is not an upload to {@value #LIMIT} bytes (a whole lesson is a
 * few tens of KB). A body that says it is larger is refused with 413 before a byte of it is read;
 * one sent without a length is counted as it is read and refused when it passes the limit.
 */
class JsonBodyLimit extends OncePerRequestFilter {

  static final long LIMIT = 1024 * 1024;
  static final String MESSAGE =
      "The request body is larger than 1 MB, the limit of the API (a whole lesson is a few tens of"
          + " KB)";

  private final JsonErrors errors;

  JsonBodyLimit(JsonErrors errors) {
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || (type != null && type.regionMatches(true, 0, "multipart/", 0, 10));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > LIMIT) {
      errors.write(response, HttpStatus.CONTENT_TOO_LARGE, MESSAGE);
      return;
    }
    chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Counted(request), response);
  }

  /** A body of unknown length, refused as soon as more than the limit has been read. */
  private static final class Counted extends HttpServletRequestWrapper {

    private ServletInputStream counted;

    Counted(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new CountingStream(super.getInputStream());
      }
      return counted;
    }
  }

  private static final class CountingStream extends ServletInputStream {

    private final ServletInputStream in;
    private long read;

    CountingStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws RequestBodyTooLarge {
      read += n;
      if (read > LIMIT) {
        throw new RequestBodyTooLarge(LIMIT);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
