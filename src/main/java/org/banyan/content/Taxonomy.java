package org.banyan.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** The controlled vocabulary of competencies and topics, from {@code content/taxonomy.yml}. */
@NamedInterface("catalog")
public record Taxonomy(List<Term> competencies, List<Term> topics) {

  /**
   * One competency or topic.
   *
   * @param synonyms everyday words people search with, by language ({@code zh-CN}, {@code en})
   */
  @NamedInterface("catalog")
  public record Term(String id, String zh, String en, Map<String, List<String>> synonyms) {

    /** The label in the language of {@code locale}: Chinese unless it is English. */
    public String label(Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }

    /** The label in a content language, {@code zh-CN} or {@code en}. */
    public String label(String lang) {
      return Languages.ENGLISH.equals(lang) ? en : zh;
    }
  }

  public Taxonomy {
    competencies = List.copyOf(competencies);
    topics = List.copyOf(topics);
  }

  public Optional<Term> competency(String id) {
    return competencies.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<Term> topic(String id) {
    return topics.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Map<String, Term> topicsById() {
    return topics.stream().collect(Collectors.toMap(Term::id, Function.identity()));
  }
}
