package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaReferencesTests {

  private static final String SHEET = "0f8e7a36-5d3b-4c58-9a57-1d2f3e4a5b6c";
  private static final String PICTURE = "1a2b3c4d-5e6f-4a5b-8c9d-0e1f2a3b4c5d";
  private static final String AUDIO = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

  private static LessonContent lesson(String markdown, List<LessonContent.Attachment> files) {
    return new LessonContent(
        "T", "S", null, null, null, 30, null, null, null, markdown, null, null, files);
  }

  @Test
  void aLessonUsesItsAttachmentsAndTheFilesItsMarkdownShowsOrLinks() {
    String markdown =
        "![faces](/media/"
            + PICTURE.toUpperCase()
            + "/faces.svg)\n\n[the sheet](https://banyan.example/media/"
            + SHEET
            + "/sheet.pdf) and /media/not-an-id/x.png";
    assertThat(
            MediaReferences.in(
                lesson(markdown, List.of(new LessonContent.Attachment("sheet", SHEET)))))
        .containsExactlyInAnyOrder(SHEET, PICTURE);
  }

  @Test
  void aModuleUsesItsMediaUnitsAndTheFilesOfItsReadings() {
    ModuleContent module =
        new ModuleContent(
            "T",
            "S",
            "Intro",
            10,
            List.of(
                new ModuleContent.Media("a", "Listen", null, AUDIO),
                new ModuleContent.Reading("b", "Read", "![p](/media/" + PICTURE + "/p.png)")));
    assertThat(MediaReferences.in(module)).containsExactlyInAnyOrder(AUDIO, PICTURE);
  }

  @Test
  void aCourseUsesWhatItsMarkdownShows() {
    CourseContent course =
        new CourseContent("T", "S", "See ![map](/media/" + SHEET + "/map.png)", null, null);
    assertThat(MediaReferences.in(course)).containsExactly(SHEET);
    assertThat(MediaReferences.in(lesson(null, null))).isEmpty();
  }
}
