package org.banyan.training;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.banyan.content.Markdown;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
import org.banyan.course.Classes;
import org.banyan.course.LessonDelivered;
import org.banyan.course.PersonalData;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.banyan.web.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A teacher working through a module: completing units, quizzes scored on the server, practice in
 * class, and the certificate at the end. Every action appends a statement to {@link Statements}; a
 * unit's completion is a row that the database holds at most once, and every change to one
 * teacher's progress in a module first locks that teacher's enrolment, so the "last unit done"
 * check and the certificate happen exactly once however requests race.
 */
@Service
public class Progress {

  static final int MAX_TEXT = 4000;
  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  record Enrolment(
      String username,
      long moduleItemId,
      String moduleLang,
      String moduleSlug,
      int moduleRevision,
      OffsetDateTime startedAt,
      OffsetDateTime completedAt,
      String certificateCode) {}

  record Completion(
      String unitId, OffsetDateTime completedAt, LocalDate practiceOn, Integer practiceRating) {}

  record QuizTally(String unitId, int attempts, Double best, OffsetDateTime lastAttempt) {}

  private static final String ENROLMENT =
      "SELECT username, module_item_id, module_lang, module_slug, module_revision, started_at,"
          + " completed_at, certificate_code FROM training_enrolments";

  private final JdbcClient db;
  private final Modules modules;
  private final Statements statements;
  private final Classes classes;
  private final MediaLibrary media;
  private final Markdown markdown;
  private final TrainingTime time;
  private final JsonMapper json;
  private final Inserts inserts;

  Progress(
      JdbcClient db,
      Modules modules,
      Statements statements,
      Classes classes,
      MediaLibrary media,
      Markdown markdown,
      TrainingTime time,
      JsonMapper json,
      Inserts inserts) {
    this.db = db;
    this.modules = modules;
    this.statements = statements;
    this.classes = classes;
    this.media = media;
    this.markdown = markdown;
    this.time = time;
    this.json = json;
    this.inserts = inserts;
  }

  /**
   * The published module {@code lang/slug} as {@code teacher} works through it, at the revision
   * they started (or were assigned); nothing is recorded by looking.
   */
  public ModuleProgress module(String teacher, String lang, String slug) {
    PublishedItem item = modules.get(lang, slug);
    Optional<Enrolment> enrolment = enrolment(teacher, item.id());
    int revision =
        enrolment.map(Enrolment::moduleRevision).orElseGet(() -> assignedRevision(teacher, item));
    ModuleContent content = modules.revision(item.id(), revision);
    Map<String, Completion> done = completions(teacher, item.id());
    Map<String, QuizTally> quizzes = quizTallies(teacher, item.id());
    Map<String, String> responses = responses(teacher, item.id());
    List<ModuleProgress.UnitProgress> units = new ArrayList<>();
    int position = 0;
    int doneCount = 0;
    for (ModuleContent.Unit unit : content.units()) {
      Completion completion = done.get(unit.id());
      if (completion != null) {
        doneCount++;
      }
      QuizTally tally = quizzes.get(unit.id());
      QuizAttempts.Allowance allowance =
          "quiz".equals(unit.type())
              ? allowance(unit, tally)
              : new QuizAttempts.Allowance(null, null);
      units.add(
          new ModuleProgress.UnitProgress(
              ++position,
              unit.id(),
              unit.type(),
              unit.title(),
              unit.markdown() == null ? null : markdown.toHtml(unit.markdown()),
              mediaUrl(unit),
              mediaType(unit),
              unit.prompt(),
              unit.lessonSlug(),
              unit.lessonSlug() == null
                  ? null
                  : modules.lessonTitle(item.lang(), unit.lessonSlug()),
              questions(unit, completion != null),
              unit.passMark(),
              completion != null,
              completion == null ? null : completion.completedAt(),
              tally == null ? 0 : tally.attempts(),
              tally == null || tally.best() == null ? null : percent(tally.best()),
              unit.maxAttempts(),
              allowance.left(),
              allowance.nextAt(),
              responses.get(unit.id()),
              completion == null ? null : completion.practiceOn(),
              completion == null ? null : completion.practiceRating()));
    }
    int total = content.units().size();
    boolean active = enrolment.isPresent() || !quizzes.isEmpty();
    TrainingStatus status =
        TrainingStatus.of(doneCount, total, active, overdue(teacher, item.id(), time.today()));
    return new ModuleProgress(
        item.slug(),
        item.lang(),
        content.title(),
        content.markdown() == null ? null : markdown.toHtml(content.markdown()),
        content.estimatedMinutes(),
        revision,
        status,
        doneCount,
        total,
        TrainingStatus.percent(doneCount, total),
        earliestDue(teacher, item.id()),
        enrolment.map(Enrolment::completedAt).orElse(null),
        enrolment.map(Enrolment::certificateCode).orElse(null),
        units);
  }

