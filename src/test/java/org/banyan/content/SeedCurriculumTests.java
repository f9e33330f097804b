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
import org.banyan.web.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks every file of {@code content/} on each build: the curriculum teachers meet on day one. */
class SeedCurriculumTests {

  private static final Map<String, List<String>> SECTIONS =
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
  private static final Map<String, List<String>> ADAPTATIONS =
      Map.of(
          "en",
              List.of(
                  "- **Multi-grade class:**", "- **Boarding school:**", "- **Very small school:**"),
          "zh-CN", List.of("- **复式班：**", "- **寄宿学校：**", "- **小规模学校：**"));
  private static final Pattern STEP_EN = Pattern.compile("^### .*\\((\\d+) min\\)\\s*$");
  private static final Pattern STEP_ZH = Pattern.compile("^### .*（(\\d+)分钟）\\s*$");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\d-])(1\\d{10}|\\d{3,4}-\\d{7,8}|\\d{5,})(?![\\d-])");
  private static final Set<String> EMOTIONAL = Set.of("self-awareness", "self-management");

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
      assertThat(lessons).as(lang).hasSizeGreaterThanOrEqualTo(32);
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
            .isGreaterThanOrEqualTo(6);
      }
      assertThat(of(ContentType.COURSE, lang)).as(lang).hasSizeGreaterThanOrEqualTo(4);
      assertThat(of(ContentType.MODULE, lang)).as(lang).hasSizeGreaterThanOrEqualTo(5);
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
      Set<String> types = new HashSet<>();
      module.units().forEach(u -> types.add(u.type()));
      if (module.units().size() < 4 || module.units().size() > 8) {
        found.add(item.path() + ": " + module.units().size() + " units");
      }
      if (!types.containsAll(Set.of("reading", "reflection", "quiz"))) {
        found.add(item.path() + ": lacks reading, reflection or quiz");
      }
      for (ModuleContent.Unit unit : module.units()) {
        if ("quiz".equals(unit.type())
            && (unit.questions() == null || unit.questions().size() < 5)) {
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
                          .map(u -> u.id() + ":" + u.type() + ":" + u.passMark())
                          .toList();
                  List<String> b =
                      zh.units().stream()
                          .map(u -> u.id() + ":" + u.type() + ":" + u.passMark())
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
}
