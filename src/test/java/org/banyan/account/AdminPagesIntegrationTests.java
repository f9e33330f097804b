package org.banyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.banyan.PostgresTestBase;
import org.banyan.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdminPagesIntegrationTests extends PostgresTestBase {

  @Autowired Accounts accounts;
  @Autowired AuditLog audit;

  private WebClient admin() {
    WebClient admin = client();
    assertThat(admin.signIn("admin", ADMIN_PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    return admin;
  }

  @Test
  void anAdminCreatesEditsAndDisablesAUserThroughThePages() {
    WebClient admin = admin();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", "li.ming");
    form.put("displayName", "李明");
    form.put("password", "Bamboo-bridge-village-3");
    form.put("roles", "TEACHER");
    HttpResponse<String> created = admin.submit("/admin/users/new", "/admin/users", form);
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(admin.get("/admin/users").body()).contains("li.ming").contains("李明");

    HttpResponse<String> edited =
        admin.submit(
            "/admin/users/li.ming",
            "/admin/users/li.ming",
            Map.of("displayName", "李明老师", "roles", "TRAINER"));
    assertThat(edited.statusCode()).isEqualTo(302);
    assertThat(accounts.get("li.ming").roles()).containsExactly(Role.TRAINER);
    assertThat(accounts.get("li.ming").displayName()).isEqualTo("李明老师");

    admin.submit(
        "/admin/users/li.ming", "/admin/users/li.ming/enabled", Map.of("enabled", "false"));
    assertThat(accounts.get("li.ming").enabled()).isFalse();
    assertThat(client().basic("li.ming", "Bamboo-bridge-village-3").get("/api/v1/me").statusCode())
        .isEqualTo(401);

    assertThat(audit.recent("USER_ROLES_CHANGED", 50))
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("admin");
              assertThat(e.target()).isEqualTo("li.ming");
              assertThat(e.detail()).isEqualTo("TEACHER -> TRAINER");
            });
    assertThat(audit.recent("USER_DISABLED", 50)).anyMatch(e -> "li.ming".equals(e.target()));
    assertThat(admin.get("/admin/audit").body()).contains("USER_DISABLED").contains("li.ming");
  }

  @Test
  void aRefusedFormIsShownAgainWithItsErrorsAndTheEnteredValues() {
    WebClient admin = admin();
    HttpResponse<String> refused =
        admin.submit(
            "/admin/users/new",
            "/admin/users",
            Map.of("username", "wu.lan", "displayName", "吴兰", "password", "short"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"password-error\"")
        .contains("id=\"roles-error\"")
        .contains("value=\"吴兰\"")
        .doesNotContain("value=\"short\"");
    assertThat(accounts.find("wu.lan")).isEmpty();
  }

  @Test
  void anAdminCannotDisableThemselves() {
    WebClient admin = admin();
    admin.submit("/admin/users/admin", "/admin/users/admin/enabled", Map.of("enabled", "false"));
    assertThat(accounts.get("admin").enabled()).isTrue();
  }

  @Test
  void anAdminAddsASchool() {
    WebClient admin = admin();
    admin.submit(
        "/admin/schools",
        "/admin/schools",
        Map.of("name", "山后村小学", "county", "永泰县", "province", "福建省"));
    assertThat(admin.get("/admin/schools").body()).contains("山后村小学").contains("永泰县");
    HttpResponse<String> duplicate =
        admin.submit(
            "/admin/schools",
            "/admin/schools",
            Map.of("name", "山后村小学", "county", "永泰县", "province", "福建省"));
    assertThat(duplicate.statusCode()).isEqualTo(200);
    assertThat(duplicate.body()).contains("id=\"name-error\"");
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    WebClient admin = admin();
    HttpResponse<String> forged =
        admin.postForm("/admin/schools", Map.of("name", "伪造", "county", "x", "province", "y"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(admin.get("/admin/schools").body()).doesNotContain("伪造");
  }

  @Test
  void otherRolesGetAThemedForbiddenPage() {
    WebClient teacher = client();
    teacher.signIn("teacher", DEMO_PASSWORD);
    HttpResponse<String> page = teacher.get("/admin/users");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("<html").contains("class=\"error-page\"");
  }

  @Test
  void signingInChangesTheSessionId() {
    WebClient browser = client();
    browser.get("/login");
    String before = browser.cookie("JSESSIONID");
    browser.signIn("author", DEMO_PASSWORD);
    String after = browser.cookie("JSESSIONID");
    assertThat(before).isNotNull();
    assertThat(after).isNotNull().isNotEqualTo(before);
  }

  @Test
  void signingOutEndsTheSession() {
    WebClient browser = client();
    browser.signIn("author", DEMO_PASSWORD);
    assertThat(browser.get("/").body()).contains("data-user=\"author\"");
    browser.submit("/", "/logout", Map.of());
    assertThat(browser.get("/").body()).doesNotContain("data-user=\"author\"");
  }
}
