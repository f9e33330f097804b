package org.banyan.account;

import java.util.List;
import org.banyan.web.JsonErrors;
import org.banyan.web.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in. Pages: form sign-in with a session, CSRF on every form, session fixation protection.
 * The API under {@code /api}: stateless HTTP Basic, errors in the API's JSON shape.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AccountSettings.class)
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
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      AuthenticationManager manager,
      JsonErrors errors,
      List<PublicPaths> publicPaths)
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
          response.setHeader("WWW-Authenticate", "Basic realm=\"Banyan\"");
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
      HttpSecurity http, AuthenticationManager manager, List<PublicPaths> publicPaths)
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
        .formLogin(
            form -> form.loginPage("/login").failureHandler(failure).defaultSuccessUrl("/", false))
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
}
