package org.banyan.content;

import java.util.List;

/** The languages content is written in. */
public final class Languages {

  public static final String CHINESE = "zh-CN";
  public static final String ENGLISH = "en";
  public static final List<String> ALL = List.of(CHINESE, ENGLISH);

  private Languages() {}

  public static boolean supported(String lang) {
    return lang != null && ALL.contains(lang);
  }
}
