package org.banyan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.banyan.web.JsonErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in by its {@code Authorization: Bearer} token, with the owner's current
 * roles: two indexed queries and no password hash. A token that is unknown, revoked or expired, or
 * whose owner is disabled, gets 401 at once, even on a path open to visitors.
 */
class TokenAuthentication extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final Users users;
  private final JsonErrors errors;

  TokenAuthentication(ApiTokens tokens, Users users, JsonErrors errors) {
    this.tokens = tokens;
    this.users = users;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiTokens.Bearer> bearer =
        tokens.authenticate(header.substring(BEARER.length()).strip());
    Optional<Users.SignInState> owner =
        bearer.flatMap(b -> users.signInState(b.username())).filter(Users.SignInState::enabled);
    if (bearer.isEmpty() || owner.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"Banyan\", error=\"invalid_token\"");
      errors.write(response, HttpStatus.UNAUTHORIZED, "The token is unknown, revoked or expired");
      return;
    }
    UsernamePasswordAuthenticationToken signedIn =
        UsernamePasswordAuthenticationToken.authenticated(
            bearer.get().username(),
            null,
            owner.get().roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList());
    signedIn.setDetails(bearer.get());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(signedIn);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  /** Whether the request was signed in by a token (which may not make more tokens). */
  static boolean byToken(org.springframework.security.core.Authentication authentication) {
    return authentication != null && authentication.getDetails() instanceof ApiTokens.Bearer;
  }
}
