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
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
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
 * Built whole on start and on the administrator's rebuild; kept up to date one item at a time as
 * items are published and archived, so a new title is suggested at once.
 */
final class Suggestions implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Suggestions.class);
  private static final BytesRef PUBLIC = new BytesRef("public");
  private static final BytesRef MEMBERS = new BytesRef("members");

  private record Entry(String text, long weight, String payload, Set<BytesRef> contexts) {}

  /** A change to the suggestions: one item added, replaced or taken out. */
  @FunctionalInterface
  private interface Change {
    void apply() throws IOException;
  }

  private final Suggester suggester;
  private volatile boolean built;

  /**
   * Guards {@link #building} and {@link #deferred}: an item published or archived while the
   * suggestions are built whole (or before they first are) is applied after, so that building from
   * a listing read a moment earlier does not undo it.
   */
  private final Object changes = new Object();

  private boolean building;
  private List<Change> deferred = new ArrayList<>();

  Suggestions(Path path) {
    try {
      Files.createDirectories(path);
      this.suggester = new Suggester(FSDirectory.open(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the suggestions index in " + path, e);
    }
  }

  /**
   * Builds the suggestions whole from the items {@code read} answers (read once building has begun,
   * so that a change made before is in the listing and one made after is applied after) and the
   * taxonomy's topics.
   */
  synchronized void rebuild(Supplier<List<PublishedListing>> read, Taxonomy taxonomy) {
    synchronized (changes) {
      building = true;
    }
    try {
      List<Entry> entries = new ArrayList<>();
      for (PublishedListing item : read.get()) {
        entries.add(entry(item));
      }
      for (Taxonomy.Term topic : taxonomy.topics()) {
        entries.add(topic(topic.zh(), topic.id(), Languages.CHINESE));
        entries.add(topic(topic.en(), topic.id(), Languages.ENGLISH));
      }
      suggester.build(new Entries(entries));
      suggester.refresh();
      built = true;
    } catch (IOException | RuntimeException e) {
      log.warn("Building suggestions failed", e);
    } finally {
      synchronized (changes) {
        building = false;
        if (built) {
          List<Change> apply = deferred;
          deferred = new ArrayList<>();
          for (Change change : apply) {
            apply(change);
          }
        }
      }
    }
  }

  /** Suggests {@code item}'s title from now on, in place of any title it had. */
  void put(PublishedListing item) {
    update(List.of(item), List.of());
  }

  /** Stops suggesting the item {@code id}. */
  void remove(long id) {
    update(List.of(), List.of(id));
  }

  /**
   * Suggests the titles of {@code put} from now on, in place of any they had, and stops suggesting
   * {@code removed}: as {@link #put} and {@link #remove}, with one refresh for them all (a refresh
   * is most of a change's cost).
   */
  void update(List<PublishedListing> put, List<Long> removed) {
    if (put.isEmpty() && removed.isEmpty()) {
      return;
    }
    change(
        () -> {
          for (long id : removed) {
            suggester.remove(id);
          }
          for (PublishedListing item : put) {
            suggester.remove(item.id());
            Entry entry = entry(item);
            suggester.add(
                new BytesRef(entry.text()),
                entry.contexts(),
                entry.weight(),
                new BytesRef(entry.payload()));
          }
        });
  }

  private void change(Change change) {
    synchronized (changes) {
      if (building || !built) {
        deferred.add(change);
      } else {
        apply(change);
      }
    }
  }

  private void apply(Change change) {
    try {
      change.apply();
      suggester.refresh();
    } catch (IOException | RuntimeException e) {
      // The catalog keeps the item; the next start builds the suggestions from it.
      log.warn("Updating suggestions failed", e);
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

  /**
   * An item's title, tagged with the item (a context no lookup asks for) so that it can be taken
   * out again when the item is re-published with another title, or archived.
   */
  private static Entry entry(PublishedListing item) {
    Set<BytesRef> contexts =
        item.type() == ContentType.MODULE
            ? Set.of(MEMBERS, Suggester.item(item.id()))
            : Set.of(PUBLIC, MEMBERS, Suggester.item(item.id()));
    return new Entry(
        item.title(),
        item.type() == ContentType.COURSE ? 3 : 2,
        String.join("|", item.type().key(), item.slug(), item.lang()),
        contexts);
  }

  private static Entry topic(String label, String id, String lang) {
    return new Entry(label, 1, "topic|" + id + "|" + lang, Set.of(PUBLIC, MEMBERS));
  }

  /** Lucene's infix suggester, its writer kept open after building, and entries taken out. */
  private static final class Suggester extends AnalyzingInfixSuggester {

    Suggester(Directory directory) throws IOException {
      super(
          directory,
          IndexSchema.mixed(),
          IndexSchema.mixed(),
          1,
          true,
          DEFAULT_ALL_TERMS_REQUIRED,
          DEFAULT_HIGHLIGHT,
          false);
    }

    static BytesRef item(long id) {
      return new BytesRef("item:" + id);
    }

    /** Takes out the item {@code id}'s entry, if it has one. */
    void remove(long id) throws IOException {
      synchronized (writerLock) {
        if (writer != null) {
          writer.deleteDocuments(new Term(CONTEXTS_FIELD_NAME, item(id)));
        }
      }
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
