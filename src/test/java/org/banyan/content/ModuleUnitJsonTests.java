package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ModuleUnitJsonTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<ModuleContent.Question> QUESTIONS =
      List.of(new ModuleContent.Question("q1", "Which?", List.of("no", "yes"), List.of(1)));

  @Test
  void aUnitWithoutAttemptLimitsIsStoredExactlyAsBeforeTheyExisted() {
    ModuleContent.Unit unit =
        new ModuleContent.Unit("check", "quiz", "Check", null, null, null, null, QUESTIONS, 80);
    String stored = JSON.writeValueAsString(unit);
    assertThat(stored).doesNotContain("maxAttempts").doesNotContain("attemptWaitMinutes");
    assertThat(JSON.readValue(stored, ModuleContent.Unit.class)).isEqualTo(unit);
  }

  @Test
  void attemptLimitsSurviveTheStoredJsonAndTheFileFormat() {
    ModuleContent.Unit unit =
        new ModuleContent.Unit(
            "check", "quiz", "Check", null, null, null, null, QUESTIONS, 80, 3, 60);
    assertThat(JSON.readValue(JSON.writeValueAsString(unit), ModuleContent.Unit.class))
        .isEqualTo(unit);
    ModuleContent module = new ModuleContent("Title", null, null, null, List.of(unit));
    assertThat(ContentFiles.moduleUnits(module, id -> id).get(0))
        .containsEntry("maxAttempts", 3)
        .containsEntry("attemptWaitMinutes", 60);
  }
}
