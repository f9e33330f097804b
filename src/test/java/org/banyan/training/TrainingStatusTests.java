package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingStatusTests {

  @Test
  void statusIsDerivedFromUnitsDoneActivityAndTheDueDate() {
    assertThat(TrainingStatus.of(0, 7, false, false)).isEqualTo(TrainingStatus.NOT_STARTED);
    assertThat(TrainingStatus.of(0, 7, true, false)).isEqualTo(TrainingStatus.IN_PROGRESS);
    assertThat(TrainingStatus.of(3, 7, false, false)).isEqualTo(TrainingStatus.IN_PROGRESS);
    assertThat(TrainingStatus.of(7, 7, true, false)).isEqualTo(TrainingStatus.COMPLETED);
  }

  @Test
  void pastTheDueDateUnfinishedWorkIsOverdueButFinishedWorkStaysCompleted() {
    assertThat(TrainingStatus.of(0, 7, false, true)).isEqualTo(TrainingStatus.OVERDUE);
    assertThat(TrainingStatus.of(6, 7, true, true)).isEqualTo(TrainingStatus.OVERDUE);
    assertThat(TrainingStatus.of(7, 7, true, true)).isEqualTo(TrainingStatus.COMPLETED);
  }

  @Test
  void percentIsRoundedDownSoThatOnlyEveryUnitIsAHundred() {
    assertThat(TrainingStatus.percent(6, 7)).isEqualTo(85);
    assertThat(TrainingStatus.percent(199, 200)).isEqualTo(99);
    assertThat(TrainingStatus.percent(7, 7)).isEqualTo(100);
    assertThat(TrainingStatus.percent(0, 0)).isZero();
  }

  @Test
  void codesAreLowerCaseAndReadBack() {
    assertThat(List.of(TrainingStatus.values()))
        .extracting(TrainingStatus::code)
        .containsExactly("not_started", "in_progress", "completed", "overdue");
    assertThat(TrainingStatus.forCode("OVERDUE")).contains(TrainingStatus.OVERDUE);
    assertThat(TrainingStatus.forCode("late")).isEmpty();
  }
}
