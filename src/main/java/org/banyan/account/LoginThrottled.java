package org.banyan.account;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because its username or address had too many recent failures. */
class LoginThrottled extends AuthenticationException {

  LoginThrottled() {
    super("Too many failed sign-ins; try again in 15 minutes");
  }
}
