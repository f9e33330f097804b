package org.banyan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.FixedBitSet;
import org.banyan.content.Catalog;
import org.banyan.content.Languages;
import org.banyan.content.Taxonomy;

/**
 * Searching the published catalog: relevance or newest, facets with counts, highlighted snippets,
 * typo tolerance with "did you mean", autocomplete and related lessons.
 */
class CatalogSearch {

  public static final List<String> DIMENSIONS =
      List.of(
          IndexSchema.F_TYPE,
          IndexSchema.F_COMPETENCY,
          IndexSchema.F_TOPIC,
          IndexSchema.F_GRADE,
          IndexSchema.F_LANG,
          IndexSchema.F_DURATION);
  public static final int MAX_PAGE = 100;
  public static final int MAX_SIZE = 50;

  /** The fields snippets come from, in order of preference. */
  private static final String[] HIGHLIGHTED = {"body", IndexSchema.SUMMARY, IndexSchema.TITLE};

  /** The fields a lesson's likeness is drawn from. */
  private static final String[] LIKENESS = {IndexSchema.TITLE, IndexSchema.SUMMARY, "body"};

  private final SearchIndex index;
  private final Suggestions suggestions;
  private final Catalog catalog;
  private final FacetLabels labels;
  private final TextQueries queries;
  private final Analyzer englishDocuments = IndexSchema.documentsIn(IndexSchema.EN);
  private final Analyzer chineseDocuments = IndexSchema.documentsIn(IndexSchema.CJK);
  private final DirectSpellChecker spelling = new DirectSpellChecker();
  private volatile TaxonomyWords taxonomyWords = TaxonomyWords.NONE;

  /**
   * Searches run on one thread per core, taken from a queue in order of arrival (as Elasticsearch's
   * search thread pool). A search is pure CPU: more at once only share the cores, so every one of
   * them takes longer and a long one longest of all; in turn, each waits only for those ahead of
   * it. A search thread goes from one search to the next without a pause, where a turnstile (a fair
   * semaphore, before) left its core idle while the next request's parked thread woke up: 8 clients
   * in-process, 634 against 506 searches/s, p99 22.5 against 29.6 ms.
   */
  private final ExecutorService searching;

