package org.banyan.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Looks a user up for sign-in: password hash, enabled flag and roles as authorities. */
class AccountUserDetails implements UserDetailsService {

  private final Users users;

  AccountUserDetails(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String key = Accounts.normalize(username);
    User user = users.find(key).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    String hash =
        users.passwordHash(key).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    return org.springframework.security.core.userdetails.User.withUsername(user.username())
        .password(hash)
        .disabled(!user.enabled())
        .authorities(
            user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
        .build();
  }
}
