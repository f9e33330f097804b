package org.banyan.account;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountApi {

  record Me(String username, String displayName, List<String> roles, SchoolView school) {}

  record SchoolView(long id, String name, String county, String province) {
    static SchoolView of(School school) {
      return school == null
          ? null
          : new SchoolView(school.id(), school.name(), school.county(), school.province());
    }
  }

  record Created(String username, List<String> roles) {}

  record UserView(
      String username,
      String displayName,
      List<String> roles,
      SchoolView school,
      boolean enabled,
      String createdAt) {
    static UserView of(User user) {
      return new UserView(
          user.username(),
          user.displayName(),
          roleNames(user),
          SchoolView.of(user.school()),
          user.enabled(),
          user.createdAt().toString());
    }
  }

  record NewSchool(String name, String county, String province) {}

  record PasswordChange(String currentPassword, String newPassword) {}

  record PasswordReset(String username, String temporaryPassword) {}

  private final Accounts accounts;
  private final Schools schools;
  private final SessionGuard sessions;

  AccountApi(Accounts accounts, Schools schools, SessionGuard sessions) {
    this.accounts = accounts;
    this.schools = schools;
    this.sessions = sessions;
  }

  @GetMapping("/api/v1/me")
  Me me(Principal principal) {
    User user = accounts.get(principal.getName());
    return new Me(
        user.username(), user.displayName(), roleNames(user), SchoolView.of(user.school()));
  }

  /** The old password stops working at once; 400 naming the field for a wrong or weak one. */
  @PostMapping("/api/v1/me/password")
  ResponseEntity<Void> changePassword(
      @RequestBody PasswordChange change, Principal principal, HttpServletRequest request) {
    accounts.changePassword(principal.getName(), change.currentPassword(), change.newPassword());
    sessions.passwordChanged(request, principal.getName());
    return ResponseEntity.noContent().build();
  }

  @PatchMapping("/api/v1/users/{username}")
  UserView patch(@PathVariable String username, @RequestBody UserPatch patch, Principal principal) {
    return UserView.of(accounts.patch(principal.getName(), username, patch));
  }

  /** A new random password, shown once; the user must choose their own at the next sign-in. */
  @PostMapping("/api/v1/users/{username}/password-reset")
  PasswordReset resetPassword(@PathVariable String username, Principal principal) {
    String temporary = accounts.resetPassword(principal.getName(), username);
    return new PasswordReset(accounts.get(username).username(), temporary);
  }

  @PostMapping("/api/v1/users")
  ResponseEntity<Created> create(@RequestBody NewUser request, Principal principal) {
    User user = accounts.create(principal.getName(), request);
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
        .body(new Created(user.username(), roleNames(user)));
  }

  @GetMapping("/api/v1/users")
  List<UserView> users() {
    return accounts.all().stream().map(UserView::of).toList();
  }

  @GetMapping("/api/v1/users/{username}")
  UserView user(@PathVariable String username) {
    return UserView.of(accounts.get(username));
  }

  @GetMapping("/api/v1/schools")
  List<SchoolView> schools() {
    return schools.all().stream().map(SchoolView::of).toList();
  }

  @PostMapping("/api/v1/schools")
  ResponseEntity<SchoolView> createSchool(@RequestBody NewSchool request, Principal principal) {
    School school =
        schools.create(principal.getName(), request.name(), request.county(), request.province());
    return ResponseEntity.created(URI.create("/api/v1/schools/" + school.id()))
        .body(SchoolView.of(school));
  }

  private static List<String> roleNames(User user) {
    return user.roles().stream().map(Role::name).sorted().toList();
  }
}
