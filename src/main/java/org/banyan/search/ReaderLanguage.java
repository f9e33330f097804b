package org.banyan.search;

import java.util.Locale;
import org.banyan.content.Languages;

/**
 * The language a reader most likely wants results in: the query's script when it is clearly one
 * (Chinese characters and no Latin letters: Chinese; Latin letters and no Chinese characters:
 * English), otherwise the language of the pages they read.
 */
final class ReaderLanguage {

  private ReaderLanguage() {}

  /** {@code zh-CN} or {@code en}, for a query {@code text} (may be null) read in {@code locale}. */
  static String of(String text, Locale locale) {
    boolean han = false;
    boolean latin = false;
    if (text != null) {
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (Character.isLetter(c)) {
          Character.UnicodeScript script = Character.UnicodeScript.of(c);
          han |= script == Character.UnicodeScript.HAN;
          latin |= script == Character.UnicodeScript.LATIN;
        }
      }
    }
    if (han != latin) {
      return han ? Languages.CHINESE : Languages.ENGLISH;
    }
    return Languages.of(locale);
  }
}
