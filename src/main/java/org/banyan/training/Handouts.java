package org.banyan.training;

import java.util.ArrayList;
import java.util.List;
import org.banyan.content.Markdown;
import org.banyan.content.ModuleContent;
import org.banyan.content.PublishedItem;
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
      String type,
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
      List<Question> questions = new ArrayList<>();
      int number = 0;
      for (ModuleContent.Question question :
          unit.questions() == null ? List.<ModuleContent.Question>of() : unit.questions()) {
        questions.add(
            new Question(
                ++number,
                question.text(),
                question.choices(),
                answerKey ? question.correct() : List.of(),
                question.correct().size() > 1));
      }
      units.add(
          new Unit(
              ++position,
              unit.type(),
              unit.title(),
              unit.markdown() == null ? null : markdown.toHtml(unit.markdown()),
              unit.prompt(),
              unit.mediaId() == null
                  ? null
                  : media.find(unit.mediaId()).map(Media::filename).orElse(null),
              unit.lessonSlug() == null ? null : modules.lessonTitle(lang, unit.lessonSlug()),
              unit.passMark(),
              List.copyOf(questions)));
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
}
