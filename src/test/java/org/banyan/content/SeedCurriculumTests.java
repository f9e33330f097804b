package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banyan.problem.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks every file of {@code content/} on each build: the curriculum teachers meet on day one. */
class SeedCurriculumTests {

  private static final Map<String, List<String>> SECTIONS = LessonAdvice.SECTIONS;
  private static final Map<String, List<String>> ADAPTATIONS = LessonAdvice.ADAPTATIONS;
  private static final Pattern STEP_EN = LessonAdvice.STEP.get("en");
  private static final Pattern STEP_ZH = LessonAdvice.STEP.get("zh-CN");
  private static final Pattern PHONE = LessonAdvice.PHONE;
  private static final Set<String> EMOTIONAL = Set.of("self-awareness", "self-management");

  private static final Map<String, List<String>> DUTY_TO_REPORT = LessonAdvice.DUTY_TO_REPORT;
  private static final Map<String, List<String>> REFERRAL_ROLES = LessonAdvice.REFERRAL_ROLES;

  private static final Pattern BORROWED_ROLE =
      Pattern.compile("(?i)designated (safeguarding )?(person|staff|teacher|lead)|指定(的)?负责人");
  private static final Pattern SOFTWARE_WORDS =
      Pattern.compile("(?i)\\bdeploy\\w*|\\bconfigur\\w*|部署|配置|挺身者");

  /** A promise that nobody will read what children write, unless the text warns against it. */
  private static final Pattern SECRECY_PROMISE =
      Pattern.compile(
          "(?i)(?<!(not|never|don't) promise .{0,12})(?<!不要答应.{0,6})"
              + "(nobody will (read|see)|no one will (read|see)|谁都不会看|不会有人看)");

  record Item(String path, ContentType type, ContentFiles.Read read, String body) {}

  static final List<Item> items = new ArrayList<>();
  static final List<String> problems = new ArrayList<>();
  static Taxonomy taxonomy;
  static Set<String> media;

  @BeforeAll
  static void readEverything() throws Exception {
    Path root = Path.of("content");
    taxonomy = ContentFolder.parseTaxonomy(Files.readString(root.resolve("taxonomy.yml")));
    try (var files = Files.list(root.resolve("media"))) {
      media = new HashSet<>(files.map(p -> p.getFileName().toString()).toList());
    }
    for (ContentType type : ContentType.values()) {
      try (var files = Files.list(root.resolve(type.folder()))) {
        for (Path file : files.sorted().toList()) {
          String path = root.relativize(file).toString();
          try {
            FrontMatter.Parsed parsed = FrontMatter.parse(Files.readString(file));
            ContentFiles.Read read =
                ContentFiles.read(
                    type,
                    parsed.fields(),
                    parsed.body(),
                    name -> media.contains(name) ? name : null);
            items.add(new Item(path, type, read, parsed.body()));
            if (!file.getFileName().toString().equals(read.slug() + "." + read.lang() + ".md")) {
              problems.add(path + ": slug and lang do not match the file name");
            }
          } catch (FrontMatter.Problem e) {
            problems.add(path + ":" + e.line + ": " + e.getMessage());
          } catch (ContentFiles.BadField e) {
            problems.add(path + ": " + e.getMessage());
          }
        }
      }
    }
  }

  private static List<Item> of(ContentType type, String lang) {
    return items.stream().filter(i -> i.type() == type && i.read().lang().equals(lang)).toList();
  }

  private static boolean exists(ContentType type, String lang, String slug) {
    return items.stream()
        .anyMatch(
            i -> i.type() == type && i.read().lang().equals(lang) && i.read().slug().equals(slug));
  }

