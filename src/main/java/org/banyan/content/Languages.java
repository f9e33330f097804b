package org.banyan.content;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** The languages content is written in. */
@NamedInterface("catalog")
public final class Languages {

  public static final String CHINESE = "zh-CN";
  public static final String ENGLISH = "en";
  public static final List<String> ALL = List.of(CHINESE, ENGLISH);

  private Languages() {}

  /** The content language of pages read in {@code locale}: English for English, else Chinese. */
  public static String of(java.util.Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : CHINESE;
  }

  public static boolean supported(String lang) {
    return lang != null && ALL.contains(lang);
  }
}
