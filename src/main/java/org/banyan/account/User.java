package org.banyan.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A person who signs in to Banyan.
 *
 * @param school the school the user works at; null when none is set
 */
public record User(
    long id,
    String username,
    String displayName,
    Set<Role> roles,
    School school,
    boolean enabled,
    OffsetDateTime createdAt) {

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** The role names in a stable order, as forms and answers list them. */
  public List<String> roleNames() {
    return roles.stream().map(Role::name).sorted().toList();
  }
}
