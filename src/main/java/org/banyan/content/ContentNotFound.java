package org.banyan.content;

import org.banyan.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;

/** No such content item, or none that the caller may see (HTTP 404). */
@NamedInterface("catalog")
public class ContentNotFound extends ProblemException {

  private ContentNotFound(String what) {
    super(HttpStatus.NOT_FOUND, "No " + what);
  }

  public static ContentNotFound forId(ContentType type, long id) {
    return new ContentNotFound(type.key() + " " + id);
  }

  public static ContentNotFound forSlug(ContentType type, String lang, String slug) {
    return new ContentNotFound("published " + type.key() + " " + lang + "/" + slug);
  }

  public static ContentNotFound forRevision(long id, int revision) {
    return new ContentNotFound("revision " + revision + " of item " + id);
  }
}
