package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;

/** Browsing without a query: lessons and courses by grade band, in the reader's language first. */
class CatalogBrowseIntegrationTests extends PostgresTestBase {

  private String page(String language, String path) {
    var response = client().header("Accept-Language", language).get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  /** The part of {@code page} under the heading of grade band {@code band}. */
  private static String band(String page, String band) {
    int start = page.indexOf("data-band=\"" + band + "\"");
    assertThat(start).as("band " + band).isPositive();
    int end = page.indexOf("</section>", start);
    return page.substring(start, end);
  }

  private static int occurrences(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void theLessonsPageListsEachLessonOnceUnderItsGradeBandInTheReadersLanguage() {
    String english = page("en", "/lessons");
    for (String band : new String[] {"1-2", "3-4", "5-6", "7-9"}) {
      assertThat(band(english, band)).contains("<h2>Grades " + band.replace("-", "–") + "</h2>");
    }
    // The little volcano (grades 1-2) once, in English, with a link to its Chinese version.
    assertThat(band(english, "1-2"))
        .contains("<a href=\"/lessons/en/little-volcano\">")
        .contains(
            "<a class=\"translation\" href=\"/lessons/zh-CN/little-volcano\" hreflang=\"zh-CN\">"
                + "Also in Chinese</a>");
    assertThat(occurrences(english, "href=\"/lessons/en/little-volcano\"")).isEqualTo(1);
    assertThat(english).doesNotContain("<a href=\"/lessons/zh-CN/little-volcano\">");
    assertThat(band(english, "3-4")).doesNotContain("little-volcano");

    String chinese = page("zh-CN", "/lessons");
    assertThat(band(chinese, "1-2"))
        .contains("<h2>一二年级</h2>")
        .contains("<a href=\"/lessons/zh-CN/little-volcano\">")
        .contains("hreflang=\"en\">另有英文版</a>");
    assertThat(chinese).doesNotContain("<a href=\"/lessons/en/little-volcano\">");

    // A language chosen shows that language only, whatever the UI's.
    String onlyChinese = page("en", "/lessons?lang=zh-CN");
    assertThat(onlyChinese)
        .contains("<a href=\"/lessons/zh-CN/little-volcano\">")
        .contains("href=\"/lessons/en/little-volcano\" hreflang=\"en\">Also in English</a>")
        .doesNotContain("<a href=\"/lessons/en/");
  }

  @Test
  void topicLinksNarrowTheLessonsToOneTopic() {
    String all = page("en", "/lessons");
    assertThat(all)
        .contains("href=\"/lessons?topic=anger\" data-topic=\"anger\">Anger</a>")
        .contains("href=\"/lessons?topic=missing-parents\"");
    String anger = page("en", "/lessons?topic=anger");
    assertThat(anger)
        .contains("data-topic=\"anger\" aria-current=\"true\"")
        .contains("/lessons/en/little-volcano")
        .contains("/lessons/en/anger-traffic-light")
        .doesNotContain("/lessons/en/missing-mum-and-dad\"");
    // The language links keep the topic, and the topic links the language.
    assertThat(anger).contains("href=\"/lessons?lang=zh-CN&amp;topic=anger\"");
    assertThat(page("en", "/lessons?lang=en&topic=anger"))
        .contains("href=\"/lessons?lang=en&amp;topic=missing-parents\"");
    // An unknown topic filters nothing.
    assertThat(page("en", "/lessons?topic=space")).contains("/lessons/en/missing-mum-and-dad");
  }

  @Test
  void theHomePageListsTheCoursesForEachGradeBand() {
    String english = page("en", "/");
    assertThat(english).contains("Courses for each grade");
    assertThat(homeBand(english, "1-2")).contains("href=\"/courses/en/feelings-first\"");
    assertThat(homeBand(english, "3-4"))
        .contains("href=\"/courses/en/getting-along\"")
        .contains("href=\"/courses/en/far-from-home\"");
    assertThat(homeBand(english, "5-6"))
        .contains("href=\"/courses/en/growing-stronger\"")
        .contains("href=\"/courses/en/far-from-home\"");
    assertThat(homeBand(english, "7-9")).contains("href=\"/courses/en/growing-up-together\"");
    // Other tests may publish a course in one language only; it is listed in that language.
    assertThat(english)
        .doesNotContain("/courses/zh-CN/feelings-first")
        .doesNotContain("/courses/zh-CN/growing-up-together");
    String chinese = page("zh-CN", "/");
    assertThat(homeBand(chinese, "1-2"))
        .contains("<h3>一二年级</h3>")
        .contains("href=\"/courses/zh-CN/feelings-first\"");
    assertThat(chinese)
        .doesNotContain("/courses/en/feelings-first")
        .doesNotContain("/courses/en/growing-up-together");
  }

  private static String homeBand(String page, String band) {
    int start = page.indexOf("data-band=\"" + band + "\"");
    assertThat(start).as("band " + band).isPositive();
    return page.substring(start, page.indexOf("</div>", start));
  }
}
