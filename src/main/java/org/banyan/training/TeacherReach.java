package org.banyan.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.banyan.account.Accounts;
import org.banyan.account.Role;
import org.banyan.account.School;
import org.banyan.account.Schools;
import org.banyan.account.User;
import org.banyan.problem.Violation;
import org.springframework.stereotype.Component;

/**
 * Whom a trainer may add to a cohort or assign by name: the teachers of the trainer's own school
 * and of the schools in its county (the same county of the same province: names of counties repeat
 * across provinces). A trainer without a school reaches nobody; an administrator reaches everyone.
 * Whoever is out of reach is treated as unknown, so that asking says nothing about who exists
 * elsewhere.
 */
@Component
class TeacherReach {

  private final Accounts accounts;
  private final Schools schools;

  TeacherReach(Accounts accounts, Schools schools) {
    this.accounts = accounts;
    this.schools = schools;
  }

  /** Every enabled teacher the trainer may add, by name. */
  List<Teacher> teachers(String trainer, boolean admin) {
    Predicate<User> reach = reach(trainer, admin);
    return accounts.all().stream()
        .filter(u -> u.enabled() && u.hasRole(Role.TEACHER) && reach.test(u))
        .map(TeacherReach::teacher)
        .sorted(Comparator.comparing(Teacher::displayName).thenComparing(Teacher::username))
        .toList();
  }

  /** The schools whose teachers the trainer may add all at once. */
  List<School> schools(String trainer, boolean admin) {
    return schools.all().stream().filter(near(trainer, admin)).toList();
  }

  /**
   * Resolves usernames and school ids to the usernames of teachers in reach, adding a violation
   * naming every unknown (or out of reach) user, non-teacher, and unknown (or out of reach) school.
   */
  Set<String> resolve(
      String trainer,
      boolean admin,
      String field,
      Collection<String> usernames,
      Collection<Long> schoolIds,
      List<Violation> violations) {
    Predicate<School> near = near(trainer, admin);
    Predicate<User> reach = reach(trainer, admin);
    Map<String, User> everyone = new LinkedHashMap<>();
    accounts.all().forEach(u -> everyone.put(u.username(), u));
    Set<String> found = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    List<String> notTeachers = new ArrayList<>();
    for (String raw : usernames == null ? List.<String>of() : usernames) {
      String username = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
      User user = everyone.get(username);
      if (user == null || !user.enabled() || !reach.test(user)) {
        unknown.add(String.valueOf(raw));
      } else if (!user.hasRole(Role.TEACHER)) {
        notTeachers.add(username);
      } else {
        found.add(username);
      }
    }
    if (!unknown.isEmpty()) {
      violations.add(
          Violation.of(field, "invalid.training.unknownUsers", String.join(", ", unknown)));
    }
    if (!notTeachers.isEmpty()) {
      violations.add(
          Violation.of(field, "invalid.training.notTeachers", String.join(", ", notTeachers)));
    }
    List<String> unknownSchools = new ArrayList<>();
    for (Long id : schoolIds == null ? List.<Long>of() : schoolIds) {
      Optional<School> school = id == null ? Optional.empty() : schools.find(id);
      if (school.isEmpty() || !near.test(school.get())) {
        unknownSchools.add(String.valueOf(id));
        continue;
      }
      everyone.values().stream()
          .filter(u -> u.enabled() && u.hasRole(Role.TEACHER))
          .filter(u -> u.school() != null && u.school().id() == id)
          .map(User::username)
          .forEach(found::add);
    }
    if (!unknownSchools.isEmpty()) {
      violations.add(
          Violation.of(
              "schools", "invalid.training.unknownSchools", String.join(", ", unknownSchools)));
    }
    return found;
  }

  /** Keeps the usernames of the teachers still in the trainer's reach, in order. */
  List<String> within(String trainer, boolean admin, List<String> usernames) {
    if (admin) {
      return usernames;
    }
    Predicate<User> reach = reach(trainer, false);
    Set<String> near =
        accounts.all().stream().filter(reach).map(User::username).collect(Collectors.toSet());
    return usernames.stream().filter(near::contains).toList();
  }

  /** The schools near the trainer: their own, and those of the same county. */
  private Predicate<School> near(String trainer, boolean admin) {
    if (admin) {
      return school -> true;
    }
    School home = accounts.find(trainer).map(User::school).orElse(null);
    if (home == null) {
      return school -> false;
    }
    String county = home.county() == null ? "" : home.county().strip();
    String province = home.province() == null ? "" : home.province().strip();
    return school ->
        school.id() == home.id()
            || (!county.isEmpty()
                && school.county() != null
                && county.equals(school.county().strip())
                && school.province() != null
                && province.equals(school.province().strip()));
  }

  private Predicate<User> reach(String trainer, boolean admin) {
    if (admin) {
      return user -> true;
    }
    Predicate<School> near = near(trainer, false);
    return user -> user.school() != null && near.test(user.school());
  }

  static Teacher teacher(User user) {
    return new Teacher(
        user.username(), user.displayName(), user.school() == null ? null : user.school().name());
  }
}
