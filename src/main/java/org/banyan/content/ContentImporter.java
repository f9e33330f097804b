package org.banyan.content;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.banyan.account.AuditLog;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.ProblemException;
import org.banyan.problem.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a {@code content/} tree as published revisions. Idempotent: a file whose content is
 * already published is skipped, a changed one becomes a new revision. Each file is imported in its
 * own transaction, so a bad file is reported with its path, line and reason while the rest import.
 */
@Service
class ContentImporter {

  private static final Logger log = LoggerFactory.getLogger(ContentImporter.class);

  private final ContentStore store;
  private final ContentCodec codec;
  private final ContentLookups lookups;
  private final Authoring authoring;
  private final Catalog catalog;
  private final MediaLibrary media;
  private final TaxonomyHolder taxonomy;
  private final ContentFolder folder;
  private final ApplicationEventPublisher events;
  private final CatalogChanges changes;
  private final AuditLog audit;
  private final MessageSource messages;
  private final TransactionTemplate transactions;
  private final ImportLimits limits;
  private final Markdown markdown;
  private final Clock clock;

  ContentImporter(
      ContentStore store,
      ContentCodec codec,
      ContentLookups lookups,
      Authoring authoring,
      Catalog catalog,
      MediaLibrary media,
      TaxonomyHolder taxonomy,
      ContentFolder folder,
      ApplicationEventPublisher events,
      CatalogChanges changes,
      AuditLog audit,
      MessageSource messages,
      PlatformTransactionManager transactions,
      ImportLimits limits,
      Markdown markdown,
      Clock clock) {
    this.store = store;
    this.codec = codec;
    this.lookups = lookups;
    this.authoring = authoring;
    this.catalog = catalog;
    this.media = media;
    this.taxonomy = taxonomy;
    this.folder = folder;
    this.events = events;
    this.changes = changes;
    this.audit = audit;
    this.messages = messages;
    this.transactions = new TransactionTemplate(transactions);
    this.limits = limits;
    this.markdown = markdown;
    this.clock = clock;
  }

  /** Imports the {@code content/} folder (or the copy packed into the jar). */
  public ImportReport importFolder(String actor) {
    return importFiles(actor, folder.files());
  }

  /**
   * Imports a zip in the export format, read as a stream within {@link ImportLimits}; each file may
   * be as large as a media upload.
   *
   * @throws ZipRefused past a limit, or when it is not a zip
   */
  public ImportReport importZip(String actor, java.io.InputStream zip) throws java.io.IOException {
    try (ContentZip files = ContentZip.read(zip, limits, media.maxFileSize())) {
      return importFiles(actor, files.files());
    }
  }

  /** Whether the store has no content at all: a first start. */
  public boolean isEmpty() {
    return store.allItems().isEmpty();
  }

  ImportReport importFiles(String actor, List<ContentFile> files) {
    ImportFiles sorted = ImportFiles.sort(files);
    List<ImportReport.ImportError> errors = new ArrayList<>(sorted.errors());
    List<ImportReport.ImportError> warnings = new ArrayList<>();
    if (sorted.taxonomy() != null) {
      try {
        taxonomy.set(sorted.taxonomy().text());
      } catch (RuntimeException e) {
        errors.add(
            new ImportReport.ImportError(
                sorted.taxonomy().path(), 1, "not a valid taxonomy: " + e.getMessage()));
      }
    }
    Map<String, ContentFile> mediaFiles = sorted.media();
    Map<ContentType, List<ContentFile>> byType = sorted.items();
    Map<String, String> mediaIds = new HashMap<>();
    int[] counts = new int[3];
    for (ContentType type : List.of(ContentType.LESSON, ContentType.COURSE, ContentType.MODULE)) {
      for (ContentFile file : byType.getOrDefault(type, List.of())) {
        try {
          Outcome outcome =
              transactions.execute(
                  status ->
                      importFile(
                          actor,
                          type,
                          file,
                          name -> mediaId(actor, name, mediaFiles, mediaIds),
                          warnings));
          counts[outcome.ordinal()]++;
        } catch (FileProblem problem) {
          errors.add(new ImportReport.ImportError(file.path(), problem.line, problem.getMessage()));
        } catch (ProblemException e) {
          errors.add(new ImportReport.ImportError(file.path(), 1, e.getMessage()));
        } catch (RuntimeException e) {
          log.warn("Import of {} failed", file.path(), e);
          errors.add(
              new ImportReport.ImportError(
                  file.path(), 1, "could not be imported: " + e.getMessage()));
        }
      }
    }
    ImportReport report =
        new ImportReport(
            counts[0], counts[1], counts[2], List.copyOf(errors), List.copyOf(warnings));
    audit.record(
        actor,
        "CONTENT_IMPORTED",
        null,
        "imported="
            + report.imported()
            + " updated="
            + report.updated()
            + " skipped="
            + report.skipped()
            + " errors="
            + report.errors().size());
    return report;
  }

