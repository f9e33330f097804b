package org.banyan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.banyan.content.ContentType;
import org.banyan.content.Languages;
import org.banyan.content.PublishedListing;
import org.banyan.content.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autocomplete on titles and topic labels, with modules kept from visitors who are not signed in.
 */
final class Suggestions implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Suggestions.class);
  private static final BytesRef PUBLIC = new BytesRef("public");
  private static final BytesRef MEMBERS = new BytesRef("members");

  private record Entry(String text, long weight, String payload, Set<BytesRef> contexts) {}

  private final AnalyzingInfixSuggester suggester;
  private volatile boolean built;

  Suggestions(Path path) {
    try {
      Files.createDirectories(path);
      this.suggester =
          new AnalyzingInfixSuggester(
              FSDirectory.open(path), IndexSchema.mixed(), IndexSchema.mixed(), 1, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the suggestions index in " + path, e);
    }
  }

  synchronized void rebuild(List<PublishedListing> items, Taxonomy taxonomy) {
    List<Entry> entries = new ArrayList<>();
    for (PublishedListing item : items) {
      Set<BytesRef> contexts =
          item.type() == ContentType.MODULE ? Set.of(MEMBERS) : Set.of(PUBLIC, MEMBERS);
      entries.add(
          new Entry(
              item.title(),
              item.type() == ContentType.COURSE ? 3 : 2,
              String.join("|", item.type().key(), item.slug(), item.lang()),
              contexts));
    }
    for (Taxonomy.Term topic : taxonomy.topics()) {
      entries.add(
          new Entry(
              topic.zh(),
              1,
              "topic|" + topic.id() + "|" + Languages.CHINESE,
              Set.of(PUBLIC, MEMBERS)));
      entries.add(
          new Entry(
              topic.en(),
              1,
              "topic|" + topic.id() + "|" + Languages.ENGLISH,
              Set.of(PUBLIC, MEMBERS)));
    }
    try {
      suggester.build(new Entries(entries));
      suggester.refresh();
      built = true;
    } catch (IOException e) {
      log.warn("Building suggestions failed", e);
    }
  }

  List<Suggestion> lookup(String text, boolean signedIn, int count) {
    if (!built || text.isBlank()) {
      return List.of();
    }
    try {
      List<Suggestion> found = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Lookup.LookupResult result :
          suggester.lookup(text, Set.of(signedIn ? MEMBERS : PUBLIC), false, count * 2)) {
        String[] payload = result.payload.utf8ToString().split("\\|");
        String key = result.key.toString();
        if (seen.add(key + payload[2])) {
          found.add(new Suggestion(key, payload[0], payload[1], payload[2]));
        }
      }
      return found.stream().limit(count).toList();
    } catch (IOException | RuntimeException e) {
      log.warn("Suggestion lookup failed for '{}'", text, e);
      return List.of();
    }
  }

  @Override
  public void close() {
    try {
      suggester.close();
    } catch (IOException e) {
      log.warn("Closing suggestions failed", e);
    }
  }

  private static final class Entries implements InputIterator {
    private final Iterator<Entry> entries;
    private Entry current;

    Entries(List<Entry> entries) {
      this.entries = entries.iterator();
    }

    @Override
    public BytesRef next() {
      if (!entries.hasNext()) {
        return null;
      }
      current = entries.next();
      return new BytesRef(current.text().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long weight() {
      return current.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(current.payload());
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return current.contexts();
    }

    @Override
    public boolean hasContexts() {
      return true;
    }
  }
}
