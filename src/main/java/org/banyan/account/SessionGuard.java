package org.banyan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.banyan.web.JsonErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every signed-in request to the user's current record, so that disabling a user, changing
 * their roles or their password takes effect on their very next request. A page session ends when
 * its user was disabled or their password changed since it signed in, and when it is older than the
 * absolute lifetime; its roles follow the user's. A user whose password was reset may do nothing
 * but choose a new one.
 */
class SessionGuard extends OncePerRequestFilter {

  static final String SIGNED_IN_AT = SessionGuard.class.getName() + ".signedInAt";
  static final String CREDENTIALS_VERSION = SessionGuard.class.getName() + ".credentialsVersion";
  static final String PASSWORD_PAGE = "/account/password";
  static final String PASSWORD_API = "/api/v1/me/password";

  private final Users users;
  private final SessionSettings settings;
  private final Clock clock;
  private final JsonErrors errors;
  private final HttpSessionSecurityContextRepository contexts =
      new HttpSessionSecurityContextRepository();

  SessionGuard(Users users, SessionSettings settings, Clock clock, JsonErrors errors) {
    this.users = users;
    this.settings = settings;
    this.clock = clock;
    this.errors = errors;
  }

  /** Marks a page session as signed in now, under the user's current credentials. */
  void signedIn(HttpServletRequest request, String username) {
    HttpSession session = request.getSession();
    session.setAttribute(SIGNED_IN_AT, clock.instant());
    users
        .signInState(Accounts.normalize(username))
        .ifPresent(state -> session.setAttribute(CREDENTIALS_VERSION, state.credentialsVersion()));
  }

  boolean passwordChangeDue(String username) {
    return users
        .signInState(Accounts.normalize(username))
        .map(Users.SignInState::mustChangePassword)
        .orElse(false);
  }

  /** Keeps the asking session signed in after its own password change. */
  void passwordChanged(HttpServletRequest request, String username) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      users
          .signInState(Accounts.normalize(username))
          .ifPresent(
              state -> session.setAttribute(CREDENTIALS_VERSION, state.credentialsVersion()));
    }
  }

  /** The themes' files are the same for everyone: no record to check. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return themeFile(path(request));
  }

  private static boolean themeFile(String path) {
    return path.startsWith("/theme/") || path.startsWith("/themes/") || path.equals("/favicon.ico");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null
        || !signedIn.isAuthenticated()
        || signedIn instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Users.SignInState> state = users.signInState(Accounts.normalize(signedIn.getName()));
    boolean api = path(request).startsWith("/api/");
    if (!api && !sessionStillValid(request, state)) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      chain.doFilter(request, response);
      return;
    }
    if (state.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (state.get().mustChangePassword() && !mayWhileChangeIsDue(request)) {
      if (api) {
        errors.write(
            response,
            HttpStatus.FORBIDDEN,
            "Your password was reset: choose a new one first (POST " + PASSWORD_API + ")");
      } else {
        response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
      }
      return;
    }
    if (!api) {
      followRoles(request, response, signedIn, state.get().roles());
    }
    chain.doFilter(request, response);
  }

  private boolean sessionStillValid(HttpServletRequest request, Optional<Users.SignInState> state) {
    HttpSession session = request.getSession(false);
    if (session == null || state.isEmpty() || !state.get().enabled()) {
      return false;
    }
    Object at = session.getAttribute(SIGNED_IN_AT);
    Object version = session.getAttribute(CREDENTIALS_VERSION);
    return at instanceof Instant since
        && !clock.instant().isAfter(since.plus(settings.absoluteTimeout()))
        && version instanceof Integer v
        && v == state.get().credentialsVersion();
  }

  private void followRoles(
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication signedIn,
      Set<Role> roles) {
    Set<String> now = roles.stream().map(Role::authority).collect(Collectors.toSet());
    Set<String> held =
        signedIn.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());
    if (now.equals(held)) {
      return;
    }
    UsernamePasswordAuthenticationToken updated =
        UsernamePasswordAuthenticationToken.authenticated(
            signedIn.getPrincipal(), null, now.stream().map(SimpleGrantedAuthority::new).toList());
    updated.setDetails(signedIn.getDetails());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(updated);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  private static boolean mayWhileChangeIsDue(HttpServletRequest request) {
    String path = path(request);
    return path.equals(PASSWORD_PAGE)
        || path.equals(PASSWORD_API)
        || path.equals("/api/v1/me")
        || path.equals("/logout")
        || path.equals("/error")
        || themeFile(path);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
