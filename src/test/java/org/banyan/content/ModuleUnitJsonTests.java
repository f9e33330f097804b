package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.banyan.problem.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ModuleUnitJsonTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<ModuleContent.Question> QUESTIONS =
      List.of(new ModuleContent.Question("q1", "Which?", List.of("no", "yes"), List.of(1)));

  @Test
  void aUnitWithoutAttemptLimitsIsStoredExactlyAsBeforeTheyExisted() {
    ModuleContent.Unit unit = new ModuleContent.Quiz("check", "Check", null, QUESTIONS, 80);
    String stored = JSON.writeValueAsString(unit);
    assertThat(stored).doesNotContain("maxAttempts").doesNotContain("attemptWaitMinutes");
    assertThat(JSON.readValue(stored, ModuleContent.Unit.class)).isEqualTo(unit);
  }

  @Test
  void attemptLimitsSurviveTheStoredJsonAndTheFileFormat() {
    ModuleContent.Unit unit = new ModuleContent.Quiz("check", "Check", null, QUESTIONS, 80, 3, 60);
    assertThat(JSON.readValue(JSON.writeValueAsString(unit), ModuleContent.Unit.class))
        .isEqualTo(unit);
    ModuleContent module = new ModuleContent("Title", null, null, null, List.of(unit));
    assertThat(ContentFiles.moduleUnits(module, id -> id).get(0))
        .containsEntry("maxAttempts", 3)
        .containsEntry("attemptWaitMinutes", 60);
  }

  /** Revisions are told apart by a checksum of this JSON: every type keeps the flat form. */
  @Test
  void eachTypeIsStoredInTheFlatFormOfEveryRevisionBefore() {
    List<ModuleContent.Unit> units =
        List.of(
            new ModuleContent.Reading("read", "Read", "Text."),
            new ModuleContent.Media("watch", "Watch", null, "0f3a"),
            new ModuleContent.Reflection("think", "Think", null, "Why?"),
            new ModuleContent.Quiz("check", "Check", null, QUESTIONS, 80, 3, 60),
            new ModuleContent.Practice("teach", "Teach", "Before class.", "far-from-home"));
    String stored = JSON.writeValueAsString(new ModuleContent("Title", "Summary", null, 30, units));
    assertThat(stored)
        .isEqualTo(
            "{\"title\":\"Title\",\"summary\":\"Summary\",\"markdown\":null,"
                + "\"estimatedMinutes\":30,\"units\":["
                + "{\"id\":\"read\",\"type\":\"reading\",\"title\":\"Read\",\"markdown\":\"Text.\","
                + "\"mediaId\":null,\"prompt\":null,\"lessonSlug\":null,\"questions\":null,"
                + "\"passMark\":null},"
                + "{\"id\":\"watch\",\"type\":\"media\",\"title\":\"Watch\",\"markdown\":null,"
                + "\"mediaId\":\"0f3a\",\"prompt\":null,\"lessonSlug\":null,\"questions\":null,"
                + "\"passMark\":null},"
                + "{\"id\":\"think\",\"type\":\"reflection\",\"title\":\"Think\",\"markdown\":null,"
                + "\"mediaId\":null,\"prompt\":\"Why?\",\"lessonSlug\":null,\"questions\":null,"
                + "\"passMark\":null},"
                + "{\"id\":\"check\",\"type\":\"quiz\",\"title\":\"Check\",\"markdown\":null,"
                + "\"mediaId\":null,\"prompt\":null,\"lessonSlug\":null,\"questions\":["
                + "{\"id\":\"q1\",\"text\":\"Which?\",\"choices\":[\"no\",\"yes\"],\"correct\":[1]}],"
                + "\"passMark\":80,\"maxAttempts\":3,\"attemptWaitMinutes\":60},"
                + "{\"id\":\"teach\",\"type\":\"practice\",\"title\":\"Teach\","
                + "\"markdown\":\"Before class.\",\"mediaId\":null,\"prompt\":null,"
                + "\"lessonSlug\":\"far-from-home\",\"questions\":null,\"passMark\":null}]}");
    assertThat(JSON.readValue(stored, ModuleContent.class).units()).isEqualTo(units);
  }

  @Test
  void aUnitOfNoKnownTypeOrWithAnotherTypesLimitsIsRefusedNamingTheField() {
    FlatUnit video =
        new FlatUnit("v", "video", "V", null, null, null, null, null, null, null, null);
    FlatUnit limitedReading =
        new FlatUnit("r", "reading", "R", "Text.", null, null, null, null, null, 3, null);
    assertThatThrownBy(() -> FlatUnit.read(List.of(video, limitedReading)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.refused("units[0].type")).isTrue();
              assertThat(e.refused("units[1].maxAttempts")).isTrue();
            });
  }
}
