package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;

class HandoutsIntegrationTests extends PostgresTestBase {

  private static final String MODULE = "/trainer/modules/en/bullying-and-school-violence";

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void theParticipantsCopyHasEveryUnitButNoAnswer() {
    HttpResponse<String> handout =
        browserAs("trainer").header("Accept-Language", "en").get(MODULE + "/handout");

    assertThat(handout.statusCode()).isEqualTo(200);
    String page = handout.body();
    assertThat(page)
        .contains("Which of these is most likely bullying rather than ordinary conflict?")
        .contains("data-type=\"reading\"")
        .contains("data-type=\"reflection\"")
        .contains("data-type=\"quiz\"")
        .contains("class=\"write-line\"")
        .contains("Participants’ copy");
    assertThat(page)
        .doesNotContain("class=\"right\"")
        .doesNotContain("right-mark")
        .doesNotContain("✓");
    assertThat(count(page, "☐")).isGreaterThanOrEqualTo(12);
  }

  @Test
  void theAnswerKeyMarksTheRightChoicesOfEveryQuestion() {
    String key =
        browserAs("trainer").header("Accept-Language", "en").get(MODULE + "/answer-key").body();

    assertThat(key).contains("Answer key").contains("Pass mark: 75%");
    assertThat(count(key, "class=\"right-mark\"")).isGreaterThanOrEqualTo(3);
    assertThat(key)
        .contains(
            "<li class=\"right\"><span class=\"box\" aria-hidden=\"true\">✓</span> Three Grade 8 boys");
    assertThat(key).doesNotContain("data-type=\"reading\"");
  }

  @Test
  void onlyTrainersGetHandoutsAndAnUnknownModuleIsNotFound() {
    assertThat(browserAs("teacher").get(MODULE + "/answer-key").statusCode()).isEqualTo(403);
    assertThat(browserAs("teacher").get(MODULE + "/handout").statusCode()).isEqualTo(403);
    assertThat(client().get(MODULE + "/answer-key").statusCode()).isEqualTo(302);
    assertThat(browserAs("trainer").get("/trainer/modules/en/no-such-module/handout").statusCode())
        .isEqualTo(404);
    String chinese =
        browserAs("trainer")
            .header("Accept-Language", "zh-CN")
            .get("/trainer/modules/zh-CN/bullying-and-school-violence/handout")
            .body();
    assertThat(chinese).contains("学员版讲义").contains("lang=\"zh-CN\"");
    assertThat(browserAs("trainer").get("/trainer").body())
        .contains("href=\"" + MODULE + "/handout\"")
        .contains("href=\"" + MODULE + "/answer-key\"");
  }
}
