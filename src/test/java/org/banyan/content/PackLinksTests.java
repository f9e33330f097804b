package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackLinksTests {

  @Test
  void fileNamesAreAsciiWithTheirExtensionKept() {
    assertThat(PackLinks.asciiName("练习单.png")).isEqualTo("file.png");
    assertThat(PackLinks.asciiName("My Map (1).PNG")).isEqualTo("My-Map-1.png");
    assertThat(PackLinks.asciiName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(PackLinks.asciiName("情绪温度计 v2.pdf")).isEqualTo("v2.pdf");
    assertThat(PackLinks.asciiName("...")).isEqualTo("file");
  }

  @Test
  void linksIntoTheSiteBecomePackLinksOrPlainText() {
    PackLinks links = new PackLinks(List.of(), null);
    String page =
        new String(
            links.html(
                "<p><a href=\"/search\">the site</a> and <a href=\"https://example.org/\">out</a>"
                    + " and <a href=\"#top\">top</a></p>",
                "../"),
            StandardCharsets.UTF_8);
    assertThat(page)
        .isEqualTo(
            "<p>the site and <a href=\"https://example.org/\">out</a> and <a href=\"#top\">top</a></p>");
  }
}
