package org.banyan.media;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.banyan.web.CatalogSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who gets a file. Everyone gets a file that a published item uses (when the catalog is private,
 * everyone signed in); its uploader, authors, reviewers and administrators get every file; to
 * anyone else a file does not exist.
 */
@Component
class MediaAccess {

  /** Why a viewer gets a file, which decides who may keep a copy. */
  enum Grant {
    /** A published item uses it and the catalog is public: any cache may keep it for good. */
    SHARED("public, max-age=31536000, immutable"),
    /** A published item uses it and the catalog is private: only the viewer's browser keeps it. */
    SIGNED_IN("private, max-age=31536000, immutable"),
    /** Only the viewer's role gets it: their browser keeps it but asks again before each use. */
    INSIDER("private, no-cache");

    private final String cacheControl;

    Grant(String cacheControl) {
      this.cacheControl = cacheControl;
    }

    String cacheControl() {
      return cacheControl;
    }
  }

  private static final String[] INSIDER_ROLES = {"AUTHOR", "REVIEWER", "ADMIN"};

  private final ObjectProvider<MediaUse> uses;
  private final CatalogSettings catalog;

  MediaAccess(ObjectProvider<MediaUse> uses, CatalogSettings catalog) {
    this.uses = uses;
    this.catalog = catalog;
  }

  /** Why the viewer of {@code request} gets {@code media}; empty when they must not. */
  Optional<Grant> grant(Media media, HttpServletRequest request) {
    Principal viewer = request.getUserPrincipal();
    MediaUse use = uses.getIfAvailable();
    if (use != null && use.isPublished(media.id())) {
      if (catalog.publicAccess()) {
        return Optional.of(Grant.SHARED);
      }
      if (viewer != null) {
        return Optional.of(Grant.SIGNED_IN);
      }
    }
    if (viewer == null) {
      return Optional.empty();
    }
    if (viewer.getName().equals(media.uploadedBy())) {
      return Optional.of(Grant.INSIDER);
    }
    for (String role : INSIDER_ROLES) {
      if (request.isUserInRole(role)) {
        return Optional.of(Grant.INSIDER);
      }
    }
    return Optional.empty();
  }
}
