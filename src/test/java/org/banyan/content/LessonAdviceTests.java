package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LessonAdviceTests {

  private static final Markdown MARKDOWN = new Markdown();

  private static final String SAFEGUARDING =
      "If a child seems withdrawn for days, or says they are hurt at home, tell the class teacher"
          + " the same day and go with the child to the counselling room; the children's director of"
          + " the village can visit the family. Under mandatory reporting, harm is reported to the"
          + " police (110). Never ask a child to tell the class what happened, and do not promise to"
          + " keep a secret you cannot keep.";

  private static String lesson(String discussion, String safeguarding) {
    return "## Teacher background\n\nWhy it matters.\n\n"
        + "## Warm-up\n\n### Name the weather (5 min)\n\nGo round.\n\n"
        + "## Activities\n\n### Feelings cards (20 min)\n\nDeal the cards.\n\n"
        + "## Discussion\n\n"
        + discussion
        + "\n\n"
        + "## Wrap-up\n\n### One word (5 min)\n\nEach says a word.\n\n"
        + "## Take-home note for guardians\n\nAsk your child about the weather inside.\n\n"
        + "## Safeguarding\n\n"
        + safeguarding
        + "\n\n"
        + "## Adaptations\n\n- **Multi-grade class:** pairs.\n- **Boarding school:** evenings."
        + "\n- **Very small school:** one circle.\n";
  }

  private static LessonContent content(String markdown, int minutes, Sensitivity sensitivity) {
    return new LessonContent(
        "Weather inside",
        "Naming feelings as weather.",
        List.of(),
        List.of(),
        List.of(3),
        minutes,
        null,
        List.of(),
        List.of(),
        markdown,
        sensitivity,
        null,
        List.of());
  }

  private static List<String> codes(LessonContent lesson) {
    return LessonAdvice.of("en", lesson, MARKDOWN).stream().map(LessonAdvice.Advice::code).toList();
  }

  @Test
  void aLessonWithEveryPartGetsNoAdvice() {
    String markdown =
        lesson("### Talk in pairs (10 min)\n\n- What weather are you today?", SAFEGUARDING);
    assertThat(LessonAdvice.of("en", content(markdown, 40, Sensitivity.HIGH), MARKDOWN)).isEmpty();
  }

  @Test
  void missingSectionsStepsAndQuestionsAreNamed() {
    String markdown = "## Teacher background\n\nWhy.\n\n## Warm-up\n\nNo steps here.\n";
    List<LessonAdvice.Advice> advice =
        LessonAdvice.of("en", content(markdown, 40, Sensitivity.LOW), MARKDOWN);
    assertThat(advice)
        .contains(new LessonAdvice.Advice("advice.section.missing", "Safeguarding"))
        .contains(new LessonAdvice.Advice("advice.section.missing", "Take-home note for guardians"))
        .contains(new LessonAdvice.Advice("advice.step.none", "Warm-up"))
        .contains(new LessonAdvice.Advice("advice.step.total", 0, 40));
  }

  @Test
  void stepsThatDoNotAddUpAndADiscussionWithoutQuestionsAreAdvised() {
    String markdown = lesson("### Talk (10 min)\n\nTalk about it.", SAFEGUARDING);
    assertThat(codes(content(markdown, 45, Sensitivity.LOW)))
        .containsExactlyInAnyOrder("advice.discussion.questions", "advice.step.total");
  }

  @Test
  void aSensitiveLessonMustSayTheDutyToReportAndPhoneNumbersAreFlagged() {
    String thin = "Tell the class teacher. Call 13800138000 if worried.";
    List<LessonAdvice.Advice> advice =
        LessonAdvice.of(
            "en",
            content(lesson("### Talk (10 min)\n\n- Why?", thin), 40, Sensitivity.MEDIUM),
            MARKDOWN);
    assertThat(advice)
        .contains(new LessonAdvice.Advice("advice.safeguarding.thin", 200))
        .contains(new LessonAdvice.Advice("advice.safeguarding.lacks", "mandatory reporting"))
        .contains(new LessonAdvice.Advice("advice.safeguarding.lacks", "counselling room"))
        .contains(new LessonAdvice.Advice("advice.phone", "13800138000"));
    assertThat(advice)
        .doesNotContain(new LessonAdvice.Advice("advice.safeguarding.lacks", "class teacher"));
  }

  @Test
  void chineseLessonsUseTheirOwnHeadingsAndUnrenderedEmphasisIsShown() {
    String markdown = "## 教师须知\n\n说明。\n\n## 热身\n\n### 天气（5分钟）\n\n画一幅画，**画你想念的人\n";
    List<LessonAdvice.Advice> advice =
        LessonAdvice.of("zh-CN", content(markdown, 5, Sensitivity.LOW), MARKDOWN);
    assertThat(advice).contains(new LessonAdvice.Advice("advice.section.missing", "安全与转介"));
    assertThat(advice).extracting(LessonAdvice.Advice::code).doesNotContain("advice.step.total");
    assertThat(advice).extracting(LessonAdvice.Advice::code).contains("advice.unrendered");
  }
}