  @Test
  void everyFileReadsAndMeetsTheContentRules() {
    ContentRules.Lookups lookups =
        new ContentRules.Lookups() {
          @Override
          public Taxonomy taxonomy() {
            return taxonomy;
          }

          @Override
          public boolean lessonExists(String lang, String slug) {
            return exists(ContentType.LESSON, lang, slug);
          }

          @Override
          public boolean mediaExists(String mediaId) {
            return media.contains(mediaId);
          }
        };
    List<String> found = new ArrayList<>(problems);
    for (Item item : items) {
      for (Violation v :
          ContentRules.check(lookups, item.type(), item.read().lang(), item.read().content())) {
        found.add(item.path() + ": " + v.field() + " " + v.code() + " " + v.args());
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void thereAreEnoughLessonsCoursesAndModulesInBothLanguages() {
    for (String lang : List.of("en", "zh-CN")) {
      List<Item> lessons = of(ContentType.LESSON, lang);
      assertThat(lessons).as(lang).hasSizeGreaterThanOrEqualTo(48);
      long emotional =
          lessons.stream()
              .filter(
                  l ->
                      ((LessonContent) l.read().content())
                          .competencies().stream().anyMatch(EMOTIONAL::contains))
              .count();
      assertThat(emotional)
          .as("emotional regulation and self-awareness in " + lang)
          .isGreaterThanOrEqualTo(16);
      assertThat(lessons.size() - emotional)
          .as("interpersonal in " + lang)
          .isGreaterThanOrEqualTo(15);
      for (int[] band : new int[][] {{1, 2}, {3, 4}, {5, 6}, {7, 9}}) {
        long inBand =
            lessons.stream()
                .filter(
                    l ->
                        ((LessonContent) l.read().content())
                            .grades().stream().anyMatch(g -> g >= band[0] && g <= band[1]))
                .count();
        assertThat(inBand)
            .as("grades %d-%d in %s", band[0], band[1], lang)
            .isGreaterThanOrEqualTo(band[0] == 7 ? 12 : 6);
      }
      assertThat(of(ContentType.COURSE, lang)).as(lang).hasSizeGreaterThanOrEqualTo(6);
      assertThat(of(ContentType.MODULE, lang)).as(lang).hasSizeGreaterThanOrEqualTo(7);
    }
  }

  @Test
  void everyItemHasItsTranslation() {
    List<String> missing = new ArrayList<>();
    for (Item item : items) {
      String other = item.read().lang().equals("en") ? "zh-CN" : "en";
      boolean translated =
          items.stream()
              .anyMatch(
                  i ->
                      i.type() == item.type()
                          && i.read().lang().equals(other)
                          && i.read().translationGroup().equals(item.read().translationGroup()));
      if (!translated) {
        missing.add(item.path());
      }
    }
    assertThat(missing).isEmpty();
  }

  /** The editor's advice is the curriculum's rules: no seed lesson gets any. */
  @Test
  void noSeedLessonGetsAnyAdviceInTheEditor() {
    Markdown markdown = new Markdown();
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      if (item.read().content() instanceof LessonContent lesson) {
        LessonAdvice.of(item.read().lang(), lesson, markdown)
            .forEach(a -> found.add(item.path() + ": " + a.code() + " " + a.args()));
      }
    }
    assertThat(found).isEmpty();
    assertThat(items).anyMatch(item -> item.type() == ContentType.LESSON);
  }

  @Test
  void lessonsHaveTheStandardSectionsInOrder() {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      if (item.type() != ContentType.LESSON) {
        continue;
      }
      List<String> headings =
          LessonSections.split(item.body()).stream()
              .map(LessonSections.Section::heading)
              .filter(h -> !h.isEmpty())
              .toList();
      if (!headings.equals(SECTIONS.get(item.read().lang()))) {
        found.add(item.path() + ": " + headings);
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void timedStepsAddUpToTheDuration() {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      if (item.type() != ContentType.LESSON) {
        continue;
      }
      Pattern step = item.read().lang().equals("en") ? STEP_EN : STEP_ZH;
      List<String> names = SECTIONS.get(item.read().lang());
      int total = 0;
      for (LessonSections.Section section : LessonSections.split(item.body())) {
        int inSection = 0;
        for (String line : section.markdown().split("\n")) {
          Matcher matcher = step.matcher(line);
          if (matcher.matches()) {
            inSection++;
            total += Integer.parseInt(matcher.group(1));
          }
        }
        int index = names.indexOf(section.heading());
        if (index >= 1 && index <= 4 && inSection == 0) {
          found.add(item.path() + ": no timed step in " + section.heading());
        }
      }
      int duration = ((LessonContent) item.read().content()).durationMinutes();
      if (total != duration) {
        found.add(item.path() + ": steps add up to " + total + ", not " + duration);
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void lessonsHaveDiscussionQuestionsAdaptationsAndNoPhoneNumbers() {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      String lang = item.read().lang();
      if (PHONE.matcher(item.body()).find()) {
        found.add(
            item.path()
                + ": looks like a phone number: "
                + PHONE.matcher(item.body()).results().findFirst().orElseThrow().group());
      }
      if (item.type() != ContentType.LESSON) {
        continue;
      }
      Map<String, String> sections = new HashMap<>();
      LessonSections.split(item.body()).forEach(s -> sections.put(s.heading(), s.markdown()));
      String discussion = sections.getOrDefault(SECTIONS.get(lang).get(3), "");
      if (!discussion.lines().anyMatch(l -> l.matches("\\s*(-|\\*|\\d+\\.)\\s+.*"))) {
        found.add(item.path() + ": discussion has no list of questions");
      }
      String adaptations = sections.getOrDefault(SECTIONS.get(lang).get(7), "");
      for (String required : ADAPTATIONS.get(lang)) {
        if (!adaptations.contains(required)) {
          found.add(item.path() + ": adaptations lack " + required);
        }
      }
      String safeguarding = sections.getOrDefault(SECTIONS.get(lang).get(6), "");
      if (safeguarding.strip().length() < 200) {
        found.add(item.path() + ": safeguarding is too thin");
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void modulesMixUnitsAndTheirQuizzesCanBePassed() {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      if (item.type() != ContentType.MODULE) {
        continue;
      }
      ModuleContent module = (ModuleContent) item.read().content();
      Set<UnitType> types = new HashSet<>();
      module.units().forEach(u -> types.add(u.type()));
      if (module.units().size() < 4 || module.units().size() > 8) {
        found.add(item.path() + ": " + module.units().size() + " units");
      }
      if (!types.containsAll(Set.of(UnitType.READING, UnitType.REFLECTION, UnitType.QUIZ))) {
        found.add(item.path() + ": lacks reading, reflection or quiz");
      }
      for (ModuleContent.Unit unit : module.units()) {
        if (unit instanceof ModuleContent.Quiz quiz && quiz.questions().size() < 5) {
          found.add(item.path() + ": quiz " + unit.id() + " has fewer than 5 questions");
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void translationsMatchInStructure() {
    List<String> found = new ArrayList<>();
    for (Item english : items) {
      if (!english.read().lang().equals("en")) {
        continue;
      }
      items.stream()
          .filter(
              i ->
                  i.type() == english.type()
                      && i.read().lang().equals("zh-CN")
                      && i.read().translationGroup().equals(english.read().translationGroup()))
          .forEach(
              chinese -> {
                if (english.read().content() instanceof LessonContent en
                    && chinese.read().content() instanceof LessonContent zh
                    && (!en.grades().equals(zh.grades())
                        || en.durationMinutes() != zh.durationMinutes()
                        || !en.competencies().equals(zh.competencies())
                        || !en.topics().equals(zh.topics()))) {
                  found.add(
                      english.path() + " and its translation differ in grades, time or taxonomy");
                }
                if (english.read().content() instanceof CourseContent en
                    && chinese.read().content() instanceof CourseContent zh
                    && !en.lessonSlugs().equals(zh.lessonSlugs())) {
                  found.add(english.path() + " and its translation list different lessons");
                }
                if (english.read().content() instanceof ModuleContent en
                    && chinese.read().content() instanceof ModuleContent zh) {
                  List<String> a =
                      en.units().stream()
                          .map(u -> u.id() + ":" + u.type() + ":" + FlatUnit.of(u).passMark())
                          .toList();
                  List<String> b =
                      zh.units().stream()
                          .map(u -> u.id() + ":" + u.type() + ":" + FlatUnit.of(u).passMark())
                          .toList();
                  if (!a.equals(b)) {
                    found.add(english.path() + " and its translation have different units");
                  }
                }
              });
    }
    assertThat(found).isEmpty();
  }

  /** The Markdown of an item as readers meet it: a lesson's or course's body, a module's units. */
  private static List<String> markdownOf(Item item) {
    List<String> markdowns = new ArrayList<>();
    markdowns.add(item.read().content().markdown());
    if (item.read().content() instanceof ModuleContent module) {
      module.units().forEach(u -> markdowns.add(u.markdown()));
    }
    return markdowns;
  }

  @Test
  void noRenderedItemShowsAnEmphasisMarker() {
    Markdown markdown = new Markdown();
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      for (String text : markdownOf(item)) {
        markdown.unrenderedEmphasis(text).forEach(place -> found.add(item.path() + ": " + place));
        String html = markdown.toHtml(text);
        if (html.contains("**") || html.matches("(?s).*(?<!_)__(?!_).*")) {
          found.add(item.path() + ": the HTML shows ** or __");
        }
      }
    }
    assertThat(found).isEmpty();
  }

  private static String safeguardingOf(Item item) {
    String heading = SECTIONS.get(item.read().lang()).get(6);
    return LessonSections.split(item.body()).stream()
        .filter(section -> section.heading().equals(heading))
        .map(LessonSections.Section::markdown)
        .findFirst()
        .orElse("");
  }

  @Test
  void mediumAndHighLessonsSayTheDutyToReportAndEveryLessonNamesTheReferralRoles() {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      if (!(item.read().content() instanceof LessonContent lesson)) {
        continue;
      }
      String lang = item.read().lang();
      String safeguarding = safeguardingOf(item).toLowerCase(java.util.Locale.ROOT);
      List<String> required = new ArrayList<>(REFERRAL_ROLES.get(lang));
      if (lesson.sensitivity() != Sensitivity.LOW) {
        required.addAll(DUTY_TO_REPORT.get(lang));
      }
      for (String words : required) {
        if (!safeguarding.contains(words.toLowerCase(java.util.Locale.ROOT))) {
          found.add(item.path() + " (" + lesson.sensitivity() + "): safeguarding lacks " + words);
        }
      }
    }
    for (Item item : of(ContentType.MODULE, "zh-CN")) {
      if (item.read().slug().equals("recognising-distress-and-referral")) {
        String all = String.join("\n", markdownOf(item));
        DUTY_TO_REPORT.get("zh-CN").stream()
            .filter(words -> !all.contains(words))
            .forEach(words -> found.add(item.path() + ": lacks " + words));
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void contentBorrowsNoRolesUsesNoSoftwareWordsAndPromisesNoSecrecy() {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      String text =
          String.join("\n", markdownOf(item))
              + "\n"
              + item.read().content().title()
              + "\n"
              + item.read().content().summary();
      for (Pattern wrong : List.of(BORROWED_ROLE, SOFTWARE_WORDS, SECRECY_PROMISE)) {
        wrong.matcher(text).results().forEach(m -> found.add(item.path() + ": " + m.group()));
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void juniorSecondaryLessonsFillAFortyFiveMinutePeriod() {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      if (item.read().content() instanceof LessonContent lesson
          && lesson.grades().stream().allMatch(g -> g >= 7)
          && lesson.durationMinutes() != 45) {
        found.add(item.path() + ": " + lesson.durationMinutes() + " minutes");
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void everyLessonBelongsToACourse() {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      if (item.type() != ContentType.LESSON) {
        continue;
      }
      boolean inACourse =
          of(ContentType.COURSE, item.read().lang()).stream()
              .anyMatch(
                  course ->
                      ((CourseContent) course.read().content())
                          .lessonSlugs()
                          .contains(item.read().slug()));
      if (!inACourse) {
        found.add(item.path());
      }
    }
    assertThat(found).isEmpty();
  }

  /**
   * Across all single-answer questions of a language, the right answer is the longest choice in at
   * most a third of them (with four choices, chance is a quarter), and never much longer than the
   * longest wrong one: no answer can be guessed from its form.
   */
  @Test
  void quizAnswersCannotBeGuessedFromTheirLength() {
    for (String lang : List.of("en", "zh-CN")) {
      int questions = 0;
      int rightIsLongest = 0;
      List<String> giveaways = new ArrayList<>();
      for (Item item : of(ContentType.MODULE, lang)) {
        for (ModuleContent.Unit unit : ((ModuleContent) item.read().content()).units()) {
          if (!(unit instanceof ModuleContent.Quiz quiz)) {
            continue;
          }
          for (ModuleContent.Question question : quiz.questions()) {
            if (question.correct().size() != 1) {
              continue;
            }
            questions++;
            int right = question.choices().get(question.correct().get(0)).length();
            int longestWrong = 0;
            for (int i = 0; i < question.choices().size(); i++) {
              if (i != question.correct().get(0)) {
                longestWrong = Math.max(longestWrong, question.choices().get(i).length());
              }
            }
            if (right > longestWrong) {
              rightIsLongest++;
            }
            if (right > longestWrong * 1.3 + 3) {
              giveaways.add(item.path() + " " + unit.id() + "/" + question.id());
            }
          }
        }
      }
      assertThat(questions).as(lang).isPositive();
      assertThat(rightIsLongest * 3)
          .as("%d of %d in %s", rightIsLongest, questions, lang)
          .isLessThanOrEqualTo(questions);
      assertThat(giveaways).as(lang).isEmpty();
    }
  }
}
