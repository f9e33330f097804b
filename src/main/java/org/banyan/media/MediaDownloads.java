package org.banyan.media;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Serves media files with their detected type, {@code nosniff}, caching as {@link MediaAccess}
 * allows (the URL never points at other bytes) and single HTTP byte ranges, so audio starts and
 * resumes on slow links. A file the viewer may not have is 404, as if it did not exist. SVG is only
 * ever sent as an attachment, in a sandbox, so its scripts never run on our origin.
 */
@Controller
class MediaDownloads {

  private final MediaLibrary library;
  private final MediaAccess access;

  MediaDownloads(MediaLibrary library, MediaAccess access) {
    this.library = library;
    this.access = access;
  }

  @GetMapping({"/media/{id}", "/media/{id}/{name}"})
  void download(
      @PathVariable String id,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) String rangeHeader,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Media media = library.find(id).orElseThrow(() -> BlobNotFound.forKey(id));
    MediaAccess.Grant grant =
        access.grant(media, request).orElseThrow(() -> BlobNotFound.forKey(id));
    String etag = "\"" + media.sha256() + "\"";
    if (new ServletWebRequest(request, response).checkNotModified(etag)) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, grant.cacheControl());
      return;
    }
    long size = media.size();
    long start = 0;
    long length = size;
    HttpStatus status = HttpStatus.OK;
    if (rangeHeader != null) {
      List<HttpRange> ranges;
      try {
        ranges = HttpRange.parseRanges(rangeHeader);
      } catch (IllegalArgumentException malformed) {
        ranges = List.of();
      }
      if (ranges.size() == 1) {
        HttpRange range = ranges.get(0);
        start = range.getRangeStart(size);
        long end = range.getRangeEnd(size);
        if (start >= size || end < start) {
          response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
          response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
          return;
        }
        length = end - start + 1;
        status = HttpStatus.PARTIAL_CONTENT;
        response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
      }
    }
    try (InputStream in = library.open(media, start, length)) {
      response.setStatus(status.value());
      response.setContentType(media.contentType());
      response.setContentLengthLong(length);
      response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader(HttpHeaders.CACHE_CONTROL, grant.cacheControl());
      response.setHeader(HttpHeaders.ETAG, etag);
      boolean svg = media.contentType().equals("image/svg+xml");
      ContentDisposition disposition =
          (svg ? ContentDisposition.attachment() : ContentDisposition.inline())
              .filename(media.filename(), StandardCharsets.UTF_8)
              .build();
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
      response.setHeader(
          "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      OutputStream out = response.getOutputStream();
      in.transferTo(out);
    }
  }
}
