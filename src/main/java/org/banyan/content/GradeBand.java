package org.banyan.content;

import java.util.List;

/**
 * The grade bands the catalog is browsed by: lower, middle and upper primary, junior secondary. A
 * lesson or course is listed under every band its grades reach into.
 */
enum GradeBand {
  LOWER_PRIMARY(1, 2),
  MIDDLE_PRIMARY(3, 4),
  UPPER_PRIMARY(5, 6),
  JUNIOR_SECONDARY(7, 9);

  private final int first;
  private final int last;

  GradeBand(int first, int last) {
    this.first = first;
    this.last = last;
  }

  /** The band as pages and messages name it: {@code 1-2}, {@code 7-9}. */
  String key() {
    return first + "-" + last;
  }

  boolean reaches(List<Integer> grades) {
    return grades.stream().anyMatch(grade -> grade != null && grade >= first && grade <= last);
  }
}
