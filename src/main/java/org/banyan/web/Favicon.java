package org.banyan.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Browsers ask for {@code /favicon.ico} on their own; send them to the theme's icon. */
@Controller
class Favicon {

  private final ObjectProvider<ResourceUrlProvider> urls;

  Favicon(ObjectProvider<ResourceUrlProvider> urls) {
    this.urls = urls;
  }

  @GetMapping("/favicon.ico")
  ResponseEntity<Void> favicon() {
    String icon = urls.getObject().getForLookupPath("/theme/img/banyan.svg");
    return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
        .header(HttpHeaders.LOCATION, icon == null ? "/theme/img/banyan.svg" : icon)
        .build();
  }
}
