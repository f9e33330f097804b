package org.banyan.web;

import java.io.IOException;

/** A request body went past the limit while it was read (HTTP 413). */
class RequestBodyTooLarge extends IOException {

  RequestBodyTooLarge(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
