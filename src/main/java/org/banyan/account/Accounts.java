package org.banyan.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.banyan.problem.InvalidInput;
import org.banyan.problem.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating, finding and changing users; every change goes to the audit log. */
@Service
public class Accounts {

  static final String USERNAME_PATTERN = "[a-z][a-z0-9._-]{2,31}";

  private final Users users;
  private final Schools schools;
  private final PasswordPolicy passwords;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final LoginThrottle throttle;
  private final TransactionTemplate inTransaction;

  Accounts(
      Users users,
      Schools schools,
      PasswordPolicy passwords,
      PasswordEncoder encoder,
      AuditLog audit,
      LoginThrottle throttle,
      PlatformTransactionManager transactions) {
    this.users = users;
    this.schools = schools;
    this.passwords = passwords;
    this.encoder = encoder;
    this.audit = audit;
    this.throttle = throttle;
    this.inTransaction = new TransactionTemplate(transactions);
  }

  public Optional<User> find(String username) {
    return username == null ? Optional.empty() : users.find(normalize(username));
  }

  public User get(String username) {
    return find(username).orElseThrow(() -> UserNotFound.forUsername(username));
  }

  public List<User> all() {
    return users.all();
  }

  /**
   * Creates an enabled user.
   *
   * @throws InvalidInput naming each bad field
   * @throws UsernameTaken when the username is held already
   */
  @Transactional
  public User create(String actor, NewUser request) {
    List<Violation> violations = new ArrayList<>();
    String username = request.username() == null ? "" : normalize(request.username());
    if (!username.matches(USERNAME_PATTERN)) {
      violations.add(Violation.of("username", "invalid.username"));
    }
    String displayName = displayName(violations, request.displayName());
    passwords
        .refusal(username, request.password())
        .ifPresent(
            code -> violations.add(Violation.of("password", code, PasswordPolicy.MIN_LENGTH)));
    Set<Role> roles = roles(violations, request.roles());
    Long schoolId = school(violations, request.school());
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    if (users.find(username).isPresent()) {
      throw UsernameTaken.forUsername(username);
    }
    try {
      users.insert(
          username,
          displayName,
          encoder.encode(request.password()),
          schoolId,
          roles,
          OffsetDateTime.now(ZoneOffset.UTC));
    } catch (DuplicateKeyException e) {
      throw UsernameTaken.forUsername(username);
    }
    audit.record(actor, "USER_CREATED", username, "roles=" + describe(roles));
    return get(username);
  }

