package org.banyan.training;

import java.util.ArrayList;
import java.util.List;
import org.banyan.content.Markdown;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
import org.banyan.content.UnitType;
import org.banyan.media.Media;
import org.banyan.media.MediaLibrary;
import org.springframework.stereotype.Component;

/**
 * A published module on paper, for a trainer running a face-to-face session: its readings,
 * reflection prompts, quiz and practice, in order. The participants' copy never holds the right
 * answers; the answer key is a page of its own.
 */
@Component
class Handouts {

  /** A quiz question on paper; {@code correct} is empty in the participants' copy. */
  public record Question(
      int number, String text, List<String> choices, List<Integer> correct, boolean multiple) {}

  /** One unit on paper. Which fields are set depends on its type, as in the module. */
  public record Unit(
      int position,
      UnitType type,
      String title,
      String html,
      String prompt,
      String mediaName,
      String lessonTitle,
      Integer passMark,
      List<Question> questions) {}

  public record Handout(
      String lang,
      String slug,
      String title,
      String summary,
      String html,
      Integer estimatedMinutes,
      int revision,
      boolean answerKey,
      List<Unit> units) {}

  private final Modules modules;
  private final Markdown markdown;
  private final MediaLibrary media;

  Handouts(Modules modules, Markdown markdown, MediaLibrary media) {
    this.modules = modules;
    this.markdown = markdown;
    this.media = media;
  }

  /**
   * The published module {@code lang/slug} on paper.
   *
   * @param answerKey whether the right answers are shown (the trainer's copy)
   */
  Handout handout(String lang, String slug, boolean answerKey) {
    PublishedItem item = modules.get(lang, slug);
    ModuleContent module = (ModuleContent) item.content();
    List<Unit> units = new ArrayList<>();
    int position = 0;
    for (ModuleContent.Unit unit : module.units()) {
      int at = ++position;
      Unit paper =
          switch (unit.type()) {
            case READING -> unit(at, unit, null, null, null, null, List.of());
            case MEDIA -> {
              String mediaId = ((ModuleContent.Media) unit).mediaId();
              String name =
                  mediaId == null ? null : media.find(mediaId).map(Media::filename).orElse(null);
              yield unit(at, unit, null, name, null, null, List.of());
            }
            case REFLECTION ->
                unit(
                    at,
                    unit,
                    ((ModuleContent.Reflection) unit).prompt(),
                    null,
                    null,
                    null,
                    List.of());
            case QUIZ -> {
              ModuleContent.Quiz quiz = (ModuleContent.Quiz) unit;
              yield unit(at, unit, null, null, null, quiz.passMark(), questions(quiz, answerKey));
            }
            case PRACTICE -> {
              String lesson = ((ModuleContent.Practice) unit).lessonSlug();
              String title = lesson == null ? null : modules.lessonTitle(lang, lesson);
              yield unit(at, unit, null, null, title, null, List.of());
            }
          };
      units.add(paper);
    }
    return new Handout(
        item.lang(),
        item.slug(),
        module.title(),
        module.summary(),
        module.markdown() == null ? null : markdown.toHtml(module.markdown()),
        module.estimatedMinutes(),
        item.revision(),
        answerKey,
        List.copyOf(units));
  }

  private Unit unit(
      int position,
      ModuleContent.Unit unit,
      String prompt,
      String mediaName,
      String lessonTitle,
      Integer passMark,
      List<Question> questions) {
    return new Unit(
        position,
        unit.type(),
        unit.title(),
        unit.markdown() == null ? null : markdown.toHtml(unit.markdown()),
        prompt,
        mediaName,
        lessonTitle,
        passMark,
        questions);
  }

  private static List<Question> questions(ModuleContent.Quiz quiz, boolean answerKey) {
    List<Question> questions = new ArrayList<>();
    int number = 0;
    for (ModuleContent.Question question : quiz.questions()) {
      questions.add(
          new Question(
              ++number,
              question.text(),
              question.choices(),
              answerKey ? question.correct() : List.of(),
              question.correct().size() > 1));
    }
    return List.copyOf(questions);
  }
}
