package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private static final ApplicationModules MODULES = ApplicationModules.of(BanyanApplication.class);

  /** Where the module canvases and diagrams live, beside the architecture they illustrate. */
  private static final String DOCS = "docs/modules";

  @Test
  void featuresUseEachOtherOnlyThroughTheirPublicFace() {
    MODULES.verify();
  }

  @Test
  void searchSeesOnlyTheCatalogAndItsEventsOfContent() {
    var search = MODULES.getModuleByName("search").orElseThrow();
    var content = MODULES.getModuleByName("content").orElseThrow();
    var catalog = content.getNamedInterfaces().getByName("catalog").orElseThrow();
    var events = content.getNamedInterfaces().getByName("events").orElseThrow();
    assertThat(catalog.contains(org.banyan.content.Catalog.class)).isTrue();
    assertThat(events.contains(org.banyan.content.ContentPublished.class)).isTrue();
    assertThat(catalog.contains(org.banyan.content.Authoring.class)).isFalse();
    assertThat(search.getDirectDependencies(MODULES).contains(content)).isTrue();
    assertThat(MODULES.getModuleByName("problem").orElseThrow().isOpen()).isTrue();
  }

  /**
   * Writes each module's canvas (its face, events, beans, properties) and the diagrams into {@code
   * docs/modules}, so the documentation is remade from the code by every build.
   */
  @Test
  void writesTheModuleCanvasesIntoTheDocs() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    assertThat(Files.readString(Path.of(DOCS, "module-content.adoc"))).contains("o.b.c.Catalog");
    assertThat(Files.readString(Path.of(DOCS, "module-search.adoc")))
        .contains("Events listened to")
        .contains("o.b.c.ContentPublished");
    assertThat(Files.readString(Path.of(DOCS, "module-training.adoc")))
        .contains("o.b.c.LessonDelivered");
  }
}
