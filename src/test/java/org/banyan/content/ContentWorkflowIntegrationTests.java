package org.banyan.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.banyan.account.Accounts;
import org.banyan.account.AuditLog;
import org.banyan.account.NewUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ContentWorkflowIntegrationTests extends PostgresTestBase {

  @Autowired AuditLog audit;
  @Autowired Accounts accounts;
  @Autowired RecordedContentEvents recorded;
  @Autowired Catalog catalog;

  private long create(ObjectNode lesson) {
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", lesson.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Json.read(created).get("id").asLong();
  }

  private HttpResponse<String> step(String user, long id, String step) {
    return as(user).postJson("/api/v1/authoring/lessons/" + id + "/" + step, "{}");
  }

  private long publishedLesson(String slug) {
    long id = create(Json.lesson(slug, "en"));
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);
    assertThat(step("reviewer", id, "publish").statusCode()).isEqualTo(200);
    return id;
  }

  /** Saves a second revision of a published lesson with another title: a draft. */
  private HttpResponse<String> editTitle(long id, String slug, String title) {
    ObjectNode edit = Json.lesson(slug, "en");
    edit.put("title", title);
    edit.put("baseRevision", 1);
    return as("author").putJson("/api/v1/authoring/lessons/" + id, edit.toString());
  }

  @Test
  void theCatalogReadsEveryLiveItemInOneGoAsItsPublishedRevision() {
    String edited = Json.uniqueSlug("read-edited");
    long editedId = publishedLesson(edited);
    assertThat(editTitle(editedId, edited, "A draft title readers must not see").statusCode())
        .isEqualTo(200);
    long archivedId = publishedLesson(Json.uniqueSlug("read-archived"));
    assertThat(step("reviewer", archivedId, "archive").statusCode()).isEqualTo(200);
    long draftId = create(Json.lesson(Json.uniqueSlug("read-draft"), "en"));

    List<PublishedItem> streamed = new java.util.ArrayList<>();
    java.util.Set<Boolean> inReadOnlyTransaction = new java.util.HashSet<>();
    catalog.eachPublished(
        item -> {
          streamed.add(item);
          // What has PostgreSQL send the rows a few at a time, rather than all before the first.
          inReadOnlyTransaction.add(
              TransactionSynchronizationManager.isActualTransactionActive()
                  && TransactionSynchronizationManager.isCurrentTransactionReadOnly());
        });
    assertThat(inReadOnlyTransaction).containsExactly(true);
    List<PublishedListing> listed = catalog.listings();

    // The same items as the catalog reads one by one, in id order.
    List<PublishedItem> one =
        catalog.all().stream().sorted(java.util.Comparator.comparing(PublishedItem::id)).toList();
    assertThat(streamed).isEqualTo(one);
    assertThat(listed)
        .extracting(PublishedListing::id, PublishedListing::revision, PublishedListing::title)
        .containsExactlyElementsOf(
            one.stream()
                .map(
                    item ->
                        org.assertj.core.groups.Tuple.tuple(
                            item.id(), item.revision(), item.content().title()))
                .toList());
    assertThat(streamed).extracting(PublishedItem::id).doesNotContain(archivedId, draftId);
    PublishedItem published =
        streamed.stream().filter(item -> item.id() == editedId).findFirst().orElseThrow();
    assertThat(published.revision()).isEqualTo(1);
    assertThat(published.content().title()).startsWith("Sharing the swing");
    assertThat(listed)
        .filteredOn(item -> item.id() == editedId)
        .singleElement()
        .satisfies(item -> assertThat(item.title()).startsWith("Sharing the swing"));
  }

  @Test
  void aNewItemIsADraftAtRevisionOne() {
    String slug = Json.uniqueSlug("swing");
    HttpResponse<String> created =
        as("author").postJson("/api/v1/authoring/lessons", Json.lesson(slug, "en").toString());
    JsonNode body = Json.read(created);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(body.get("slug").asString()).isEqualTo(slug);
    assertThat(body.get("lang").asString()).isEqualTo("en");
    assertThat(body.get("status").asString()).isEqualTo("DRAFT");
    assertThat(body.get("revision").asInt()).isEqualTo(1);
    assertThat(client().get("/api/v1/lessons/en/" + slug).statusCode()).isEqualTo(404);
  }

  @Test
  void theWholeWayFromDraftToPublishedAndArchived() {
    String slug = Json.uniqueSlug("journey");
    long id = create(Json.lesson(slug, "en"));

    JsonNode submitted = Json.read(step("author", id, "submit"));
    assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
    JsonNode published = Json.read(step("reviewer", id, "publish"));
    assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
    assertThat(published.get("revision").asInt()).isEqualTo(1);

    HttpResponse<String> reader = client().get("/api/v1/lessons/en/" + slug);
    assertThat(reader.statusCode()).isEqualTo(200);
    assertThat(Json.read(reader).get("revision").asInt()).isEqualTo(1);

    JsonNode archived = Json.read(step("reviewer", id, "archive"));
    assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
    assertThat(client().get("/api/v1/lessons/en/" + slug).statusCode()).isEqualTo(404);
    assertThat(client().get("/lessons/en/" + slug).statusCode()).isEqualTo(404);

    List<String> actions =
        audit.recent(null, 500).stream()
            .filter(e -> ("lesson en/" + slug).equals(e.target()))
            .map(AuditLog.Entry::action)
            .toList();
    assertThat(actions)
        .contains("CONTENT_CREATED", "CONTENT_SUBMITTED", "CONTENT_PUBLISHED", "CONTENT_ARCHIVED");
  }

  @Test
  void readersKeepSeeingThePublishedRevisionWhileTheNextDraftIsEdited() {
    String slug = Json.uniqueSlug("steady");
    long id = publishedLesson(slug);
    HttpResponse<String> saved = editTitle(id, slug, "A new title still in draft");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(Json.read(saved).get("revision").asInt()).isEqualTo(2);
    assertThat(Json.read(saved).get("status").asString()).isEqualTo("DRAFT");

    JsonNode reader = Json.read(client().get("/api/v1/lessons/en/" + slug));
    assertThat(reader.get("revision").asInt()).isEqualTo(1);
    assertThat(reader.get("title").asString()).startsWith("Sharing the swing");
  }

  @Test
  void aReviewerCannotPublishARevisionTheyWrote() {
    accounts.create(
        "test",
        new NewUser(
            "both.roles",
            "Author and reviewer",
            "Lychee-orchard-path-5",
            List.of("AUTHOR", "REVIEWER"),
            null));
    WebClient both = client().basic("both.roles", "Lychee-orchard-path-5");
    String slug = Json.uniqueSlug("own");
    HttpResponse<String> created =
        both.postJson("/api/v1/authoring/lessons", Json.lesson(slug, "en").toString());
    long id = Json.read(created).get("id").asLong();
    both.postJson("/api/v1/authoring/lessons/" + id + "/submit", "{}");

    HttpResponse<String> own = both.postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}");
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(Json.read(own).get("status").asInt()).isEqualTo(403);
    assertThat(step("reviewer", id, "publish").statusCode()).isEqualTo(200);
  }

  /** An item in review at revision 2, after its author saved and resubmitted under review. */
  private long movedOnWhileInReview(String slug) {
    long id = create(Json.lesson(slug, "en"));
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);
    assertThat(editTitle(id, slug, "Text the reviewer never read").statusCode()).isEqualTo(200);
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);
    return id;
  }

  @Test
  void publishRefusesARevisionOtherThanTheOneTheReviewerRead() {
    String slug = Json.uniqueSlug("moved-on");
    long id = movedOnWhileInReview(slug);

    HttpResponse<String> stale =
        as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/publish", "{\"revision\":1}");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    JsonNode error = Json.read(stale);
    assertThat(error.get("status").asInt()).isEqualTo(409);
    assertThat(error.get("message").asString()).contains("revision 2");
    assertThat(error.get("latestRevision").asInt()).isEqualTo(2);
    assertThat(client().get("/api/v1/lessons/en/" + slug).statusCode()).isEqualTo(404);

    HttpResponse<String> read =
        as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/publish", "{\"revision\":2}");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(Json.read(read).get("revision").asInt()).isEqualTo(2);
    assertThat(Json.read(client().get("/api/v1/lessons/en/" + slug)).get("title").asString())
        .isEqualTo("Text the reviewer never read");
  }

  @Test
  void publishWithoutABodyStillPublishesTheLatestRevision() {
    String slug = Json.uniqueSlug("no-body");
    long id = movedOnWhileInReview(slug);
    HttpResponse<String> published =
        as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/publish", "");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(Json.read(published).get("revision").asInt()).isEqualTo(2);
  }

  @Test
  void publishAnswers400ForARevisionThatIsNotANumber() {
    long id = movedOnWhileInReview(Json.uniqueSlug("bad-revision"));
    HttpResponse<String> bad =
        as("reviewer")
            .postJson("/api/v1/authoring/lessons/" + id + "/publish", "{\"revision\":\"two\"}");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("revision");
  }

  @Test
  void rejectRefusesARevisionOtherThanTheOneTheReviewerRead() {
    long id = movedOnWhileInReview(Json.uniqueSlug("reject-moved-on"));
    HttpResponse<String> stale =
        as("reviewer")
            .postJson(
                "/api/v1/authoring/lessons/" + id + "/reject",
                "{\"comment\":\"Not yet\",\"revision\":1}");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(Json.read(stale).get("message").asString()).contains("revision 2");
    JsonNode item = Json.read(as("reviewer").get("/api/v1/authoring/lessons/" + id));
    assertThat(item.get("item").get("status").asString()).isEqualTo("IN_REVIEW");
  }

  @Test
  void theReviewPageSendsTheRevisionItShowedAndRefusesToPublishAnother() {
    String slug = Json.uniqueSlug("page-moved-on");
    long id = create(Json.lesson(slug, "en"));
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);
    WebClient reviewer = browserAs("reviewer");
    String page = reviewer.get("/review/lessons/" + id).body();
    assertThat(page).contains("name=\"revision\" value=\"1\"");

    assertThat(editTitle(id, slug, "Changed behind the reviewer's back").statusCode())
        .isEqualTo(200);
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);

    HttpResponse<String> decided =
        reviewer.submit(
            "/review/lessons/" + id,
            "/review/lessons/" + id + "/publish",
            java.util.Map.of("revision", "1"));
    assertThat(decided.statusCode()).isEqualTo(302);
    assertThat(decided.headers().firstValue("Location").orElseThrow())
        .endsWith("/review/lessons/" + id);
    assertThat(client().get("/api/v1/lessons/en/" + slug).statusCode()).isEqualTo(404);
    String warned = reviewer.get("/review/lessons/" + id + "?locale=en").body();
    assertThat(warned)
        .contains("id=\"stale-revision\"")
        .contains("moved on to revision 2")
        .contains("name=\"revision\" value=\"2\"");
  }

  @Test
  void aReviewerCannotPublishWhenTheyWroteAnyRevisionSinceTheLastPublishedOne() {
    accounts.create(
        "test",
        new NewUser(
            "wrote.earlier",
            "Wrote an earlier draft",
            "Tea-terrace-morning-7",
            List.of("AUTHOR", "REVIEWER"),
            null));
    WebClient both = client().basic("wrote.earlier", "Tea-terrace-morning-7");
    String slug = Json.uniqueSlug("earlier");
    HttpResponse<String> created =
        both.postJson("/api/v1/authoring/lessons", Json.lesson(slug, "en").toString());
    long id = Json.read(created).get("id").asLong();
    assertThat(editTitle(id, slug, "Someone else's latest words").statusCode()).isEqualTo(200);
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);

    HttpResponse<String> refused =
        both.postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    WebClient page = client();
    page.signIn("wrote.earlier", "Tea-terrace-morning-7");
    assertThat(page.get("/review/lessons/" + id).body())
        .contains("id=\"own-revision\"")
        .doesNotContain("/review/lessons/" + id + "/publish");
    assertThat(step("reviewer", id, "publish").statusCode()).isEqualTo(200);

    // Once another reviewer published it, their earlier revision no longer counts.
    ObjectNode next = Json.lesson(slug, "en");
    next.put("title", "A third revision by the author");
    next.put("baseRevision", 2);
    assertThat(
            as("author").putJson("/api/v1/authoring/lessons/" + id, next.toString()).statusCode())
        .isEqualTo(200);
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);
    assertThat(both.postJson("/api/v1/authoring/lessons/" + id + "/publish", "{}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void stepsThatDoNotApplyAnswer409() {
    long id = create(Json.lesson(Json.uniqueSlug("steps"), "en"));
    assertThat(step("reviewer", id, "publish").statusCode()).isEqualTo(409);
    assertThat(step("reviewer", id, "archive").statusCode()).isEqualTo(409);
    assertThat(
            as("reviewer")
                .postJson("/api/v1/authoring/lessons/" + id + "/reject", "{\"comment\":\"no\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(409);
  }

  @Test
  void aRejectionNeedsACommentAndSendsTheItemBackAsADraft() {
    long id = create(Json.lesson(Json.uniqueSlug("reject"), "en"));
    step("author", id, "submit");
    HttpResponse<String> silent =
        as("reviewer").postJson("/api/v1/authoring/lessons/" + id + "/reject", "{}");
    assertThat(silent.statusCode()).isEqualTo(400);
    assertThat(Json.read(silent).get("fields").get(0).get("field").asString()).isEqualTo("comment");

    HttpResponse<String> rejected =
        as("reviewer")
            .postJson(
                "/api/v1/authoring/lessons/" + id + "/reject",
                "{\"comment\":\"Add what to do if a child gets hurt on the swing.\"}");
    assertThat(Json.read(rejected).get("status").asString()).isEqualTo("DRAFT");
    assertThat(audit.recent("CONTENT_REJECTED", 50))
        .anyMatch(e -> e.detail().contains("child gets hurt"));
    assertThat(step("author", id, "submit").statusCode()).isEqualTo(200);
  }

  @Test
  void publishingAndArchivingAnnounceThemselvesAfterCommit() {
    String slug = Json.uniqueSlug("events");
    long id = publishedLesson(slug);
    step("reviewer", id, "archive");
    assertThat(recorded.events())
        .anySatisfy(
            e -> {
              assertThat(e).isInstanceOf(ContentPublished.class);
              assertThat(((ContentPublished) e).slug()).isEqualTo(slug);
              assertThat(((ContentPublished) e).type()).isEqualTo(ContentType.LESSON);
              assertThat(((ContentPublished) e).id()).isEqualTo(id);
            })
        .anySatisfy(
            e -> {
              assertThat(e).isInstanceOf(ContentArchived.class);
              assertThat(((ContentArchived) e).slug()).isEqualTo(slug);
            });
  }

  @Test
  void restoringAnOldRevisionMakesANewDraftAndTheHistoryShowsTheDiff() {
    String slug = Json.uniqueSlug("restore");
    long id = create(Json.lesson(slug, "en"));
    ObjectNode edit = Json.lesson(slug, "en");
    edit.put("title", "Changed title");
    edit.put("markdown", "## Teacher background\n\nA different first line.\n");
    edit.put("baseRevision", 1);
    edit.put("note", "shorter");
    as("author").putJson("/api/v1/authoring/lessons/" + id, edit.toString());

    JsonNode revisions =
        Json.read(as("author").get("/api/v1/authoring/lessons/" + id + "/revisions"));
    assertThat(revisions.values()).extracting(r -> r.get("revision").asInt()).containsExactly(2, 1);
    assertThat(revisions.get(0).get("note").asString()).isEqualTo("shorter");
    assertThat(revisions.get(0).get("author").asString()).isEqualTo("author");

    JsonNode diff =
        Json.read(as("author").get("/api/v1/authoring/lessons/" + id + "/diff?from=1&to=2"));
    assertThat(diff.get("fields").values())
        .extracting(f -> f.get("field").asString())
        .contains("title");
    assertThat(diff.get("markdown").values())
        .anyMatch(
            l ->
                l.get("kind").asString().equals("+")
                    && l.get("text").asString().contains("A different first line"));

    HttpResponse<String> restored =
        as("author").postJson("/api/v1/authoring/lessons/" + id + "/revisions/1/restore", "{}");
    assertThat(Json.read(restored).get("revision").asInt()).isEqualTo(3);
    JsonNode draft = Json.read(as("author").get("/api/v1/authoring/lessons/" + id));
    assertThat(draft.get("content").get("title").asString()).startsWith("Sharing the swing");

    String page = browserAs("author").get("/authoring/lessons/" + id + "/diff?from=1&to=2").body();
    assertThat(page).contains("class=\"add\"").contains("Changed title");
  }

  @Test
  void invalidInputNamesEachBadField() {
    ObjectNode bad = Json.lesson(Json.uniqueSlug("bad"), "en");
    bad.put("title", " ");
    bad.putArray("competencies").add("telepathy");
    bad.putArray("topics").add("rocket-science");
    bad.putArray("grades").add(0).add(10);
    bad.put("durationMinutes", 241);
    HttpResponse<String> refused =
        as("author").postJson("/api/v1/authoring/lessons", bad.toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.read(refused).get("fields").values())
        .extracting(f -> f.get("field").asString())
        .contains("title", "competencies", "topics", "grades", "durationMinutes");
    assertThat(refused.body()).contains("telepathy").contains("rocket-science");

    ObjectNode wrongType = Json.lesson(Json.uniqueSlug("type"), "en");
    wrongType.put("durationMinutes", "forty");
    HttpResponse<String> typed =
        as("author").postJson("/api/v1/authoring/lessons", wrongType.toString());
    assertThat(typed.statusCode()).isEqualTo(400);
    assertThat(Json.read(typed).get("fields").get(0).get("field").asString())
        .isEqualTo("durationMinutes");
  }

  @Test
  void aTakenSlugAnswers409AndTheSameSlugInTheOtherLanguageIsFine() {
    String slug = Json.uniqueSlug("twin");
    long english = create(Json.lesson(slug, "en"));
    assertThat(
            as("author")
                .postJson("/api/v1/authoring/lessons", Json.lesson(slug, "en").toString())
                .statusCode())
        .isEqualTo(409);
    ObjectNode chinese = Json.lesson(slug, "zh-CN");
    chinese.put("translationOf", english);
    assertThat(as("author").postJson("/api/v1/authoring/lessons", chinese.toString()).statusCode())
        .isEqualTo(201);
  }

  @Test
  void theLessonApiAnswersEveryFieldAndLinksTranslations() {
    JsonNode lesson = Json.read(client().get("/api/v1/lessons/en/naming-feelings"));
    for (String field :
        List.of(
            "id",
            "slug",
            "lang",
            "title",
            "summary",
            "competencies",
            "topics",
            "grades",
            "durationMinutes",
            "setting",
            "materials",
            "objectives",
            "markdown",
            "html",
            "attachments",
            "revision",
            "publishedAt",
            "translations")) {
      assertThat(lesson.has(field)).as(field).isTrue();
    }
    assertThat(lesson.get("translations").get(0).get("lang").asString()).isEqualTo("zh-CN");
    assertThat(lesson.get("translations").get(0).get("slug").asString())
        .isEqualTo("naming-feelings");
    JsonNode attachment = lesson.get("attachments").get(0);
    assertThat(attachment.get("name").asString()).isEqualTo("feelings-faces.svg");
    assertThat(attachment.get("contentType").asString()).isEqualTo("image/svg+xml");
    assertThat(client().get(attachment.get("url").asString()).statusCode()).isEqualTo(200);
  }

  @Test
  void theCourseApiListsLessonsInTeachingOrder() {
    JsonNode course = Json.read(client().get("/api/v1/courses/en/feelings-first"));
    assertThat(course.get("lessons").values())
        .extracting(l -> l.get("slug").asString())
        .startsWith("naming-feelings", "emotion-thermometer", "calm-body-breathing");
    assertThat(course.get("lessons").get(0).get("title").asString()).isNotBlank();
    assertThat(course.get("units").size()).isGreaterThan(1);
  }

  @Test
  void aCourseIsPublishedOnlyWhenItsLessonsAre() {
    String lessonSlug = Json.uniqueSlug("unpublished");
    create(Json.lesson(lessonSlug, "en"));
    String body =
        """
        {"lang":"en","title":"Early course","summary":"Two lessons.","markdown":"Run it weekly.",
         "grades":[1],"lessons":[{"lang":"en","slug":"naming-feelings"},{"lang":"en","slug":"%s"}]}
        """
            .formatted(lessonSlug);
    HttpResponse<String> created = as("author").postJson("/api/v1/authoring/courses", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Json.read(created).get("id").asLong();
    as("author").postJson("/api/v1/authoring/courses/" + id + "/submit", "{}");
    HttpResponse<String> refused =
        as("reviewer").postJson("/api/v1/authoring/courses/" + id + "/publish", "{}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains(lessonSlug);
  }

  @Test
  void theModuleApiNeedsSignInAndNeverGivesTheAnswers() {
    assertThat(client().get("/api/v1/modules/en/teacher-wellbeing").statusCode()).isEqualTo(401);
    HttpResponse<String> module = as("teacher").get("/api/v1/modules/en/teacher-wellbeing");
    assertThat(module.statusCode()).isEqualTo(200);
    JsonNode quiz =
        Json.read(module).get("units").values().stream()
            .filter(u -> u.get("type").asString().equals("quiz"))
            .findFirst()
            .orElseThrow();
    assertThat(quiz.get("questions").size()).isGreaterThanOrEqualTo(5);
    assertThat(module.body()).doesNotContain("\"correct\"");
  }

  @Test
  void aLessonPageShowsSafeguardingThenTheReferralContactsAndWarnsWhenSensitive() {
    String high =
        client().header("Accept-Language", "en").get("/lessons/en/standing-up-to-bullying").body();
    assertThat(high).contains("id=\"high-sensitivity\"");
    int safeguarding = high.indexOf("<h2 id=\"safeguarding\"");
    int contacts = high.indexOf("class=\"referral\"");
    int takeHome = high.indexOf("<h2 id=\"adaptations\"");
    assertThat(safeguarding).isPositive();
    assertThat(contacts).isGreaterThan(safeguarding).isLessThan(takeHome);
    assertThat(high).contains("12356");

    String low = client().get("/lessons/en/naming-feelings").body();
    assertThat(low).doesNotContain("id=\"high-sensitivity\"").contains("12356");
    assertThat(low).contains("hreflang=\"zh-CN\"").contains("/lessons/zh-CN/naming-feelings");
  }

  @Test
  void thePrintKitHasWorksheetsOnTheirOwnPagesAndTheTakeHomeSlip() {
    String kit = client().get("/lessons/en/emotion-thermometer/print").body();
    assertThat(kit).contains("class=\"print-page worksheet\"").contains("emotion-thermometer.svg");
    assertThat(kit).contains("class=\"print-page slip\"");
    int body = kit.indexOf("class=\"lesson-body\"");
    int slip = kit.indexOf("class=\"print-page slip\"");
    assertThat(slip).isGreaterThan(body);
    String main = kit.substring(body, kit.indexOf("class=\"print-page"));
    assertThat(main).doesNotContain("<h2 id=\"take-home-note-for-guardians\"");
  }

  @Test
  void theCoursePageShowsUnitsWeeksAndTotalTime() {
    String page = client().header("Accept-Language", "en").get("/courses/en/feelings-first").body();
    assertThat(page).contains("class=\"unit\"").contains("week").contains("400 min");
  }

  @Test
  void theReviewQueueListsPublishedLessonsPastTheirReviewDate() {
    String slug = Json.uniqueSlug("due");
    ObjectNode lesson = Json.lesson(slug, "en");
    lesson.put("reviewBy", "2020-01-31");
    lesson.put("sensitivity", "high");
    long id = create(lesson);
    step("author", id, "submit");
    JsonNode waiting = Json.read(as("reviewer").get("/api/v1/authoring/review-queue"));
    assertThat(waiting.get("inReview").values()).anyMatch(i -> i.get("id").asLong() == id);
    step("reviewer", id, "publish");
    JsonNode due = Json.read(as("reviewer").get("/api/v1/authoring/review-queue"));
    assertThat(due.get("dueForReReview").values()).anyMatch(i -> i.get("id").asLong() == id);
    assertThat(due.get("inReview").values()).noneMatch(i -> i.get("id").asLong() == id);
    assertThat(browserAs("reviewer").get("/review").body()).contains("/review/lessons/" + id);
  }

  @Test
  void theEditorPreviewsMarkdownOnTheServerWithoutSaving() {
    String slug = Json.uniqueSlug("preview");
    long id = create(Json.lesson(slug, "en"));
    java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("baseRevision", "1");
    form.put("title", "Preview me");
    form.put("summary", "S");
    form.put("competencies", "self-awareness");
    form.put("topics", "friendship");
    form.put("grades", "2");
    form.put("durationMinutes", "40");
    form.put("objectives", "One");
    form.put("markdown", "## Warm-up\n\n**bold move** <script>alert(1)</script>");
    form.put("action", "preview");
    WebClient browser = browserAs("author");
    HttpResponse<String> page =
        browser.submit("/authoring/lessons/" + id, "/authoring/lessons/" + id, form);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"preview\"")
        .contains("<strong>bold move</strong>")
        .doesNotContain("<script>alert(1)</script>")
        .doesNotContain("id=\"unrendered-emphasis\"");

    form.put("markdown", "## Warm-up\n\n**画一幅画。**画你想念的人。说一声**谢谢司机。");
    HttpResponse<String> leftover =
        browser.submit("/authoring/lessons/" + id, "/authoring/lessons/" + id, form);
    assertThat(leftover.body())
        .contains("<strong>画一幅画。</strong>")
        .contains("id=\"unrendered-emphasis\"")
        .contains("**谢谢司机");
    assertThat(Json.read(as("author").get("/api/v1/authoring/lessons/" + id + "/revisions")).size())
        .isEqualTo(1);

    form.put("action", "save");
    assertThat(
            browser
                .submit("/authoring/lessons/" + id, "/authoring/lessons/" + id, form)
                .statusCode())
        .isEqualTo(302);
    assertThat(Json.read(as("author").get("/api/v1/authoring/lessons/" + id + "/revisions")).size())
        .isEqualTo(2);
  }
}
