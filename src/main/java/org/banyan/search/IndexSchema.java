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

  static final String VERSION = "7";
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
   * Searchable text, one field per part and analysis: {@code title_en}, {@code body_cjk}. Chinese
   * text is indexed as bigrams ({@code _cjk}); the {@link #SEGMENTED} parts also as words ({@code
   * _zh}).
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

  static final String EN = "_en";
  static final String ZH = "_zh";
  static final String CJK = "_cjk";

  private IndexSchema() {}

  static FacetsConfig facets() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(F_COMPETENCY, true);
    config.setMultiValued(F_TOPIC, true);
    config.setMultiValued(F_GRADE, true);
    return config;
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
    Map<String, Analyzer> fields = new HashMap<>();
    Analyzer english = english();
    Analyzer words = chineseWords();
    Analyzer bigrams = chineseBigrams(unigrams);
    // The body, most of the text, keeps bigrams only: a single character finds titles, summaries
    // and topics, and indexing the body's every character as well would double its cost.
    Analyzer bodyBigrams = chineseBigrams(false);
    for (String part : PARTS) {
      fields.put(part + EN, english);
      fields.put(part + ZH, words);
      fields.put(part + CJK, part.equals("body") ? bodyBigrams : bigrams);
    }
    fields.put(SPELL, new StandardAnalyzer());
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
  }
}
