package org.banyan.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressCsvTests {

  @Test
  void writesUtf8WithAByteOrderMarkOneLinePerTeacherInTheSchoolsTimeZone() {
    OffsetDateTime done = OffsetDateTime.of(2026, 3, 1, 16, 30, 0, 0, ZoneOffset.UTC);
    byte[] csv =
        ProgressCsv.write(
            List.of(
                new TeacherProgress(
                    "wang",
                    "王老师",
                    TrainingStatus.COMPLETED,
                    100,
                    done,
                    88,
                    done,
                    new TeacherProgress.Practice("video-call-with-parents", LocalDate.now(), 4)),
                new TeacherProgress(
                    "li", "Li, \"Mei\"", TrainingStatus.NOT_STARTED, 0, null, null, null, null)),
            ZoneId.of("Asia/Shanghai"));
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n"))
        .containsExactly(
            "username,name,status,percent,last activity,best quiz score,completed at",
            "wang,王老师,completed,100,2026-03-02 00:30,88,2026-03-02 00:30",
            "li,\"Li, \"\"Mei\"\"\",not_started,0,,,");
  }

  @Test
  void defusesCellsASpreadsheetWouldRunAsFormulas() {
    assertThat(ProgressCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(ProgressCsv.cell("+1")).isEqualTo("'+1");
    assertThat(ProgressCsv.cell("王老师")).isEqualTo("王老师");
  }
}
