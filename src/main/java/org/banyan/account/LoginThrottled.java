package org.banyan.account;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because the username had too many recent failures. */
class LoginThrottled extends AuthenticationException {

  LoginThrottled() {
    super("Too many failed sign-ins for this username; try again in 15 minutes");
  }
}
