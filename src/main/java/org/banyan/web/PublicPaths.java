package org.banyan.web;

import java.util.List;

/**
 * Paths a feature serves to everyone, signed in or not. Each feature declares its own as a bean;
 * the security rules open them and keep everything else behind sign-in.
 *
 * @param pages page paths (Ant-style patterns) open to every method the page allows
 * @param apiReads API paths open to GET requests
 */
public record PublicPaths(List<String> pages, List<String> apiReads) {

  public PublicPaths {
    pages = List.copyOf(pages);
    apiReads = List.copyOf(apiReads);
  }
}