  /**
   * A module a teacher has started, on their own or through an assignment.
   *
   * @param certificate the verification code once complete; else null
   */
  public record StartedModule(
      ModuleLink module,
      TrainingStatus status,
      int percent,
      OffsetDateTime completedAt,
      String certificate) {}

  /** The modules the teacher has started, most recent first. */
  public List<StartedModule> started(String teacher) {
    return db
        .sql(ENROLMENT + " WHERE username = :teacher ORDER BY started_at DESC")
        .param("teacher", teacher)
        .query(Enrolment.class)
        .list()
        .stream()
        .map(
            e -> {
              ModuleContent content = modules.revision(e.moduleItemId(), e.moduleRevision());
              Map<String, Completion> done = completions(teacher, e.moduleItemId());
              int count = (int) Modules.unitIds(content).stream().filter(done::containsKey).count();
              int total = content.units().size();
              return new StartedModule(
                  new ModuleLink(e.moduleSlug(), e.moduleLang(), content.title()),
                  TrainingStatus.of(count, total, true, false),
                  TrainingStatus.percent(count, total),
                  e.completedAt(),
                  e.certificateCode());
            })
        .toList();
  }

  /**
   * Completes a unit, or for a quiz records an attempt that completes it when it passes.
   *
   * @throws UnitNotFound when the teacher's revision of the module has no such unit
   * @throws InvalidInput for a quiz without answers or with impossible ones, a reflection without
   *     text or with too much
   * @throws PracticeNotTaught for a practice unit whose lesson the teacher has not taught yet
   */
  @Transactional
  public CompletionResult complete(
      String teacher, String lang, String slug, String unitId, UnitAnswer answer) {
    PublishedItem item = modules.get(lang, slug);
    statements.lock();
    Enrolment enrolment = enrol(teacher, item.id(), lang, slug, assignedRevision(teacher, item));
    ModuleContent content = modules.revision(item.id(), enrolment.moduleRevision());
    ModuleContent.Unit unit =
        content.units().stream()
            .filter(u -> u.id().equals(unitId))
            .findFirst()
            .orElseThrow(() -> UnitNotFound.forId(unitId));
    Statements.ModuleRef ref = ref(enrolment, content);
    UnitAnswer given = answer == null ? new UnitAnswer(null, null) : answer;
    CompletionResult.UnitResult result =
        switch (unit.type()) {
          case "quiz" -> quiz(teacher, ref, unit, given);
          case "reflection" -> reflection(teacher, ref, unit, given);
          case "practice" -> practice(teacher, ref, unit);
          default -> {
            completeOnce(
                teacher, ref, unit, Statements.Verb.EXPERIENCED, Statements.Result.completed());
            yield CompletionResult.UnitResult.completed();
          }
        };
    return new CompletionResult(result, finish(teacher, enrolment, content, ref));
  }

