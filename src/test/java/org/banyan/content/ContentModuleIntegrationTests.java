package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.banyan.PostgresTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The content feature alone, with only what it depends on (accounts, media, the web layer): no
 * search, no courses, no training. Publishing still works, and announces itself with the event the
 * other features follow, once the transaction has committed.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
// The readiness group names the search index, which is not started here.
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class ContentModuleIntegrationTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    PostgresTestBase.database(registry);
  }

  @Autowired Authoring authoring;
  @Autowired Reviews reviews;
  @Autowired ApplicationContext context;

  @Test
  void theFeatureStartsWithoutTheFeaturesThatFollowIt() {
    assertThat(context.getBeanNamesForType(Authoring.class)).hasSize(1);
    for (String other : List.of("org.banyan.search", "org.banyan.training", "org.banyan.course")) {
      assertThat(context.getBeanDefinitionNames())
          .noneMatch(
              name ->
                  context.getType(name) != null
                      && context.getType(name).getPackageName().startsWith(other));
    }
  }

  @Test
  void publishingALessonAnnouncesItOnceCommitted(Scenario scenario) {
    String slug = "module-scenario-" + System.nanoTime();
    ItemSummary draft =
        authoring.create(
            ContentType.LESSON, "author", new NewItem(slug, "en", null, lesson(slug), null));
    reviews.submit(ContentType.LESSON, draft.id(), "author");

    scenario
        .stimulate(() -> reviews.publish(ContentType.LESSON, draft.id(), "reviewer", null))
        .andWaitForEventOfType(ContentPublished.class)
        .matching(event -> event.slug().equals(slug))
        .toArriveAndVerify(
            (event, published) -> {
              assertThat(event.id()).isEqualTo(draft.id());
              assertThat(event.type()).isEqualTo(ContentType.LESSON);
              assertThat(event.revision()).isEqualTo(published.publishedRevision());
              assertThat(published.status()).isEqualTo(Status.PUBLISHED);
            });

    scenario
        .stimulate(() -> reviews.archive(ContentType.LESSON, draft.id(), "reviewer"))
        .andWaitForEventOfType(ContentArchived.class)
        .matching(event -> event.slug().equals(slug))
        .toArriveAndVerify(event -> assertThat(event.id()).isEqualTo(draft.id()));
  }

  private static LessonContent lesson(String slug) {
    return new LessonContent(
        "Sharing the swing " + slug,
        "Children practise taking turns on the one swing in the school yard.",
        List.of("relationship-skills"),
        List.of("friendship"),
        List.of(1, 2),
        40,
        Setting.OUTDOORS,
        List.of("one swing", "chalk"),
        List.of("Children can wait for a turn and ask for one."),
        "## Teacher background\n\nTurns matter.\n\n## Warm-up\n\n### Count to ten (5 min)\n\n"
            + "## Safeguarding\n\nIf a child is often pushed off, follow the referral path.\n\n"
            + "## Take-home note for guardians\n\nAsk your child who they played with today.\n",
        Sensitivity.LOW,
        null,
        List.of());
  }
}