  /**
   * Changes a user's display name, school and roles. An administrator cannot take the ADMIN role
   * from themselves, so that a deployment never loses its last way in by accident.
   */
  @Transactional
  public User change(String actor, String username, UserChange change) {
    User user = get(username);
    List<Violation> violations = new ArrayList<>();
    String displayName = displayName(violations, change.displayName());
    Set<Role> roles = roles(violations, change.roles());
    Long schoolId = school(violations, change.school());
    if (user.username().equals(actor) && user.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
      violations.add(Violation.of("roles", "invalid.roles.ownAdmin"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    users.update(user.id(), displayName, schoolId, roles);
    if (!roles.equals(user.roles())) {
      audit.record(
          actor,
          "USER_ROLES_CHANGED",
          user.username(),
          describe(user.roles()) + " -> " + describe(roles));
    }
    if (!displayName.equals(user.displayName()) || !same(schoolId, user.school())) {
      audit.record(actor, "USER_CHANGED", user.username(), "display name or school");
    }
    return get(username);
  }

  /** Enables or disables a user; nobody can disable themselves. */
  @Transactional
  public User setEnabled(String actor, String username, boolean enabled) {
    User user = get(username);
    if (!enabled && user.username().equals(actor)) {
      throw InvalidInput.of("enabled", "invalid.enabled.self");
    }
    if (user.enabled() != enabled) {
      users.setEnabled(user.id(), enabled);
      audit.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", user.username(), null);
    }
    return get(username);
  }

  /**
   * Applies an administrator's partial change: each null field is kept as it is.
   *
   * @throws InvalidInput naming each bad field; then nothing is changed
   */
  @Transactional
  public User patch(String actor, String username, UserPatch patch) {
    User user = get(username);
    change(
        actor,
        username,
        new UserChange(
            patch.displayName() == null ? user.displayName() : patch.displayName(),
            patch.roles() == null ? user.roleNames() : patch.roles(),
            patch.school() == null
                ? (user.school() == null ? null : String.valueOf(user.school().id()))
                : patch.school()));
    if (patch.enabled() != null) {
      setEnabled(actor, username, patch.enabled());
    }
    return get(username);
  }

  /**
   * A user changes their own password. Their other sessions end; the one that asked goes on. Not
   * one transaction: the throttle's count of a wrong password must stay when the change is refused.
   *
   * @throws InvalidInput naming {@code currentPassword} when it is wrong (checks are throttled as
   *     sign-ins are), {@code newPassword} when the policy refuses it
   */
  public void changePassword(String username, String currentPassword, String newPassword) {
    User user = get(username);
    LoginThrottle.Attempt check;
    try {
      check = throttle.begin(user.username(), AuditLog.currentIp());
    } catch (LoginThrottled throttled) {
      throw InvalidInput.of("currentPassword", "invalid.password.throttled");
    }
    boolean right =
        currentPassword != null
            && users
                .passwordHash(user.username())
                .map(hash -> encoder.matches(currentPassword, hash))
                .orElse(false);
    if (!right) {
      throttle.failed(check);
      audit.record(username, "PASSWORD_CHANGE_REFUSED", username, "wrong current password");
      throw InvalidInput.of("currentPassword", "invalid.password.current");
    }
    throttle.succeeded(check);
    passwords
        .refusal(user.username(), newPassword)
        .or(
            () ->
                currentPassword.equals(newPassword)
                    ? Optional.of("invalid.password.same")
                    : Optional.empty())
        .ifPresent(
            code -> {
              throw InvalidInput.of("newPassword", code, PasswordPolicy.MIN_LENGTH);
            });
    String hash = encoder.encode(newPassword);
    inTransaction.executeWithoutResult(
        status -> {
          users.setPasswordHash(user.id(), hash, false);
          audit.record(username, "PASSWORD_CHANGED", username, null);
        });
  }

  /**
   * Gives a user a new random password, ends their sessions, and makes them choose their own at the
   * next sign-in.
   *
   * @return the temporary password, to hand to the user; it is not kept anywhere
   */
  @Transactional
  public String resetPassword(String actor, String username) {
    User user = get(username);
    String temporary = TemporaryPasswords.next();
    users.setPasswordHash(user.id(), encoder.encode(temporary), true);
    audit.record(actor, "USER_PASSWORD_RESET", user.username(), null);
    return temporary;
  }

  /** Sets a password that the deployment chose, bypassing the policy that people's choices meet. */
  @Transactional
  void setPasswordUnchecked(String actor, String username, String password) {
    User user = get(username);
    boolean unchanged =
        users.passwordHash(user.username()).map(h -> encoder.matches(password, h)).orElse(false);
    if (!unchanged) {
      users.setPasswordHash(user.id(), encoder.encode(password), false);
      audit.record(actor, "USER_PASSWORD_SET", user.username(), null);
    }
  }

  @Transactional
  User createUnchecked(
      String actor,
      String username,
      String displayName,
      String password,
      Set<Role> roles,
      Long schoolId) {
    users.insert(
        username,
        displayName,
        encoder.encode(password),
        schoolId,
        roles,
        OffsetDateTime.now(ZoneOffset.UTC));
    audit.record(actor, "USER_CREATED", username, "roles=" + describe(roles));
    return get(username);
  }

  long count() {
    return users.count();
  }

  static String normalize(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  private static String displayName(List<Violation> violations, String value) {
    return Violation.requiredText(violations, "displayName", value, 100);
  }

  private static Set<Role> roles(List<Violation> violations, List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names == null || names.isEmpty()) {
      violations.add(Violation.of("roles", "invalid.roles.empty"));
      return roles;
    }
    for (String name : names) {
      Optional<Role> role = Role.named(name);
      if (role.isPresent()) {
        roles.add(role.get());
      } else {
        violations.add(Violation.of("roles", "invalid.roles.unknown", String.valueOf(name)));
      }
    }
    return roles;
  }

  private Long school(List<Violation> violations, String reference) {
    try {
      return schools.resolve("school", reference).map(School::id).orElse(null);
    } catch (InvalidInput e) {
      violations.addAll(e.violations());
      return null;
    }
  }

  private static boolean same(Long schoolId, School school) {
    return schoolId == null ? school == null : school != null && school.id() == schoolId;
  }

  private static String describe(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }
}
