package org.banyan.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password sign-in with throttling and an audit trail. Every failure looks the same from outside
 * (wrong password, unknown or disabled user), and a throttled username is refused before its
 * password is even checked.
 */
class ThrottledAuthentication implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final AuditLog audit;

  ThrottledAuthentication(
      AuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
  }

  @Override
  public Authentication authenticate(Authentication attempt) throws AuthenticationException {
    String username = LoginThrottle.key(attempt.getName());
    String ip = ipOf(attempt);
    LoginThrottle.Attempt slot;
    try {
      slot = throttle.begin(username, ip);
    } catch (LoginThrottled refused) {
      audit.recordFrom(ip, username, "LOGIN_THROTTLED", username, null);
      throw refused;
    }
    Authentication result;
    try {
      result = passwords.authenticate(attempt);
    } catch (AuthenticationException refused) {
      throttle.failed(slot);
      audit.recordFrom(ip, username, "LOGIN_FAILED", username, null);
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(slot);
    if (!isApiRequest()) {
      audit.recordFrom(ip, username, "LOGIN_SUCCEEDED", username, null);
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> type) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
  }

  private static String ipOf(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }

  /** API calls authenticate on every request, so only their failures are worth an audit line. */
  private static boolean isApiRequest() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
    return false;
  }
}
