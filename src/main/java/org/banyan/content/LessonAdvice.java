package org.banyan.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the curriculum asks of a lesson's structure, told to its author before they submit it: the
 * standard sections in order, timed steps in the teaching sections that add up to the lesson's
 * length, questions for the discussion, a take-home note, safeguarding that names the school's
 * referral roles (and the duty to report, when the lesson is sensitive), the three adaptations, no
 * phone numbers, and no Markdown that would show as typed. Advice, never a refusal: a lesson can be
 * saved and submitted with any of it open, and a reviewer decides.
 *
 * <p>The seed curriculum is held to the same rules ({@code SeedCurriculumTests}).
 */
final class LessonAdvice {

  /** One piece of advice: a message code and its arguments, said in the author's language. */
  public record Advice(String code, List<Object> args) {
    Advice(String code, Object... args) {
      this(code, List.of(args));
    }
  }

  /** The standard sections of a lesson, in order, by language. */
  static final Map<String, List<String>> SECTIONS =
      Map.of(
          "en",
          List.of(
              "Teacher background",
              "Warm-up",
              "Activities",
              "Discussion",
              "Wrap-up",
              "Take-home note for guardians",
              "Safeguarding",
              "Adaptations"),
          "zh-CN",
          List.of("教师须知", "热身", "活动", "讨论", "总结", "带给家长的话", "安全与转介", "调整建议"));

  /** The three school situations every lesson adapts to, as its adaptations list them. */
  static final Map<String, List<String>> ADAPTATIONS =
      Map.of(
          "en",
          List.of("- **Multi-grade class:**", "- **Boarding school:**", "- **Very small school:**"),
          "zh-CN",
          List.of("- **复式班：**", "- **寄宿学校：**", "- **小规模学校：**"));

  /** A timed step: a third-level heading ending in its minutes. */
  static final Map<String, Pattern> STEP =
      Map.of(
          "en", Pattern.compile("^### .*\\((\\d+) min\\)\\s*$"),
          "zh-CN", Pattern.compile("^### .*（(\\d+)分钟）\\s*$"));

  /** Something that looks like a phone number: those are deployment settings, never content. */
  static final Pattern PHONE =
      Pattern.compile("(?<![\\d-])(1\\d{10}|\\d{3,4}-\\d{7,8}|\\d{5,})(?![\\d-])");

  /** The referral roles of a Chinese school, named in every lesson's safeguarding. */
  static final Map<String, List<String>> REFERRAL_ROLES =
      Map.of(
          "en", List.of("class teacher", "counselling room", "children's director"),
          "zh-CN", List.of("班主任", "心理辅导室", "儿童主任"));

  /** What the safeguarding of a medium- or high-sensitivity lesson must say, in its language. */
  static final Map<String, List<String>> DUTY_TO_REPORT =
      Map.of(
          "en",
          List.of("mandatory reporting", "110", "police", "class teacher", "counselling room"),
          "zh-CN",
          List.of("强制报告", "110", "公安", "班主任", "心理辅导室"));

  /** Safeguarding shorter than this says too little to act on. */
  static final int THIN_SAFEGUARDING = 200;

  private LessonAdvice() {}

  /** The advice for {@code lesson} in {@code lang}; empty when it meets every rule. */
  static List<Advice> of(String lang, LessonContent lesson, Markdown markdown) {
    String language = SECTIONS.containsKey(lang) ? lang : "en";
    List<String> names = SECTIONS.get(language);
    String body = lesson.markdown() == null ? "" : lesson.markdown();
    List<LessonSections.Section> sections = LessonSections.split(body);
    Map<String, String> byHeading = new HashMap<>();
    sections.forEach(s -> byHeading.putIfAbsent(s.heading(), s.markdown()));
    List<Advice> advice = new ArrayList<>();

    List<String> headings =
        sections.stream().map(LessonSections.Section::heading).filter(h -> !h.isEmpty()).toList();
    names.stream()
        .filter(name -> !headings.contains(name))
        .forEach(name -> advice.add(new Advice("advice.section.missing", name)));
    List<String> standard = headings.stream().filter(names::contains).toList();
    if (advice.isEmpty() && !standard.equals(names)) {
      advice.add(new Advice("advice.section.order", String.join(" → ", names)));
    }

    Pattern step = STEP.get(language);
    int total = 0;
    for (LessonSections.Section section : sections) {
      int steps = 0;
      for (String line : section.markdown().split("\n")) {
        Matcher matcher = step.matcher(line);
        if (matcher.matches()) {
          steps++;
          total += Integer.parseInt(matcher.group(1));
        }
      }
      int index = names.indexOf(section.heading());
      if (index >= 1 && index <= 4 && steps == 0) {
        advice.add(new Advice("advice.step.none", section.heading()));
      }
    }
    if (total != lesson.durationMinutes()) {
      advice.add(new Advice("advice.step.total", total, lesson.durationMinutes()));
    }

    String discussion = byHeading.get(names.get(3));
    if (discussion != null
        && discussion.lines().noneMatch(l -> l.matches("\\s*(-|\\*|\\d+\\.)\\s+.*"))) {
      advice.add(new Advice("advice.discussion.questions", names.get(3)));
    }
    String takeHome = byHeading.get(names.get(5));
    if (takeHome != null && withoutHeading(takeHome).isBlank()) {
      advice.add(new Advice("advice.takeHome.empty", names.get(5)));
    }
    String safeguarding = byHeading.get(names.get(6));
    if (safeguarding != null) {
      safeguarding(language, lesson, withoutHeading(safeguarding), advice);
    }
    String adaptations = byHeading.get(names.get(7));
    if (adaptations != null) {
      for (String required : ADAPTATIONS.get(language)) {
        if (!adaptations.contains(required)) {
          advice.add(new Advice("advice.adaptation.missing", label(required)));
        }
      }
    }

    String everything =
        String.join("\n", nullToEmpty(lesson.title()), nullToEmpty(lesson.summary()), body);
    Matcher phone = PHONE.matcher(everything);
    if (phone.find()) {
      advice.add(new Advice("advice.phone", phone.group()));
    }
    for (String place : markdown.unrenderedEmphasis(body)) {
      advice.add(new Advice("advice.unrendered", place));
    }
    return advice;
  }

  private static void safeguarding(
      String language, LessonContent lesson, String text, List<Advice> advice) {
    if (text.strip().length() < THIN_SAFEGUARDING) {
      advice.add(new Advice("advice.safeguarding.thin", THIN_SAFEGUARDING));
    }
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> required = new ArrayList<>(REFERRAL_ROLES.get(language));
    if (lesson.sensitivity() != Sensitivity.LOW) {
      DUTY_TO_REPORT.get(language).stream()
          .filter(words -> !required.contains(words))
          .forEach(required::add);
    }
    for (String words : required) {
      if (!lower.contains(words.toLowerCase(Locale.ROOT))) {
        advice.add(new Advice("advice.safeguarding.lacks", words));
      }
    }
  }

  /** A section's text without its heading line. */
  private static String withoutHeading(String section) {
    int end = section.indexOf('\n');
    return end < 0 ? "" : section.substring(end + 1);
  }

  /** {@code - **Boarding school:**} as a reader names it: Boarding school. */
  private static String label(String item) {
    return item.replaceAll("^- \\*\\*|[:：]\\*\\*$", "");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
