package org.banyan.account;

import java.time.Clock;
import java.util.List;
import org.banyan.web.JsonErrors;
import org.banyan.web.PublicPaths;
import org.banyan.web.UploadPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Two ways in. Pages: form sign-in with a session, CSRF on every form, session fixation protection.
 * The API under {@code /api}: stateless, by personal access token ({@code Authorization: Bearer})
 * or, the slow way for trying things out, HTTP Basic; errors in the API's JSON shape.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({AccountSettings.class, SessionSettings.class})
class SecurityConfiguration {

  /** No inline script anywhere: every script is a file of the theme. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** The API browser that springdoc ships sets inline styles; its scripts still come from files. */
  static final String API_BROWSER_POLICY =
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationManager authenticationManager(
      Users users, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit) {
    DaoAuthenticationProvider passwords =
        new DaoAuthenticationProvider(new AccountUserDetails(users));
    passwords.setPasswordEncoder(encoder);
    return new ProviderManager(new ThrottledAuthentication(passwords, throttle, audit));
  }

  @Bean
  SessionGuard sessionGuard(Users users, SessionSettings settings, Clock clock, JsonErrors errors) {
    return new SessionGuard(users, settings, clock, errors);
  }

  @Bean
  UploadGate uploadGate(
      List<UploadPaths> uploads,
      @Value("${banyan.storage.max-file-size:50MB}") DataSize maxFileSize,
      JsonErrors errors) {
    return new UploadGate(uploads, maxFileSize, errors);
  }

  /** The guards run inside the security chains, where they belong, and not a second time. */
  @Bean
  FilterRegistrationBean<SessionGuard> sessionGuardOutsideChains(SessionGuard guard) {
    return disabled(guard);
  }

  @Bean
  FilterRegistrationBean<UploadGate> uploadGateOutsideChains(UploadGate gate) {
    return disabled(gate);
  }

  private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> disabled(F filter) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      AuthenticationManager manager,
      JsonErrors errors,
      List<PublicPaths> publicPaths,
      SessionGuard sessionGuard,
      UploadGate uploadGate,
      ApiTokens tokens,
      Users users,
      @Value("${banyan.base-url}") String baseUrl)
      throws Exception {
    String[] openReads =
        publicPaths.stream().flatMap(p -> p.apiReads().stream()).toArray(String[]::new);
    AuthenticationEntryPoint unauthenticated =
        (request, response, e) -> {
          if (e instanceof LoginThrottled) {
            response.setHeader("Retry-After", String.valueOf(LoginThrottle.LOCK.toSeconds()));
            errors.write(response, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            return;
          }
          // Not "Basic": a browser would ask for a password, then keep sending it to every request
          // to the API, cross-site forms included. API clients send their credentials unasked.
          response.setHeader("WWW-Authenticate", "Bearer realm=\"Banyan\"");
          errors.write(response, HttpStatus.UNAUTHORIZED, "Authentication is required");
        };
    AccessDeniedHandler denied =
        (request, response, e) ->
            errors.write(response, HttpStatus.FORBIDDEN, "Your roles do not allow this");
    http.securityMatcher("/api/**")
        .authenticationManager(manager)
        .authorizeHttpRequests(
            requests -> {
              if (openReads.length > 0) {
                requests.requestMatchers(HttpMethod.GET, openReads).permitAll();
              }
              requests
                  .requestMatchers(HttpMethod.POST, "/api/v1/users")
                  .hasRole(Role.ADMIN.name())
                  .requestMatchers("/api/v1/users/**", "/api/v1/schools/**", "/api/v1/admin/**")
                  .hasRole(Role.ADMIN.name())
                  .anyRequest()
                  .authenticated();
            })
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
        .addFilterBefore(new ApiOriginGuard(baseUrl, errors), BasicAuthenticationFilter.class)
        .addFilterBefore(uploadGate, BasicAuthenticationFilter.class)
        .addFilterBefore(
            new TokenAuthentication(tokens, users, errors), BasicAuthenticationFilter.class)
        .addFilterAfter(sessionGuard, BasicAuthenticationFilter.class)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      AuthenticationManager manager,
      List<PublicPaths> publicPaths,
      SessionGuard sessionGuard,
      UploadGate uploadGate)
      throws Exception {
    String[] openPages =
        publicPaths.stream().flatMap(p -> p.pages().stream()).toArray(String[]::new);
    AuthenticationFailureHandler failure =
        (request, response, e) ->
            response.sendRedirect(
                request.getContextPath()
                    + (e instanceof LoginThrottled ? "/login?throttled" : "/login?error"));
    RequestMatcher apiBrowser = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    http.authenticationManager(manager)
        .authorizeHttpRequests(
            requests -> {
              if (openPages.length > 0) {
                requests.requestMatchers(openPages).permitAll();
              }
              requests
                  .requestMatchers(
                      "/",
                      "/login",
                      "/error",
                      "/theme/**",
                      "/themes/**",
                      "/favicon.ico",
                      "/actuator/health",
                      "/actuator/health/**",
                      "/actuator/info",
                      "/v3/api-docs",
                      "/v3/api-docs/**",
                      "/swagger-ui.html",
                      "/swagger-ui/**")
                  .permitAll()
                  .requestMatchers("/admin/**", "/actuator/**")
                  .hasRole(Role.ADMIN.name())
                  .anyRequest()
                  .authenticated();
            })
        .addFilterAfter(sessionGuard, SecurityContextHolderFilter.class)
        .addFilterBefore(uploadGate, CsrfFilter.class)
        .formLogin(
            form ->
                form.loginPage("/login")
                    .failureHandler(failure)
                    .successHandler(signedIn(sessionGuard)))
        .logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny())
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy", "camera=(), microphone=(), geolocation=()")));
    http.headers(
        headers ->
            headers.addHeaderWriter(
                new DelegatingRequestMatcherHeaderWriter(
                    apiBrowser,
                    (request, response) ->
                        response.setHeader("Content-Security-Policy", API_BROWSER_POLICY))));
    return http.build();
  }

  /** Back to the page that asked for sign-in, or home; to the password page when one is due. */
  private static AuthenticationSuccessHandler signedIn(SessionGuard guard) {
    SavedRequestAwareAuthenticationSuccessHandler back =
        new SavedRequestAwareAuthenticationSuccessHandler();
    back.setDefaultTargetUrl("/");
    return (request, response, authentication) -> {
      guard.signedIn(request, authentication.getName());
      if (guard.passwordChangeDue(authentication.getName())) {
        response.sendRedirect(request.getContextPath() + SessionGuard.PASSWORD_PAGE);
      } else {
        back.onAuthenticationSuccess(request, response, authentication);
      }
    };
  }
}
