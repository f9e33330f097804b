package org.banyan.content;

import java.time.OffsetDateTime;
import org.springframework.modulith.NamedInterface;

/**
 * The published revision of a content item, as readers, search and other features see it.
 *
 * @param content a {@link LessonContent}, {@link CourseContent} or {@link ModuleContent} matching
 *     {@code type}
 */
@NamedInterface("catalog")
public record PublishedItem(
    long id,
    ContentType type,
    String lang,
    String slug,
    String translationGroup,
    int revision,
    OffsetDateTime publishedAt,
    Content content) {

  /** The reader's URL of this item. */
  public String url() {
    return "/" + type.path() + "/" + lang + "/" + slug;
  }

  /** This item as the catalog lists it: revision and title, without the content. */
  public PublishedListing listing() {
    return new PublishedListing(id, revision, type, lang, slug, content.title());
  }
}