  CatalogSearch(SearchIndex index, Suggestions suggestions, Catalog catalog, FacetLabels labels) {
    this.index = index;
    this.suggestions = suggestions;
    this.catalog = catalog;
    this.labels = labels;
    this.queries = new TextQueries(IndexSchema.forQueries());
    this.searching =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            SearchThreads.numbered("search"));
  }

  public SearchResults search(SearchRequest request) {
    Future<SearchResults> result = searching.submit(() -> searchNow(request));
    try {
      return result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      // Not interrupting the search thread: an interrupt can close the index's open files.
      result.cancel(false);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while searching", e);
    }
  }

  /** Stops the search threads once the searches queued have run (the context is closing). */
  public void close() {
    searching.shutdown();
  }

  private SearchResults searchNow(SearchRequest request) {
    String text = TextQueries.clean(request.text());
    int page = Math.max(1, Math.min(MAX_PAGE, request.page()));
    int size = Math.max(1, Math.min(MAX_SIZE, request.size()));
    SearchIndex.Searcher searcher = index.acquire();
    try {
      TaxonomyWords taxonomy = taxonomyWords();
      Query textQuery = text.isEmpty() ? null : queries.query(text, false, taxonomy);
      String reader = ReaderLanguage.of(text, request.locale());
      Outcome outcome = run(searcher, textQuery, request, page, size, text.isEmpty(), reader);
      String didYouMean = null;
      if (!text.isEmpty() && outcome.total() < 3) {
        didYouMean = didYouMean(searcher, text);
        Query fuzzy = queries.query(text, true, taxonomy);
        if (fuzzy != null) {
          Outcome wider = run(searcher, fuzzy, request, page, size, false, reader);
          if (wider.total() > outcome.total()) {
            outcome = wider;
            textQuery = fuzzy;
          }
        }
      }
      List<SearchResults.Hit> hits = hits(searcher, outcome.docs(), textQuery, (page - 1) * size);
      return new SearchResults(
          outcome.total(), page, size, hits, facets(outcome.facets(), request), didYouMean);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /** The taxonomy's words, analyzed again only when the taxonomy changes (after an import). */
  private TaxonomyWords taxonomyWords() {
    TaxonomyWords words = taxonomyWords;
    Taxonomy taxonomy = catalog.taxonomy();
    if (words.source() != taxonomy) {
      words = TaxonomyWords.of(taxonomy);
      taxonomyWords = words;
    }
    return words;
  }

  /** Autocomplete on titles and topics, in both languages. */
  public List<Suggestion> suggest(String text, boolean signedIn) {
    return suggestions.lookup(TextQueries.clean(text), signedIn, 8);
  }

  /**
   * Related lessons found, each with the reader it was found in: the same lesson asks again on
   * every view of its page, and the answer changes only when the index does.
   */
  private record RelatedFound(Object reader, List<SearchResults.Hit> hits) {}

  private final java.util.concurrent.ConcurrentHashMap<String, RelatedFound> related =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int RELATED_KEPT = 10_000;

  /** Lessons like this one, same language first. */
  public List<SearchResults.Hit> related(String lang, String slug, int count) {
    SearchIndex.Searcher searcher = index.acquire();
    try {
      IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
      if (helper == null) {
        return related(searcher, lang, slug, count);
      }
      Object reader = helper.getKey();
      String key = lang + "/" + slug + "/" + count;
      RelatedFound known = related.get(key);
      if (known != null && known.reader() == reader) {
        return known.hits();
      }
      List<SearchResults.Hit> found = related(searcher, lang, slug, count);
      if (!found.isEmpty()) {
        if (related.size() >= RELATED_KEPT) {
          related.values().removeIf(entry -> entry.reader() != reader);
        }
        if (related.size() < RELATED_KEPT) {
          related.put(key, new RelatedFound(reader, found));
        }
      }
      return found;
    } finally {
      index.release(searcher);
    }
  }

  private List<SearchResults.Hit> related(
      SearchIndex.Searcher searcher, String lang, String slug, int count) {
    try {
      Query self =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(IndexSchema.TYPE, "lesson")), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(IndexSchema.LANG, lang)), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(IndexSchema.SLUG, slug)), BooleanClause.Occur.FILTER)
              .build();
      TopDocs found = searcher.search(self, 1);
      if (found.scoreDocs.length == 0) {
        return List.of();
      }
      int doc = found.scoreDocs[0].doc;
      MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
      like.setAnalyzer(Languages.CHINESE.equals(lang) ? chineseDocuments : englishDocuments);
      like.setFieldNames(LIKENESS);
      like.setMinTermFreq(1);
      like.setMinDocFreq(1);
      like.setMaxQueryTerms(40);
      Query similar =
          new BooleanQuery.Builder()
              .add(like.like(doc), BooleanClause.Occur.MUST)
              .add(new TermQuery(new Term(IndexSchema.TYPE, "lesson")), BooleanClause.Occur.FILTER)
              .build();
      TopDocs docs = searcher.search(similar, count * 3 + 1);
      List<SearchResults.Hit> hits = new ArrayList<>();
      for (ScoreDoc scored : docs.scoreDocs) {
        if (scored.doc == doc) {
          continue;
        }
        hits.add(
            hit(
                searcher.storedFields().document(scored.doc, SHOWN),
                scored.score,
                null,
                List.of()));
      }
      hits.sort(Comparator.comparing((SearchResults.Hit h) -> !h.lang().equals(lang)));
      return hits.stream().limit(count).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Outcome(long total, ScoreDoc[] docs, FacetOrdinals.Counts facets) {}

  /**
   * One page of results, an item's translations collapsed into one: the version in {@code reader}'s
   * language when it matches, else the best; the total and the facets count items, not documents
   * (except the language facet, whose counts are what choosing a language shows).
   */
  private Outcome run(
      SearchIndex.Searcher searcher,
      Query text,
      SearchRequest request,
      int page,
      int size,
      boolean newest,
      String reader)
      throws IOException {
    int wanted = page * size;
    boolean byDate = "newest".equals(request.sort()) || (request.sort() == null && newest);
    // Two passes. The page of hits needs scores only for documents that can still make the page,
    // so block-max WAND skips the rest (no exact count); the facet filters are given as the bits
    // of the documents they admit, held in memory. The facet counts and the total need every match
    // but no score: the matches of the text without the filters (the near misses make the
    // drill-sideways counts) and without the phrases (they add no matches), gathered as bits from
    // each word's documents, counted against the facet values held in memory.
    FacetOrdinals.Counter counter = searcher.facets.counter(selected(request));
    FixedBitSet[] preferred = new FixedBitSet[searcher.getIndexReader().leaves().size()];
    for (int leaf = 0; leaf < preferred.length; leaf++) {
      preferred[leaf] = searcher.facets.docs(leaf, IndexSchema.F_LANG, reader);
    }
    Query query = unfiltered(text, request);
    List<ScoreDoc> items = top(searcher, query, counter, byDate, wanted, preferred);
    Query all = unfiltered(TextQueries.withoutPhrases(text), request);
    List<FixedBitSet> matches = index.matchBits().matches(searcher, all);
    FacetOrdinals.Counts counted =
        counter.count(
            matches, found -> searcher.groups.collapse(found, preferred), IndexSchema.F_LANG);
    Hits hits = new Hits(searcher, matches, counter, preferred);
    int from = (page - 1) * size;
    List<ScoreDoc> shown = new ArrayList<>();
    for (int i = from; i < Math.min(items.size(), from + size); i++) {
      shown.add(hits.representative(items.get(i)));
    }
    return new Outcome(counted.total(), shown.toArray(ScoreDoc[]::new), counted);
  }

  /**
   * The best document of each of the first {@code wanted} items, in order: by relevance (with the
   * reader's language a little ahead) or newest first. An item has a document per language, so
   * twice as many documents hold as many items (as many suffice in an index without translations);
   * should they not, more are gathered.
   */
  private static List<ScoreDoc> top(
      SearchIndex.Searcher searcher,
      Query query,
      FacetOrdinals.Counter counter,
      boolean byDate,
      int wanted,
      FixedBitSet[] preferred)
      throws IOException {
    Sort sort = new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true));
    int first = wanted + Math.min(wanted, searcher.groups.translations());
    for (int gather = first; ; gather *= 2) {
      TopDocsCollector<?> collector =
          byDate
              ? new TopFieldCollectorManager(sort, gather, null, gather).newCollector()
              : new TopScoreDocCollectorManager(gather, null, gather).newCollector();
      if (byDate) {
        searcher.collect(query, collector, counter::passing);
      } else {
        searcher.collect(
            query, new PreferredLanguage(collector, leaf -> preferred[leaf]), counter::passing);
      }
      TopDocs top = collector.topDocs();
      if (byDate) {
        TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
      }
      List<ScoreDoc> items = new ArrayList<>();
      Set<Integer> groups = new HashSet<>();
      for (ScoreDoc doc : top.scoreDocs) {
        int group = searcher.groups.group(doc.doc);
        if (group < 0 || groups.add(group)) {
          items.add(doc);
        }
      }
      if (items.size() >= wanted || top.scoreDocs.length < gather) {
        return items.size() > wanted ? items.subList(0, wanted) : items;
      }
    }
  }

  /** Which documents are hits of a search: its matches that pass its filters. */
  private static final class Hits {
    private final SearchIndex.Searcher searcher;
    private final List<LeafReaderContext> leaves;
    private final List<FixedBitSet> matches;
    private final FacetOrdinals.Counter counter;
    private final FixedBitSet[] preferred;
    private final FixedBitSet[] passing;
    private final boolean[] filtered;

    Hits(
        SearchIndex.Searcher searcher,
        List<FixedBitSet> matches,
        FacetOrdinals.Counter counter,
        FixedBitSet[] preferred) {
      this.searcher = searcher;
      this.leaves = searcher.getIndexReader().leaves();
      this.matches = matches;
      this.counter = counter;
      this.preferred = preferred;
      this.passing = new FixedBitSet[leaves.size()];
      this.filtered = new boolean[leaves.size()];
    }

    /** {@code best}, or its translation in the reader's language when that is a hit too. */
    ScoreDoc representative(ScoreDoc best) {
      if (inPreferred(best.doc)) {
        return best;
      }
      for (int other : searcher.groups.others(best.doc)) {
        if (inPreferred(other) && hit(other)) {
          return new ScoreDoc(other, best.score, best.shardIndex);
        }
      }
      return best;
    }

    private boolean inPreferred(int doc) {
      int leaf = ReaderUtil.subIndex(doc, leaves);
      FixedBitSet docs = preferred[leaf];
      return docs != null && docs.get(doc - leaves.get(leaf).docBase);
    }

    private boolean hit(int doc) {
      int leaf = ReaderUtil.subIndex(doc, leaves);
      int local = doc - leaves.get(leaf).docBase;
      if (!matches.get(leaf).get(local)) {
        return false;
      }
      if (!filtered[leaf]) {
        passing[leaf] = counter.passing(leaf);
        filtered[leaf] = true;
      }
      return passing[leaf] == null || passing[leaf].get(local);
    }
  }

  /** The text query (all when null), without modules for readers who are not signed in. */
  private static Query unfiltered(Query text, SearchRequest request) {
    BooleanQuery.Builder base = new BooleanQuery.Builder();
    base.add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
    if (!request.signedIn()) {
      base.add(new TermQuery(new Term(IndexSchema.TYPE, "module")), BooleanClause.Occur.MUST_NOT);
    }
    return base.build();
  }

  /** The values chosen in each facet dimension. */
  private static Map<String, List<String>> selected(SearchRequest request) {
    Map<String, List<String>> selected = new LinkedHashMap<>();
    selected.put(IndexSchema.F_TYPE, request.types());
    selected.put(IndexSchema.F_LANG, request.langs());
    selected.put(IndexSchema.F_GRADE, request.grades());
    selected.put(IndexSchema.F_COMPETENCY, request.competencies());
    selected.put(IndexSchema.F_TOPIC, request.topics());
    selected.put(IndexSchema.F_DURATION, request.durations());
    return selected;
  }

  private List<SearchResults.Hit> hits(
      SearchIndex.Searcher searcher, ScoreDoc[] docs, Query text, int offset) throws IOException {
    // Only the fields the query searched (English or Chinese), in order of preference.
    Set<String> searched = text == null ? Set.of() : searchedFields(text);
    String[] fields = Arrays.stream(HIGHLIGHTED).filter(searched::contains).toArray(String[]::new);
    // Each hit's stored fields are read once, for the hit and for its snippet: a read
    // decompresses the whole stored document, long body included.
    Set<String> wanted = new HashSet<>(SHOWN);
    wanted.addAll(Arrays.asList(fields));
    Map<Integer, Document> stored = new HashMap<>();
    for (ScoreDoc doc : docs) {
      stored.put(doc.doc, searcher.storedFields().document(doc.doc, wanted));
    }
    Map<Integer, String> snippets = new HashMap<>();
    if (fields.length > 0 && docs.length > 0) {
      // Where the highlighter looks for the query's words in a hit's text (the summary and body,
      // which keep no offsets in the index, and any part when a typo's fuzzy clause is in the
      // query), it analyses the text as the index did: by the hit's language.
      List<Integer> english = new ArrayList<>();
      List<Integer> chinese = new ArrayList<>();
      for (int i = 0; i < docs.length; i++) {
        String lang = stored.get(docs[i].doc).get(IndexSchema.LANG);
        (Languages.CHINESE.equals(lang) ? chinese : english).add(i);
      }
      snippets(searcher, false, text, fields, docs, english, stored, snippets);
      snippets(searcher, true, text, fields, docs, chinese, stored, snippets);
    }
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      hits.add(
          hit(
              stored.get(docs[i].doc),
              docs[i].score,
              snippets.get(i),
              translations(searcher, docs[i].doc)));
    }
    return hits;
  }

  /** The translations of document {@code doc}, from their stored fields, by language. */
  private static List<SearchResults.Translation> translations(
      SearchIndex.Searcher searcher, int doc) throws IOException {
    List<Integer> others = searcher.groups.others(doc);
    if (others.isEmpty()) {
      return List.of();
    }
    List<SearchResults.Translation> translations = new ArrayList<>();
    for (int other : others) {
      Document fields = searcher.storedFields().document(other, TRANSLATION);
      translations.add(
          new SearchResults.Translation(
              fields.get(IndexSchema.LANG),
              fields.get(IndexSchema.SLUG),
              fields.get(IndexSchema.TITLE),
              fields.get(IndexSchema.URL)));
    }
    translations.sort(Comparator.comparing(SearchResults.Translation::lang));
    return translations;
  }

  /** The stored fields a link to a translation shows. */
  private static final Set<String> TRANSLATION =
      Set.of(IndexSchema.LANG, IndexSchema.SLUG, IndexSchema.TITLE, IndexSchema.URL);

  /**
   * Puts into {@code snippets} the snippet of each hit in {@code pending} (positions in {@code
   * docs}) that has one, from the first of {@code fields} where the query matches, analysing the
   * stored text as {@code chinese} or English.
   */
  private void snippets(
      SearchIndex.Searcher searcher,
      boolean chinese,
      Query text,
      String[] fields,
      ScoreDoc[] docs,
      List<Integer> pending,
      Map<Integer, Document> stored,
      Map<Integer, String> snippets)
      throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    UnifiedHighlighter highlighter =
        highlighter(searcher, chinese ? chineseDocuments : englishDocuments, chinese, stored);
    // A Chinese hit's best passage may be a fragment (a heading, a short list item): the next
    // best are looked at too, and failing them the summary is the snippet.
    int[] passages = {chinese ? CHINESE_PASSAGES : 1};
    Set<Integer> fragments = new HashSet<>();
    // Field by field in order of preference, each only for the hits still without a snippet:
    // most hits match in the body, and the summary and title are not looked at for them.
    for (String field : fields) {
      if (pending.isEmpty()) {
        break;
      }
      ScoreDoc[] subset = pending.stream().map(i -> docs[i]).toArray(ScoreDoc[]::new);
      TopDocs top =
          new TopDocs(
              new org.apache.lucene.search.TotalHits(
                  subset.length, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
              subset);
      String[] values =
          highlighter.highlightFields(new String[] {field}, text, top, passages).get(field);
      List<Integer> still = new ArrayList<>();
      for (int j = 0; j < subset.length; j++) {
        if (values != null && values[j] != null && values[j].contains("<mark>")) {
          snippets.put(pending.get(j), values[j]);
        } else {
          if (values != null && ClauseSnippets.FRAGMENT.equals(values[j])) {
            fragments.add(pending.get(j));
          }
          still.add(pending.get(j));
        }
      }
      pending = still;
    }
    for (int i : pending) {
      String summary = stored.get(docs[i].doc).get(IndexSchema.SUMMARY);
      if (fragments.contains(i) && summary != null && !summary.isBlank()) {
        snippets.put(i, CLAUSES.escaped(summary.strip()));
      }
    }
  }

  /** How many passages of a Chinese hit's text are looked at for one that is not a fragment. */
  private static final int CHINESE_PASSAGES = 3;

  private static final ClauseSnippets CLAUSES = new ClauseSnippets();

  /**
   * The highlighter of the hits of one language ({@code chinese} or not), whose text {@code
   * analyzer} analyses as the index did; their stored fields already read in {@code stored}, or
   * read from the index when it is null.
   */
  static UnifiedHighlighter highlighter(
      IndexSearcher searcher, Analyzer analyzer, boolean chinese, Map<Integer, Document> stored) {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(
                chinese ? CLAUSES : new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxNoHighlightPassages(0)
            .withMaxLength(MAX_HIGHLIGHTED)
            .withHighlightPhrasesStrictly(false)
            // The query's words are looked up as words: each one's offsets read from the index
            // (title) or found in the stored text (summary, body), rather than the query run again
            // on each hit, or on a small index of the text built for it. A search took 0.95 times
            // as long (same-JVM A/B over the benchmark's queries).
            .withPassageRelevancyOverSpeed(false)
            .withWeightMatches(false)
            .withBreakIterator(SentenceBreaks::new)
            .withScorer(PASSAGE_SCORES);
    return new UnifiedHighlighter(builder) {
      @Override
      protected FieldOffsetStrategy getOffsetStrategy(
          OffsetSource source, UHComponents components) {
        // A part without offsets in the index, and no typo's fuzzy clause to match.
        if (source == OffsetSource.ANALYSIS
            && components.getTerms() != null
            && components.getAutomata().length == 0
            && !components.hasUnrecognizedQueryPart()) {
          return new WordOffsets(components, analyzer, chinese);
        }
        return super.getOffsetStrategy(source, components);
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(
          String[] names, DocIdSetIterator iterator, int cacheCharsThreshold) throws IOException {
        if (stored == null) {
          return super.loadFieldValues(names, iterator, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = iterator.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = iterator.nextDoc()) {
          Document document = stored.get(doc);
          CharSequence[] texts = new CharSequence[names.length];
          for (int i = 0; i < names.length; i++) {
            String value = String.join(MULTIVALUE, document.getValues(names[i]));
            texts[i] =
                value.length() > MAX_HIGHLIGHTED ? value.substring(0, MAX_HIGHLIGHTED) : value;
          }
          values.add(texts);
        }
        return values;
      }
    };
  }

  /** Passage scoring keeps no state between passages: one serves every search. */
  private static final PassageScorer PASSAGE_SCORES = new PassageScores();

  /** Highlighting reads at most this much of a field. */
  private static final int MAX_HIGHLIGHTED = 50_000;

  /** How the highlighter joins the values of a field with several. */
  private static final String MULTIVALUE = "\u2029";

  /** The stored fields a hit shows; the stored text kept for highlighting is not read. */
  private static final Set<String> SHOWN =
      Set.of(
          IndexSchema.TYPE,
          IndexSchema.SLUG,
          IndexSchema.LANG,
          IndexSchema.TITLE,
          IndexSchema.SUMMARY,
          IndexSchema.COMPETENCIES,
          IndexSchema.TOPICS,
          IndexSchema.GRADES,
          IndexSchema.DURATION,
          IndexSchema.URL);

  private static Set<String> searchedFields(Query query) {
    Set<String> fields = new HashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            for (Term term : terms) {
              fields.add(term.field());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
          }
        });
    return fields;
  }

  private static SearchResults.Hit hit(
      Document doc, float score, String highlight, List<SearchResults.Translation> translations) {
    IndexableField duration = doc.getField(IndexSchema.DURATION);
    List<Integer> grades = new ArrayList<>();
    for (IndexableField grade : doc.getFields(IndexSchema.GRADES)) {
      grades.add(grade.numericValue().intValue());
    }
    return new SearchResults.Hit(
        doc.get(IndexSchema.TYPE),
        doc.get(IndexSchema.SLUG),
        doc.get(IndexSchema.LANG),
        doc.get(IndexSchema.TITLE),
        doc.get(IndexSchema.SUMMARY),
        highlight,
        List.of(doc.getValues(IndexSchema.COMPETENCIES)),
        List.of(doc.getValues(IndexSchema.TOPICS)),
        grades,
        duration == null ? null : duration.numericValue().intValue(),
        doc.get(IndexSchema.URL),
        Float.isNaN(score) ? 0f : score,
        translations);
  }

  /** Facet values shown per dimension, at most: the most frequent. */
  private static final int MAX_FACET_VALUES = 100;

  private Map<String, List<SearchResults.FacetValue>> facets(
      FacetOrdinals.Counts counts, SearchRequest request) {
    Map<String, List<SearchResults.FacetValue>> result = new LinkedHashMap<>();
    Taxonomy taxonomy = catalog.taxonomy();
    Locale locale = request.locale();
    Map<String, List<String>> selected = selected(request);
    for (String dimension : DIMENSIONS) {
      List<SearchResults.FacetValue> values =
          counts.dimensions().getOrDefault(dimension, List.of()).stream()
              .sorted(
                  Comparator.comparingLong(FacetOrdinals.Value::count)
                      .reversed()
                      .thenComparing(FacetOrdinals.Value::value))
              .limit(MAX_FACET_VALUES)
              .map(
                  value ->
                      new SearchResults.FacetValue(
                          value.value(),
                          labels.label(dimension, value.value(), taxonomy, locale),
                          value.count(),
                          selected.get(dimension).contains(value.value())))
              .sorted(labels.order(dimension))
              .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
      result.put(dimension, values);
    }
    return result;
  }

  private String didYouMean(SearchIndex.Searcher searcher, String text) throws IOException {
    boolean changed = false;
    StringBuilder corrected = new StringBuilder();
    for (String word : queries.words(text)) {
      String replacement = word;
      if (word.length() >= 3 && word.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
        Term term = new Term(IndexSchema.SPELL, word);
        if (searcher.getIndexReader().docFreq(term) == 0) {
          SuggestWord[] similar =
              spelling.suggestSimilar(
                  term, 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
          if (similar.length > 0) {
            replacement = similar[0].string;
            changed = true;
          }
        }
      }
      corrected.append(corrected.isEmpty() ? "" : " ").append(replacement);
    }
    return changed ? corrected.toString() : null;
  }
}
