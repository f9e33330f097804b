package org.banyan.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Field names, analyzers and the index schema version, in one place. Change anything here and bump
 * {@link #VERSION}: the index is rebuilt from SQL on the next start.
 */
final class IndexSchema {

  static final String VERSION = "14";
  static final String VERSION_KEY = "banyan.schema";

  static final String ID = "id";
  static final String REVISION = "revision";
  static final String TYPE = "type";
  static final String LANG = "lang";
  static final String SLUG = "slug";
  static final String TITLE = "title";
  static final String SUMMARY = "summary";
  static final String URL = "url";
  static final String COMPETENCIES = "competencies";
  static final String TOPICS = "topics";
  static final String GRADES = "grades";
  static final String DURATION = "durationMinutes";
  static final String PUBLISHED = "publishedAt";

  /**
   * The item's translation group, with its type ({@code lesson/anger-traffic-light}): one value for
   * an item's versions in every language. Only in sorted doc values: they collapse the translations
   * of an item into one result and find a result's translations ({@link TranslationGroups}).
   */
  static final String GROUP = "group";

  /**
   * Searchable text, one field per part ({@code title}, {@code body}...) for both languages: an
   * English document's words go in stemmed, a Chinese document's as bigrams ({@link #EN} and {@link
   * #CJK} name these analyses), so every document has a length (a norm) in every part and scoring
   * reads it straight from an array, where a field for each language left each one's norms sparse
   * and every read a search through a bit set's ranks. The {@link #SEGMENTED} parts of Chinese
   * documents are also indexed as words, in a field of their own ({@code title_zh}).
   */
  static final String[] PARTS = {"title", "summary", "objectives", "body"};

  /**
   * The parts segmented into Chinese words as well as bigrams. Word segmentation is the slowest
   * analysis by far; it pays off on titles, where a whole-word match tells most.
   */
  static final java.util.Set<String> SEGMENTED = java.util.Set.of("title");

  /** Raw English words for "did you mean". */
  static final String SPELL = "spell";

  /** Facet dimensions. */
  static final String F_TYPE = "type";

  static final String F_LANG = "lang";
  static final String F_COMPETENCY = "competency";
  static final String F_TOPIC = "topic";
  static final String F_GRADE = "grade";
  static final String F_DURATION = "duration";

  /** English analysis: stemmed words. */
  static final String EN = "_en";

  /** Chinese words, segmented; also the suffix of their fields ({@code title_zh}). */
  static final String ZH = "_zh";

  /** Chinese analysis: CJK bigrams (and Latin words as they are). */
  static final String CJK = "_cjk";

  /** The field holding {@code part} analysed as {@code analysis}: only Chinese words apart. */
  static String field(String part, String analysis) {
    return analysis.equals(ZH) ? part + ZH : part;
  }

  private IndexSchema() {}

  /**
   * The facets: their values in doc values, which counting and filtering read. Only topics and
   * competencies are also indexed as terms (a query naming one scores its lessons, {@link
   * TextQueries}), and the type, which every document has: Lucene wants a field indexed in every
   * document or in none. Lucene's default indexes every value of every dimension so, and the
   * dimension itself, 14 terms a document that no query looked up, for 0.93-0.95x the CPU of a
   * rebuild without them (paired A/B over 100,000 documents).
   */
  static FacetsConfig facets() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(F_COMPETENCY, true);
    config.setMultiValued(F_TOPIC, true);
    config.setMultiValued(F_GRADE, true);
    for (String dimension : new String[] {F_LANG, F_GRADE, F_DURATION}) {
      config.setDrillDownTermsIndexing(dimension, FacetsConfig.DrillDownTermsIndexing.NONE);
    }
    for (String dimension : new String[] {F_TYPE, F_COMPETENCY, F_TOPIC}) {
      config.setDrillDownTermsIndexing(
          dimension, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    }
    return config;
  }

  /** The {@link #GROUP} value of the items of {@code type} in translation group {@code group}. */
  static String group(String type, String group) {
    return type + "/" + group;
  }

  /** The duration band facet value of a lesson length. */
  static String durationBand(int minutes) {
    if (minutes <= 20) {
      return "0-20";
    }
    if (minutes <= 40) {
      return "21-40";
    }
    if (minutes <= 60) {
      return "41-60";
    }
    return "61+";
  }

  static Analyzer english() {
    return new EnglishAnalyzer();
  }

  static Analyzer chineseWords() {
    return new SmartChineseAnalyzer();
  }

  /** Overlapping CJK bigrams (and whole Latin words), so part of a segmented word still matches. */
  static Analyzer chineseBigrams() {
    return chineseBigrams(true);
  }

  /**
   * Bigrams; with {@code unigrams} also every single character, which the index needs so that a
   * one-character query still matches, and a query of several characters is better without.
   */
  static Analyzer chineseBigrams(boolean unigrams) {
    return bigrams(
        CJKBigramFilter.HAN
            | CJKBigramFilter.HIRAGANA
            | CJKBigramFilter.KATAKANA
            | CJKBigramFilter.HANGUL,
        unigrams,
        false);
  }

  /** Both languages at once, for taxonomy words: CJK unigrams and bigrams, stemmed English. */
  static Analyzer mixed() {
    return mixed(true);
  }

  static Analyzer mixed(boolean unigrams) {
    return bigrams(CJKBigramFilter.HAN, unigrams, true);
  }

  /**
   * Standard tokens, full-width folded and lower-cased, CJK {@code scripts} as bigrams (and single
   * characters with {@code unigrams}), English words Porter-stemmed with {@code stem}.
   */
  private static Analyzer bigrams(int scripts, boolean unigrams, boolean stem) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream, scripts, unigrams);
        if (stem) {
          stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /**
   * The analyzer of every field for queries: as for writing, but Chinese without lone characters.
   */
  static Analyzer forQueries() {
    return perField(false);
  }

  /** The analyzer of every field, for writing and highlighting. */
  static Analyzer perField() {
    return perField(true);
  }

  private static Analyzer perField(boolean unigrams) {
    Analyses analyses = new Analyses(unigrams);
    Map<String, Analyzer> fields = new HashMap<>();
    for (String part : PARTS) {
      for (String analysis : new String[] {EN, ZH, CJK}) {
        fields.put(part + analysis, analyses.of(part, analysis));
      }
    }
    fields.put(SPELL, new StandardAnalyzer());
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
  }

  /**
   * The analyzer of the documents of one language ({@link #EN} or {@link #CJK}) by their fields'
   * own names, as they were written: to analyze a stored text again (more like this one).
   */
  static Analyzer documentsIn(String analysis) {
    Analyses analyses = new Analyses(true);
    Map<String, Analyzer> fields = new HashMap<>();
    for (String part : PARTS) {
      fields.put(part, analyses.of(part, analysis));
    }
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
  }

  /**
   * Each part's analysis in each language. {@code unigrams}: Chinese titles also as single
   * characters, so that a query of one character finds the lessons it titles (and the topics it
   * names, through the taxonomy). The other parts keep bigrams only: the summaries' and objectives'
   * every character as well cost a twentieth of a rebuild, and the body's would double its cost.
   */
  private static final class Analyses {
    private final Analyzer english = english();
    private final Analyzer words = chineseWords();
    private final Analyzer titleBigrams;
    private final Analyzer bigrams = chineseBigrams(false);

    Analyses(boolean unigrams) {
      titleBigrams = chineseBigrams(unigrams);
    }

    Analyzer of(String part, String analysis) {
      return switch (analysis) {
        case EN -> english;
        case ZH -> words;
        default -> part.equals(TITLE) ? titleBigrams : bigrams;
      };
    }
  }
}
