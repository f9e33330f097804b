package org.banyan.account;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A user's personal access tokens, made, listed and revoked through the API. */
@RestController
class TokensApi {

  /** What a new token is asked for with; {@code expiresInDays} is 90 when left out. */
  record NewToken(String name, Integer expiresInDays) {}

  private final ApiTokens tokens;

  TokensApi(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * 201 with the secret, the only time it is shown. A token cannot make another: a token that
   * leaked must not outlive its own expiry through the ones it made.
   */
  @PostMapping("/api/v1/me/tokens")
  ResponseEntity<ApiTokens.Created> create(
      @RequestBody(required = false) NewToken request, Authentication authentication) {
    if (TokenAuthentication.byToken(authentication)) {
      throw new AccessDeniedException("Tokens are made with a password or on the account page");
    }
    NewToken asked = request == null ? new NewToken(null, null) : request;
    ApiTokens.Created created =
        tokens.create(authentication.getName(), asked.name(), asked.expiresInDays());
    return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/me/tokens")
  List<ApiTokens.Token> list(Principal principal) {
    return tokens.list(principal.getName());
  }

  /** 204; another user's token, or none, is 404. */
  @DeleteMapping("/api/v1/me/tokens/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id, Principal principal) {
    tokens.revoke(principal.getName(), id);
    return ResponseEntity.noContent().build();
  }
}