  /**
   * A lesson was taught: completes every practice unit that asks for it in the modules the teacher
   * has started or been assigned, in the lesson's language. Runs in its own transaction, after the
   * delivery has been committed.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void practiceTaught(LessonDelivered delivery) {
    statements.lock();
    Map<Long, Enrolment> candidates = new LinkedHashMap<>();
    db.sql(ENROLMENT + " WHERE username = :teacher AND module_lang = :lang")
        .param("teacher", delivery.teacher())
        .param("lang", delivery.lang())
        .query(Enrolment.class)
        .list()
        .forEach(e -> candidates.put(e.moduleItemId(), e));
    db.sql(
            """
            SELECT a.module_item_id, a.module_lang, a.module_slug, max(a.module_revision) AS revision
            FROM training_assignments a JOIN training_assignees s ON s.assignment_id = a.id
            WHERE s.username = :teacher AND a.module_lang = :lang AND a.withdrawn_at IS NULL
            GROUP BY a.module_item_id, a.module_lang, a.module_slug
            """)
        .param("teacher", delivery.teacher())
        .param("lang", delivery.lang())
        .query(
            (rs, n) ->
                new Enrolment(
                    delivery.teacher(),
                    rs.getLong("module_item_id"),
                    rs.getString("module_lang"),
                    rs.getString("module_slug"),
                    rs.getInt("revision"),
                    null,
                    null,
                    null))
        .list()
        .forEach(e -> candidates.putIfAbsent(e.moduleItemId(), e));
    for (Enrolment candidate : candidates.values()) {
      ModuleContent content =
          modules.revision(candidate.moduleItemId(), candidate.moduleRevision());
      if (practiceUnit(content, delivery.lessonSlug()).isEmpty()) {
        continue;
      }
      Enrolment enrolment =
          enrol(
              delivery.teacher(),
              candidate.moduleItemId(),
              candidate.moduleLang(),
              candidate.moduleSlug(),
              candidate.moduleRevision());
      ModuleContent played = modules.revision(enrolment.moduleItemId(), enrolment.moduleRevision());
      Optional<ModuleContent.Unit> unit = practiceUnit(played, delivery.lessonSlug());
      if (unit.isPresent()) {
        Statements.ModuleRef ref = ref(enrolment, played);
        completePractice(delivery.teacher(), ref, unit.get(), delivery);
        finish(delivery.teacher(), enrolment, played, ref);
      }
    }
  }

  private CompletionResult.UnitResult quiz(
      String teacher, Statements.ModuleRef ref, ModuleContent.Unit unit, UnitAnswer answer) {
    QuizScoring.Score score = QuizScoring.score(unit, answer.answers());
    QuizAttempts.check(unit, allowance(unit, quizTallies(teacher, ref.itemId()).get(unit.id())));
    Statements.Result result =
        new Statements.Result(
            score.right(), score.questions(), score.passed(), score.passed(), null, null);
    UUID id =
        statements.append(
            teacher,
            score.passed() ? Statements.Verb.PASSED : Statements.Verb.FAILED,
            ref,
            unit,
            result);
    boolean completed =
        score.passed() && insertCompletionWithId(teacher, ref, unit, id, null, null);
    completed = completed || completions(teacher, ref.itemId()).containsKey(unit.id());
    QuizTally tally = quizTallies(teacher, ref.itemId()).get(unit.id());
    QuizAttempts.Allowance allowance = allowance(unit, tally);
    return new CompletionResult.UnitResult(
        completed ? TrainingStatus.COMPLETED : TrainingStatus.IN_PROGRESS,
        score.percent(),
        score.passed(),
        tally == null || tally.best() == null ? score.percent() : percent(tally.best()),
        tally == null ? 1 : tally.attempts(),
        allowance.left(),
        allowance.nextAt());
  }

  private CompletionResult.UnitResult reflection(
      String teacher, Statements.ModuleRef ref, ModuleContent.Unit unit, UnitAnswer answer) {
    String text = answer.text() == null ? "" : answer.text().strip();
    if (text.isEmpty()) {
      throw InvalidInput.of("text", "invalid.required");
    }
    if (text.length() > MAX_TEXT) {
      throw InvalidInput.of("text", "invalid.tooLong", MAX_TEXT);
    }
    if (PersonalData.suspect(text).isPresent()) {
      throw InvalidInput.of("text", "invalid.training.personal");
    }
    UUID id =
        statements.append(
            teacher,
            Statements.Verb.ANSWERED,
            ref,
            unit,
            new Statements.Result(null, null, null, true, text, null));
    insertCompletionWithId(teacher, ref, unit, id, null, null);
    return CompletionResult.UnitResult.completed();
  }

  private CompletionResult.UnitResult practice(
      String teacher, Statements.ModuleRef ref, ModuleContent.Unit unit) {
    if (!completions(teacher, ref.itemId()).containsKey(unit.id())) {
      List<LessonDelivered> taught = classes.deliveriesOf(teacher, ref.lang(), unit.lessonSlug());
      if (taught.isEmpty()) {
        throw PracticeNotTaught.lesson(ref.lang(), unit.lessonSlug());
      }
      completePractice(teacher, ref, unit, taught.get(0));
    }
    return CompletionResult.UnitResult.completed();
  }

  private void completePractice(
      String teacher, Statements.ModuleRef ref, ModuleContent.Unit unit, LessonDelivered delivery) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put(
        "lesson", statements.base() + "/lessons/" + ref.lang() + "/" + unit.lessonSlug());
    extensions.put("delivered-on", delivery.deliveredOn().toString());
    if (delivery.rating() != null) {
      extensions.put("rating", delivery.rating());
    }
    completeOnce(
        teacher,
        ref,
        unit,
        Statements.Verb.COMPLETED,
        new Statements.Result(null, null, null, true, null, extensions),
        delivery.deliveredOn(),
        delivery.rating());
  }

  private void completeOnce(
      String teacher,
      Statements.ModuleRef ref,
      ModuleContent.Unit unit,
      Statements.Verb verb,
      Statements.Result result) {
    completeOnce(teacher, ref, unit, verb, result, null, null);
  }

  /** Records the completion and its statement, unless the unit is complete already. */
  private void completeOnce(
      String teacher,
      Statements.ModuleRef ref,
      ModuleContent.Unit unit,
      Statements.Verb verb,
      Statements.Result result,
      LocalDate practiceOn,
      Integer practiceRating) {
    if (completions(teacher, ref.itemId()).containsKey(unit.id())) {
      return;
    }
    UUID id = UUID.randomUUID();
    if (insertCompletionWithId(teacher, ref, unit, id, practiceOn, practiceRating)) {
      statements.appendWithId(id, teacher, verb, ref, unit, result);
    }
  }