  private enum Outcome {
    IMPORTED,
    UPDATED,
    SKIPPED
  }

  private static final class FileProblem extends RuntimeException {
    final int line;

    FileProblem(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  /** The file's refused fields as one problem, at the line of the first. */
  private FileProblem problem(FrontMatter.Parsed parsed, List<Violation> violations) {
    Violation first = violations.get(0);
    String reasons =
        violations.stream()
            .map(
                v ->
                    v.field()
                        + " "
                        + messages.getMessage(
                            v.code(), v.args().toArray(), v.code(), java.util.Locale.ENGLISH))
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    return new FileProblem(parsed.lineOf(first.field()), reasons);
  }

  /** Where a file's Markdown would still show an emphasis marker once rendered. */
  private List<ImportReport.ImportError> unrenderedEmphasis(ContentFile file, Content content) {
    List<String> markdowns = new ArrayList<>();
    markdowns.add(content.markdown());
    if (content instanceof ModuleContent module) {
      module.units().forEach(unit -> markdowns.add(unit.markdown()));
    }
    String text = file.text();
    List<ImportReport.ImportError> found = new ArrayList<>();
    for (String place :
        markdowns.stream().flatMap(m -> markdown.unrenderedEmphasis(m).stream()).toList()) {
      int at = text.indexOf(place);
      int line =
          at < 0 ? 1 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
      found.add(
          new ImportReport.ImportError(
              file.path(), line, "Markdown would show an emphasis marker here: " + place));
    }
    return found;
  }

  private Outcome importFile(
      String actor,
      ContentType type,
      ContentFile file,
      java.util.function.Function<String, String> mediaIds,
      List<ImportReport.ImportError> warnings) {
    FrontMatter.Parsed parsed;
    try {
      parsed = FrontMatter.parse(file.text());
    } catch (FrontMatter.Problem problem) {
      throw new FileProblem(problem.line, problem.getMessage());
    }
    ContentFiles.Read read;
    try {
      read = ContentFiles.read(type, parsed.fields(), parsed.body(), mediaIds);
    } catch (ContentFiles.BadField bad) {
      throw new FileProblem(parsed.lineOf(bad.field), bad.getMessage());
    } catch (InvalidInput refused) {
      throw problem(parsed, refused.violations());
    }
    Matcher name = ImportFiles.FILE.matcher(file.path());
    name.matches();
    if (!name.group(2).equals(read.slug()) || !name.group(3).equals(read.lang())) {
      throw new FileProblem(
          parsed.lineOf("slug"),
          "slug and lang must match the file name " + name.group(2) + "." + name.group(3) + ".md");
    }
    List<Violation> violations = new ArrayList<>(ContentRules.checkSlug(read.slug()));
    violations.addAll(ContentRules.check(lookups, type, read.lang(), read.content()));
    if (!violations.isEmpty()) {
      throw problem(parsed, violations);
    }
    warnings.addAll(unrenderedEmphasis(file, read.content()));
    String fields = codec.write(read.content());
    String checksum = ContentCodec.checksum(fields);
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    java.time.LocalDate reviewBy =
        read.content() instanceof LessonContent lesson ? lesson.reviewBy() : null;
    Optional<ContentStore.ItemRow> existing = store.item(type, read.lang(), read.slug());
    Outcome outcome;
    long id;
    int revision;
    if (existing.isEmpty()) {
      id = store.insertItem(type, read.lang(), read.slug(), read.translationGroup(), actor, now);
      revision = 1;
      outcome = Outcome.IMPORTED;
    } else {
      ContentStore.ItemRow item = existing.get();
      if (item.publishedRevision() != null
          && item.status() != Status.ARCHIVED
          && store
              .revision(item.id(), item.publishedRevision())
              .map(r -> r.checksum().equals(checksum))
              .orElse(false)) {
        return Outcome.SKIPPED;
      }
      id = item.id();
      revision = item.latestRevision() + 1;
      if (!store.advance(id, item.latestRevision(), now)) {
        throw new FileProblem(1, "the item changed during the import; import again");
      }
      outcome = Outcome.UPDATED;
    }
    authoring.saveRevision(
        id, revision, actor, read.content(), "Imported from " + file.path(), now);
    store.publishImported(id, revision, reviewBy, now);
    store.insertReview(id, revision, actor, "IMPORTED", null, now);
    changes.itemChanged(id);
    events.publishEvent(ContentPublished.of(catalog.published(id).orElseThrow()));
    return outcome;
  }

  private String mediaId(
      String actor, String name, Map<String, ContentFile> files, Map<String, String> cache) {
    if (cache.containsKey(name)) {
      return cache.get(name);
    }
    ContentFile file = files.get(name);
    if (file == null) {
      return null;
    }
    Media stored = media.importFile(actor, name, file.content());
    cache.put(name, stored.id());
    return stored.id();
  }
}
