package org.banyan.training;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.content.Markdown;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.springframework.stereotype.Component;

/**
 * What a teacher sees of their training: the module player's view of one module, and the modules
 * they have started. Nothing is recorded by looking.
 */
@Component
class ModuleViews {

  private final Modules modules;
  private final ProgressStore store;
  private final MediaLibrary media;
  private final Markdown markdown;
  private final TrainingTime time;

  ModuleViews(
      Modules modules,
      ProgressStore store,
      MediaLibrary media,
      Markdown markdown,
      TrainingTime time) {
    this.modules = modules;
    this.store = store;
    this.media = media;
    this.markdown = markdown;
    this.time = time;
  }

  /**
   * The published module {@code lang/slug} as {@code teacher} works through it, at the revision
   * they started (or were assigned).
   */
  ModuleProgress module(String teacher, String lang, String slug) {
    PublishedItem item = modules.get(lang, slug);
    Optional<ProgressStore.Enrolment> enrolment = store.enrolment(teacher, item.id());
    int revision =
        enrolment
            .map(ProgressStore.Enrolment::moduleRevision)
            .orElseGet(() -> store.assignedRevision(teacher, item.id()).orElse(item.revision()));
    ModuleContent content = modules.revision(item.id(), revision);
    Map<String, ProgressStore.Completion> done = store.completions(teacher, item.id());
    Map<String, ProgressStore.QuizTally> quizzes = store.quizTallies(teacher, item.id());
    List<ModuleProgress.UnitProgress> units =
        units(item.lang(), content, done, quizzes, store.responses(teacher, item.id()));
    int doneCount = (int) units.stream().filter(ModuleProgress.UnitProgress::completed).count();
    int total = content.units().size();
    boolean active = enrolment.isPresent() || !quizzes.isEmpty();
    TrainingStatus status =
        TrainingStatus.of(
            doneCount, total, active, store.overdue(teacher, item.id(), time.today()));
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
        store.earliestDue(teacher, item.id()),
        enrolment.map(ProgressStore.Enrolment::completedAt).orElse(null),
        enrolment.map(ProgressStore.Enrolment::certificateCode).orElse(null),
        units);
  }

  /** Each unit of {@code content} as the player shows it, given the teacher's progress in it. */
  private List<ModuleProgress.UnitProgress> units(
      String lang,
      ModuleContent content,
      Map<String, ProgressStore.Completion> done,
      Map<String, ProgressStore.QuizTally> quizzes,
      Map<String, String> responses) {
    OffsetDateTime now = time.now();
    List<ModuleProgress.UnitProgress> units = new ArrayList<>();
    int position = 0;
    for (ModuleContent.Unit unit : content.units()) {
      ProgressStore.Completion completion = done.get(unit.id());
      ProgressStore.QuizTally tally = quizzes.get(unit.id());
      TypeParts parts =
          switch (unit.type()) {
            case READING -> TypeParts.NONE;
            case MEDIA -> media((ModuleContent.Media) unit);
            case REFLECTION ->
                new TypeParts(
                    null,
                    null,
                    ((ModuleContent.Reflection) unit).prompt(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    TypeParts.NO_LIMIT);
            case QUIZ -> quiz((ModuleContent.Quiz) unit, completion != null, tally, now);
            case PRACTICE -> practice(lang, (ModuleContent.Practice) unit);
          };
      units.add(
          new ModuleProgress.UnitProgress(
              ++position,
              unit.id(),
              unit.type(),
              unit.title(),
              unit.markdown() == null ? null : markdown.toHtml(unit.markdown()),
              parts.mediaUrl(),
              parts.mediaType(),
              parts.prompt(),
              parts.lessonSlug(),
              parts.lessonTitle(),
              parts.questions(),
              parts.passMark(),
              completion != null,
              completion == null ? null : completion.completedAt(),
              tally == null ? 0 : tally.attempts(),
              tally == null || tally.best() == null ? null : Progress.percent(tally.best()),
              parts.maxAttempts(),
              parts.allowance().left(),
              parts.allowance().nextAt(),
              responses.get(unit.id()),
              completion == null ? null : completion.practiceOn(),
              completion == null ? null : completion.practiceRating()));
    }
    return units;
  }

  /**
   * A draft module as the player will show it to a teacher who has not started it: every unit, its
   * quiz questions included, for its author's preview before it is published.
   */
  ModuleProgress preview(PublishedItem draft) {
    ModuleContent content = (ModuleContent) draft.content();
    List<ModuleProgress.UnitProgress> units =
        units(draft.lang(), content, Map.of(), Map.of(), Map.of());
    return new ModuleProgress(
        draft.slug(),
        draft.lang(),
        content.title(),
        content.markdown() == null ? null : markdown.toHtml(content.markdown()),
        content.estimatedMinutes(),
        draft.revision(),
        TrainingStatus.of(0, units.size(), false, false),
        0,
        units.size(),
        TrainingStatus.percent(0, units.size()),
        null,
        null,
        null,
        units);
  }

  /** The modules the teacher has started, most recent first. */
  List<StartedModule> started(String teacher) {
    return store.enrolments(teacher).stream()
        .map(
            e -> {
              ModuleContent content = modules.revision(e.moduleItemId(), e.moduleRevision());
              Map<String, ProgressStore.Completion> done =
                  store.completions(teacher, e.moduleItemId());
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

  /** The fields of a unit's view that only some types have; null where the type has none. */
  private record TypeParts(
      String mediaUrl,
      String mediaType,
      String prompt,
      String lessonSlug,
      String lessonTitle,
      List<ModuleProgress.Question> questions,
      Integer passMark,
      Integer maxAttempts,
      QuizAttempts.Allowance allowance) {
    static final QuizAttempts.Allowance NO_LIMIT = new QuizAttempts.Allowance(null, null);
    static final TypeParts NONE =
        new TypeParts(null, null, null, null, null, null, null, null, NO_LIMIT);
  }

  private TypeParts media(ModuleContent.Media unit) {
    Optional<Media> file = unit.mediaId() == null ? Optional.empty() : media.find(unit.mediaId());
    return new TypeParts(
        file.map(Media::url).orElse(null),
        file.map(Media::contentType).orElse(null),
        null,
        null,
        null,
        null,
        null,
        null,
        TypeParts.NO_LIMIT);
  }

  private TypeParts quiz(
      ModuleContent.Quiz unit, boolean passed, ProgressStore.QuizTally tally, OffsetDateTime now) {
    List<ModuleProgress.Question> questions =
        unit.questions().stream()
            .map(
                q ->
                    new ModuleProgress.Question(
                        q.id(),
                        q.text(),
                        q.choices(),
                        q.correct().size() > 1,
                        passed ? q.correct() : null))
            .toList();
    return new TypeParts(
        null,
        null,
        null,
        null,
        null,
        questions,
        unit.passMark(),
        unit.maxAttempts(),
        ProgressStore.QuizTally.allowance(unit, tally, now));
  }

  private TypeParts practice(String lang, ModuleContent.Practice unit) {
    return new TypeParts(
        null,
        null,
        null,
        unit.lessonSlug(),
        unit.lessonSlug() == null ? null : modules.lessonTitle(lang, unit.lessonSlug()),
        null,
        null,
        null,
        TypeParts.NO_LIMIT);
  }
}
