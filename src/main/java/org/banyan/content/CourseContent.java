package org.banyan.content;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** Everything a revision of a course holds: its lessons in teaching order, grouped in units. */
@NamedInterface("catalog")
public record CourseContent(
    String title, String summary, String markdown, List<Integer> grades, List<Unit> units)
    implements Content {

  public CourseContent {
    grades = List.copyOf(grades == null ? List.of() : grades);
    units = List.copyOf(units == null ? List.of() : units);
  }

  /**
   * A group of lessons.
   *
   * @param week the suggested week of the term; may be null
   * @param lessons lesson slugs, in the course's language
   */
  @NamedInterface("catalog")
  public record Unit(String title, Integer week, List<String> lessons) {
    public Unit {
      lessons = List.copyOf(lessons == null ? List.of() : lessons);
    }
  }

  /** The lesson slugs in teaching order. */
  public List<String> lessonSlugs() {
    return units.stream().flatMap(u -> u.lessons().stream()).toList();
  }
}
