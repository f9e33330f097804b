package org.banyan.content;

import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Everything a revision of a lesson holds.
 *
 * <p>A new field is added here, to the authoring form ({@code ContentForms} and its template) and
 * to the pages that show it; the {@code content/} files, the API's request and answer and the
 * stored JSON follow this record by themselves.
 *
 * @param setting may be null
 * @param sensitivity never null: low when not given
 * @param reviewBy when a reviewer should look again; may be null
 */
@NamedInterface("catalog")
public record LessonContent(
    String title,
    String summary,
    List<String> competencies,
    List<String> topics,
    List<Integer> grades,
    int durationMinutes,
    Setting setting,
    List<String> materials,
    List<String> objectives,
    String markdown,
    Sensitivity sensitivity,
    LocalDate reviewBy,
    List<Attachment> attachments)
    implements Content {

  public LessonContent {
    competencies = List.copyOf(competencies == null ? List.of() : competencies);
    topics = List.copyOf(topics == null ? List.of() : topics);
    grades = List.copyOf(grades == null ? List.of() : grades);
    materials = List.copyOf(materials == null ? List.of() : materials);
    objectives = List.copyOf(objectives == null ? List.of() : objectives);
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
    title = title == null ? null : title.strip();
    summary = summary == null ? null : summary.strip();
    sensitivity = sensitivity == null ? Sensitivity.LOW : sensitivity;
  }

  /** This lesson with other attachments, everything else the same. */
  public LessonContent withAttachments(List<Attachment> attachments) {
    return new LessonContent(
        title,
        summary,
        competencies,
        topics,
        grades,
        durationMinutes,
        setting,
        materials,
        objectives,
        markdown,
        sensitivity,
        reviewBy,
        attachments);
  }

  /**
   * A file attached to a lesson: a worksheet, a picture, an audio clip.
   *
   * @param name its file name, cleaned so that it stays in its folder when written out
   */
  @NamedInterface("catalog")
  public record Attachment(String name, String mediaId) {

    public Attachment {
      name = AttachmentNames.clean(name);
    }
  }
}
