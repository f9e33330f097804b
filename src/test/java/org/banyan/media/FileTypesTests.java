package org.banyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypesTests {

  private static String typeOf(byte[] head) {
    return FileTypes.detect(head).map(FileTypes.Detected::contentType).orElse("refused");
  }

  private static byte[] bytes(int... values) {
    byte[] data = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      data[i] = (byte) values[i];
    }
    return data;
  }

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void tellsAcceptedTypesFromTheirFirstBytes() {
    assertThat(typeOf(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0)))
        .isEqualTo("image/png");
    assertThat(typeOf(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("image/jpeg");
    assertThat(typeOf(text("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo("image/webp");
    assertThat(typeOf(text("%PDF-1.7\n"))).isEqualTo("application/pdf");
    assertThat(typeOf(text("ID3\u0004\0\0"))).isEqualTo("audio/mpeg");
    assertThat(typeOf(bytes(0xFF, 0xFB, 0x90, 0x44))).isEqualTo("audio/mpeg");
    assertThat(typeOf(text("\0\0\0\u0020ftypM4A \0\0"))).isEqualTo("audio/mp4");
    assertThat(typeOf(text("\0\0\0\u0018ftypisom\0\0"))).isEqualTo("video/mp4");
    assertThat(typeOf(text("OggS\0\u0002"))).isEqualTo("audio/ogg");
    assertThat(
            typeOf(
                text(
                    "<?xml version=\"1.0\"?>\n<!-- x -->\n<svg xmlns=\"http://www.w3.org/2000/svg\">")))
        .isEqualTo("image/svg+xml");
  }

  @Test
  void refusesEverythingElseWhateverItIsCalled() {
    assertThat(typeOf(text("<html><script>alert(1)</script>"))).isEqualTo("refused");
    assertThat(typeOf(text("MZ\u0090\0"))).isEqualTo("refused");
    assertThat(typeOf(text("PK\u0003\u0004"))).isEqualTo("refused");
    assertThat(typeOf(text("<svgx>"))).isEqualTo("refused");
    assertThat(typeOf(new byte[0])).isEqualTo("refused");
  }

  @Test
  void cleansFileNames() {
    assertThat(FileNames.clean("../../etc/passwd", "png")).isEqualTo("passwd.png");
    assertThat(FileNames.clean("C:\\Users\\x\\情绪 温度计.SVG", "svg")).isEqualTo("情绪-温度计.svg");
    assertThat(FileNames.clean("<script>.png", "png")).isEqualTo("script.png");
    assertThat(FileNames.clean("", "pdf")).isEqualTo("file.pdf");
  }
}