  private boolean insertCompletionWithId(
      String teacher,
      Statements.ModuleRef ref,
      ModuleContent.Unit unit,
      UUID statementId,
      LocalDate practiceOn,
      Integer practiceRating) {
    return inserts.ifAbsent(
        () ->
            db.sql(
                    """
                    INSERT INTO training_completions (username, module_item_id, unit_id, completed_at,
                        statement_id, practice_on, practice_rating)
                    VALUES (:teacher, :item, :unit, :now, :statement, :on, :rating)
                    """)
                .param("teacher", teacher)
                .param("item", ref.itemId())
                .param("unit", unit.id())
                .param("now", time.now())
                .param("statement", statementId)
                .param("on", practiceOn)
                .param("rating", practiceRating)
                .update());
  }

  /**
   * When every unit of the teacher's revision is complete and the module was not yet, records the
   * completion, the certificate and the module's "completed" statement; answers the module's state.
   */
  private CompletionResult.ModuleResult finish(
      String teacher, Enrolment enrolment, ModuleContent content, Statements.ModuleRef ref) {
    List<String> units = Modules.unitIds(content);
    int done =
        units.isEmpty()
            ? 0
            : db.sql(
                    "SELECT count(*) FROM training_completions WHERE username = :teacher"
                        + " AND module_item_id = :item AND unit_id IN (:units)")
                .param("teacher", teacher)
                .param("item", enrolment.moduleItemId())
                .param("units", units)
                .query(Integer.class)
                .single();
    String certificate = enrolment.certificateCode();
    if (done >= units.size() && !units.isEmpty() && enrolment.completedAt() == null) {
      certificate = newCode();
      db.sql(
              "UPDATE training_enrolments SET completed_at = :now, certificate_code = :code"
                  + " WHERE username = :teacher AND module_item_id = :item AND completed_at IS NULL")
          .param("now", time.now())
          .param("code", certificate)
          .param("teacher", teacher)
          .param("item", enrolment.moduleItemId())
          .update();
      statements.append(
          teacher, Statements.Verb.COMPLETED, ref, null, Statements.Result.completed());
    }
    TrainingStatus status =
        TrainingStatus.of(
            done, units.size(), true, overdue(teacher, enrolment.moduleItemId(), time.today()));
    return new CompletionResult.ModuleResult(
        status,
        TrainingStatus.percent(done, units.size()),
        status == TrainingStatus.COMPLETED ? certificate : null);
  }

