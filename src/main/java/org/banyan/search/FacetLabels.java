package org.banyan.search;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.banyan.content.Taxonomy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Facet values as readers see them, in the UI language, in a sensible order. */
@Component
class FacetLabels {

  private static final List<String> DURATIONS = List.of("0-20", "21-40", "41-60", "61+");
  private static final List<String> TYPES = List.of("lesson", "course", "module");

  private final MessageSource messages;

  FacetLabels(MessageSource messages) {
    this.messages = messages;
  }

  String label(String dimension, String value, Taxonomy taxonomy, Locale locale) {
    Locale language = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    return switch (dimension) {
      case IndexSchema.F_COMPETENCY ->
          taxonomy.competency(value).map(t -> t.label(language)).orElse(value);
      case IndexSchema.F_TOPIC -> taxonomy.topic(value).map(t -> t.label(language)).orElse(value);
      case IndexSchema.F_GRADE -> message("search.grade", value, language);
      case IndexSchema.F_DURATION -> message("search.duration." + value, value, language);
      case IndexSchema.F_LANG -> message("search.lang." + value, value, language);
      default -> message("type." + value, value, language);
    };
  }

  Comparator<SearchResults.FacetValue> order(String dimension) {
    return switch (dimension) {
      case IndexSchema.F_GRADE -> Comparator.comparing(v -> Integer.parseInt(v.value()));
      case IndexSchema.F_DURATION -> Comparator.comparing(v -> DURATIONS.indexOf(v.value()));
      case IndexSchema.F_TYPE -> Comparator.comparing(v -> TYPES.indexOf(v.value()));
      default ->
          Comparator.comparing(SearchResults.FacetValue::count)
              .reversed()
              .thenComparing(SearchResults.FacetValue::value);
    };
  }

  private String message(String code, String value, Locale locale) {
    return messages.getMessage(code, new Object[] {value}, value, locale);
  }
}
