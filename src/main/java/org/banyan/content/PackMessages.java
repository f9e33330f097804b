package org.banyan.content;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What the templates' {@code ui.t} asks of {@code springMacroRequestContext}, in the course's
 * language rather than the visitor's.
 */
// Public: FreeMarker calls its methods, and it reaches only public classes.
public final class PackMessages {

  private final MessageSource source;
  private final Locale locale;

  PackMessages(MessageSource source, Locale locale) {
    this.source = source;
    this.locale = locale;
  }

  public String getMessage(String code) {
    return source.getMessage(code, null, locale);
  }

  public String getMessage(String code, List<?> args) {
    return source.getMessage(code, args == null ? null : args.toArray(), locale);
  }

  public Locale getLocale() {
    return locale;
  }
}