  /**
   * The teacher's enrolment in a module, created (with an "attempted" statement) on first use, and
   * locked until the transaction ends.
   */
  private Enrolment enrol(String teacher, long itemId, String lang, String slug, int revision) {
    if (enrolment(teacher, itemId).isEmpty()) {
      boolean created =
          inserts.ifAbsent(
              () ->
                  db.sql(
                          """
                          INSERT INTO training_enrolments (username, module_item_id, module_lang,
                              module_slug, module_revision, started_at)
                          VALUES (:teacher, :item, :lang, :slug, :revision, :now)
                          """)
                      .param("teacher", teacher)
                      .param("item", itemId)
                      .param("lang", lang)
                      .param("slug", slug)
                      .param("revision", revision)
                      .param("now", time.now())
                      .update());
      if (created) {
        ModuleContent content = modules.revision(itemId, revision);
        statements.append(
            teacher,
            Statements.Verb.ATTEMPTED,
            new Statements.ModuleRef(itemId, lang, slug, revision, content.title()),
            null,
            null);
      }
    }
    return db.sql(ENROLMENT + " WHERE username = :teacher AND module_item_id = :item FOR UPDATE")
        .param("teacher", teacher)
        .param("item", itemId)
        .query(Enrolment.class)
        .single();
  }

  Optional<Enrolment> enrolment(String teacher, long itemId) {
    return db.sql(ENROLMENT + " WHERE username = :teacher AND module_item_id = :item")
        .param("teacher", teacher)
        .param("item", itemId)
        .query(Enrolment.class)
        .optional();
  }

  /** The revision of the teacher's latest live assignment of the module, else the published one. */
  private int assignedRevision(String teacher, PublishedItem item) {
    return db
        .sql(
            """
            SELECT a.module_revision FROM training_assignments a
            JOIN training_assignees s ON s.assignment_id = a.id
            WHERE s.username = :teacher AND a.module_item_id = :item AND a.withdrawn_at IS NULL
            ORDER BY a.created_at DESC, a.id DESC
            """)
        .param("teacher", teacher)
        .param("item", item.id())
        .query(Integer.class)
        .list()
        .stream()
        .findFirst()
        .orElse(item.revision());
  }

  private boolean overdue(String teacher, long itemId, LocalDate today) {
    LocalDate due = earliestDue(teacher, itemId);
    return due != null && due.isBefore(today);
  }

  private LocalDate earliestDue(String teacher, long itemId) {
    return db.sql(
            """
            SELECT min(a.due_on) FROM training_assignments a
            JOIN training_assignees s ON s.assignment_id = a.id
            WHERE s.username = :teacher AND a.module_item_id = :item AND a.withdrawn_at IS NULL
            """)
        .param("teacher", teacher)
        .param("item", itemId)
        .query(LocalDate.class)
        .optional()
        .orElse(null);
  }

