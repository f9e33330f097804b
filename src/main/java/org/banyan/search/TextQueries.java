package org.banyan.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a Lucene query. The text is never a query language: it is only
 * analyzed, field by field, so quotes, operators, wildcards and control characters are just text.
 * Title counts most, then objectives and summary, then the body; taxonomy synonyms match in either
 * language; a phrase match in the title adds to the score.
 */
final class TextQueries {

  static final int MAX_LENGTH = 200;

  static final Map<String, Float> BOOSTS =
      Map.of("title", 4f, "summary", 2f, "objectives", 2f, "body", 1f);
  static final float TERMS_BOOST = 2.5f;
  static final float PHRASE_BOOST = 1.5f;
  static final float CHINESE_WEIGHT = 0.6f;
  static final float TYPO_WEIGHT = 0.5f;

  private static final FacetsConfig FACETS = IndexSchema.facets();

  private final Analyzer analyzer;
  private final Analyzer words = new StandardAnalyzer();
  private final Analyzer taxonomyWords = IndexSchema.mixed(false);

  TextQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}\\p{Cf}]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The user's text with control characters removed, trimmed and cut to a sane length. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String cleaned = SPACES.matcher(CONTROLS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    if (cleaned.length() > MAX_LENGTH) {
      cleaned = cleaned.substring(0, MAX_LENGTH);
    }
    return cleaned;
  }

  /**
   * The query for {@code text}; null when the text has nothing searchable in it. A text that would
   * make too many clauses (a long run of Chinese characters) is shortened until it does not.
   */
  Query query(String text, boolean fuzzy) {
    return query(text, fuzzy, TaxonomyWords.NONE);
  }

  /** As {@link #query(String, boolean)}, also asking for the topics the words name. */
  Query query(String text, boolean fuzzy, TaxonomyWords taxonomy) {
    String attempt = text;
    while (true) {
      try {
        Query query = build(attempt, fuzzy, taxonomy);
        if (query != null && clauses(query) > MAX_CLAUSES) {
          throw new org.apache.lucene.search.IndexSearcher.TooManyClauses();
        }
        return query;
      } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses tooLong) {
        if (attempt.length() <= 8) {
          return null;
        }
        attempt = attempt.substring(0, attempt.length() / 2);
      }
    }
  }

  /** Lucene refuses more than 1024 clauses in one query; stay well below. */
  static final int MAX_CLAUSES = 900;

  private static int clauses(Query query) {
    int[] count = {0};
    query.visit(
        new org.apache.lucene.search.QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            count[0] += terms.length;
          }

          @Override
          public void visitLeaf(Query query) {
            count[0]++;
          }

          @Override
          public org.apache.lucene.search.QueryVisitor getSubVisitor(
              BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return count[0];
  }

  /** At most this many words of the text count, per field. */
  static final int MAX_TOKENS = 24;

  private Query build(String text, boolean fuzzy, TaxonomyWords taxonomy) {
    // One flat disjunction of boosted term (and phrase) queries: a field's match adds to the
    // score. Flat SHOULD clauses let Lucene skip documents that cannot make the page (block-max
    // WAND), where a nested max-of-fields query would have to score every match.
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean empty = true;
    boolean han =
        text.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    boolean latin =
        text.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    List<String> suffixes = new ArrayList<>();
    if (latin || !han) {
      suffixes.add(IndexSchema.EN);
    }
    if (han) {
      suffixes.add(IndexSchema.ZH);
      suffixes.add(IndexSchema.CJK);
    }
    // English and Chinese words share each part's field; a word both analyses give (a Latin word
    // in Chinese text) counts once.
    Set<Term> added = new HashSet<>();
    for (String part : IndexSchema.PARTS) {
      float boost = BOOSTS.get(part);
      for (String suffix : suffixes) {
        if (suffix.equals(IndexSchema.ZH) && !IndexSchema.SEGMENTED.contains(part)) {
          continue;
        }
        String field = IndexSchema.field(part, suffix);
        List<String> tokens = tokens(part + suffix, text);
        for (String token : tokens) {
          Term term = new Term(field, token);
          if (added.add(term)) {
            any.add(
                new BoostQuery(new TermQuery(term), boost * weight(suffix)),
                BooleanClause.Occur.SHOULD);
            empty = false;
          }
        }
        // A phrase adds to the score in the title only. In the body a phrase clause cost an
        // eighth of all search time (every document holding all the words had its positions
        // read) and changed nothing measurable: nDCG@10 on the judged queries 0.790-0.795 with
        // it, 0.792-0.796 without (summary phrases too: 0.788-0.789).
        if (tokens.size() > 1 && !suffix.equals(IndexSchema.ZH) && part.equals("title")) {
          PhraseQuery.Builder phrase =
              new PhraseQuery.Builder().setSlop(suffix.equals(IndexSchema.EN) ? 2 : 0);
          for (int i = 0; i < tokens.size(); i++) {
            phrase.add(new Term(field, tokens.get(i)), i);
          }
          any.add(new BoostQuery(phrase.build(), boost * PHRASE_BOOST), BooleanClause.Occur.SHOULD);
        }
      }
    }
    empty &= !addKindAsked(any, text);
    List<String> taxonomyTokens = limit(analyze(taxonomyWords, "taxonomy", text));
    empty &= !addTopics(any, taxonomy.matches(taxonomyTokens), TERMS_BOOST);
    if (fuzzy) {
      Query typos = fuzzy(text);
      if (typos != null) {
        any.add(typos, BooleanClause.Occur.SHOULD);
        empty = false;
      }
      empty &= !addTopics(any, taxonomy.nearMatches(taxonomyTokens), TERMS_BOOST * TYPO_WEIGHT);
    }
    return empty ? null : any.build();
  }

  /**
   * A query that names a kind of item ("course for left-behind children", "留守儿童 课程", "teacher
   * training") prefers items of that kind: a clause on the kind's indexed term, as strong as a
   * topic named by several words. Answers whether one was added.
   */
  private static boolean addKindAsked(BooleanQuery.Builder any, String text) {
    boolean added = false;
    for (Map.Entry<String, Pattern> kind : KIND_WORDS.entrySet()) {
      if (kind.getValue().matcher(text).find()) {
        any.add(
            new BoostQuery(new TermQuery(new Term(IndexSchema.TYPE, kind.getKey())), KIND_BOOST),
            BooleanClause.Occur.SHOULD);
        added = true;
      }
    }
    return added;
  }

  static final float KIND_BOOST = 4 * TERMS_BOOST;

  /** The words that ask for a kind of item, by the kind's key. */
  private static final Map<String, Pattern> KIND_WORDS =
      Map.of(
          "course",
          Pattern.compile("(?i)\\bcourses?\\b|课程"),
          "module",
          Pattern.compile("(?i)\\b(training|modules?)\\b|培训"));

  /**
   * A clause per topic or competency the words name, on the facet's own indexed term, weighted by
   * how many of the words name it. Answers whether any was added.
   */
  private static boolean addTopics(
      BooleanQuery.Builder any, Map<TaxonomyWords.Entry, Integer> matches, float weight) {
    for (Map.Entry<TaxonomyWords.Entry, Integer> match : matches.entrySet()) {
      String dimension = match.getKey().dimension();
      Term term =
          DrillDownQuery.term(
              FACETS.getDimConfig(dimension).indexFieldName, dimension, match.getKey().id());
      any.add(
          new BoostQuery(new TermQuery(term), weight * match.getValue()),
          BooleanClause.Occur.SHOULD);
    }
    return !matches.isEmpty();
  }

  /**
   * Chinese text is matched twice, as words and as bigrams; each counts a little less, so that a
   * Chinese match does not outweigh an English one only for being counted in two fields.
   */
  private static float weight(String suffix) {
    return suffix.equals(IndexSchema.EN) ? 1f : CHINESE_WEIGHT;
  }

  /**
   * The same matches without the phrase clauses: every phrase match also matches its words, so the
   * phrases only add to the score, and counting the matches need not check positions.
   */
  static Query withoutPhrases(Query query) {
    if (!(query instanceof BooleanQuery bool)) {
      return query;
    }
    BooleanQuery.Builder kept = new BooleanQuery.Builder();
    for (BooleanClause clause : bool.clauses()) {
      Query inner =
          clause.getQuery() instanceof BoostQuery boost ? boost.getQuery() : clause.getQuery();
      if (!(inner instanceof PhraseQuery)) {
        kept.add(clause);
      }
    }
    return kept.build();
  }

  /** The words of the text as {@code analysis} gives them, in order, without repeats. */
  private List<String> tokens(String analysis, String text) {
    return limit(analyze(analysis, text));
  }

  private static List<String> limit(List<String> tokens) {
    return tokens.size() > MAX_TOKENS ? tokens.subList(0, MAX_TOKENS) : tokens;
  }

  /** Edit-distance matches of the English words, for typos; weaker than exact ones. */
  private Query fuzzy(String text) {
    BooleanQuery.Builder typos = new BooleanQuery.Builder();
    boolean any = false;
    for (String word : words(text)) {
      if (word.length() < 4 || !word.chars().allMatch(c -> c < 128)) {
        continue;
      }
      int edits = word.length() >= 8 ? 2 : 1;
      for (String field : List.of("title", "summary", "body")) {
        for (String stem : analyze(field + IndexSchema.EN, word)) {
          typos.add(new FuzzyQuery(new Term(field, stem), edits, 1), BooleanClause.Occur.SHOULD);
          any = true;
        }
      }
    }
    return any ? new BoostQuery(typos.build(), TYPO_WEIGHT) : null;
  }

  /** The plain lower-case words of the text, as a reader would split them. */
  List<String> words(String text) {
    return analyze(words, "w", text);
  }

  List<String> analyze(String field, String text) {
    return analyze(analyzer, field, text);
  }

  private static List<String> analyze(Analyzer analyzer, String field, String text) {
    Set<String> tokens = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString().toLowerCase(Locale.ROOT));
      }
      stream.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new ArrayList<>(tokens);
  }
}