  Map<String, Completion> completions(String teacher, long itemId) {
    Map<String, Completion> done = new HashMap<>();
    db.sql(
            "SELECT unit_id, completed_at, practice_on, practice_rating FROM training_completions"
                + " WHERE username = :teacher AND module_item_id = :item")
        .param("teacher", teacher)
        .param("item", itemId)
        .query(Completion.class)
        .list()
        .forEach(c -> done.put(c.unitId(), c));
    return done;
  }

  private Map<String, QuizTally> quizTallies(String teacher, long itemId) {
    Map<String, QuizTally> tallies = new HashMap<>();
    db.sql(
            """
            SELECT unit_id, count(*) AS attempts, max(score_scaled) AS best,
                   max(occurred_at) AS last_attempt
            FROM xapi_statements
            WHERE actor = :teacher AND module_item_id = :item AND verb IN (:verbs)
            GROUP BY unit_id
            """)
        .param("teacher", teacher)
        .param("item", itemId)
        .param("verbs", List.of(Statements.Verb.PASSED.iri(), Statements.Verb.FAILED.iri()))
        .query(QuizTally.class)
        .list()
        .forEach(t -> tallies.put(t.unitId(), t));
    return tallies;
  }

  private QuizAttempts.Allowance allowance(ModuleContent.Unit quiz, QuizTally tally) {
    return QuizAttempts.of(
        quiz,
        tally == null ? 0 : tally.attempts(),
        tally == null ? null : tally.lastAttempt(),
        time.now());
  }

  /** The latest reflection text of each unit, read back from the statements. */
  private Map<String, String> responses(String teacher, long itemId) {
    Map<String, String> latest = new HashMap<>();
    db.sql(
            """
            SELECT unit_id, statement FROM xapi_statements
            WHERE actor = :teacher AND module_item_id = :item AND verb = :verb ORDER BY seq
            """)
        .param("teacher", teacher)
        .param("item", itemId)
        .param("verb", Statements.Verb.ANSWERED.iri())
        .query(
            (rs, n) -> {
              JsonNode response = json.readTree(rs.getString("statement")).path("result");
              latest.put(rs.getString("unit_id"), response.path("response").asString(null));
              return null;
            })
        .list();
    return latest;
  }

  private List<ModuleProgress.Question> questions(ModuleContent.Unit unit, boolean passed) {
    if (unit.questions() == null) {
      return null;
    }
    return unit.questions().stream()
        .map(
            q ->
                new ModuleProgress.Question(
                    q.id(),
                    q.text(),
                    q.choices(),
                    q.correct().size() > 1,
                    passed ? q.correct() : null))
        .toList();
  }

  private String mediaUrl(ModuleContent.Unit unit) {
    return unit.mediaId() == null ? null : media.find(unit.mediaId()).map(Media::url).orElse(null);
  }

  private String mediaType(ModuleContent.Unit unit) {
    return unit.mediaId() == null
        ? null
        : media.find(unit.mediaId()).map(Media::contentType).orElse(null);
  }

  private static Optional<ModuleContent.Unit> practiceUnit(ModuleContent content, String lesson) {
    return content.units().stream()
        .filter(u -> "practice".equals(u.type()) && lesson.equals(u.lessonSlug()))
        .findFirst();
  }

  private static Statements.ModuleRef ref(Enrolment enrolment, ModuleContent content) {
    return new Statements.ModuleRef(
        enrolment.moduleItemId(),
        enrolment.moduleLang(),
        enrolment.moduleSlug(),
        enrolment.moduleRevision(),
        content.title());
  }

  static int percent(double scaled) {
    return (int) Math.floor(scaled * 100 + 1e-9);
  }

  private static String newCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return code.toString();
  }
}
