package org.anju.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication over the engine's identity service for the engine REST API and Anju's
 * own API, or, for a request without an Authorization header, the login of the Camunda webapps kept in
 * the HTTP session (a Cockpit plugin's calls): a request with neither gets 401; a valid one runs as its user, with the
 * user's groups and tenants, so that authorization and the tenant check apply. Passwords are
 * checked by the identity service, behind {@link LoginThrottle} (its engine interceptor): a user who
 * failed too often from this source gets 429 with Retry-After, and the password is not checked.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Basic ";
  /** Where the Camunda webapps keep their login in the HTTP session ({@code AuthenticationUtil}). */
  static final String WEBAPP_SESSION_KEY = "authenticatedUser";

  private final IdentityService identity;

  public BasicAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String userId;
    try {
      userId = header == null ? webappSessionUser(request) : authenticatedUser(header);
    } catch (LoginThrottle.Locked locked) {
      LoginThrottle.refuse(response, locked.retryAfter());
      return;
    }
    if (userId == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"anju\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/json");
      response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"Log in with your Anju user and password (HTTP Basic)\"}");
      return;
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    try {
      identity.setAuthentication(userId, groups, tenants);
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * The user logged in to the Camunda webapps (Cockpit, Tasklist, Admin) in this HTTP session, so that a
   * webapp plugin calling Anju's API with the session cookie runs as that user. The webapps keep their
   * login in the session attribute {@code authenticatedUser}: an {@link Authentications} with one
   * {@link UserAuthentication} per process engine. Groups and tenants are read again from the identity
   * service, as for HTTP Basic. Only for GET and HEAD: the webapps' CSRF protection does not cover
   * {@code /api/*} and {@code /engine-rest/*}. Null when there is no session or nobody is logged in.
   */
  private String webappSessionUser(HttpServletRequest request) {
    // reads only: the webapps' CSRF protection does not cover these paths, so a session never changes anything
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object attribute;
    try {
      attribute = session.getAttribute(WEBAPP_SESSION_KEY);
    } catch (IllegalStateException invalidated) {
      return null;
    }
    if (!(attribute instanceof Authentications authentications)) {
      return null;
    }
    for (UserAuthentication authentication : authentications.getAuthentications()) {
      String userId = authentication.getIdentityId();
      if (userId != null && identity.createUserQuery().userId(userId).count() == 1) {
        return userId;
      }
    }
    return null;
  }

  /**
   * The user whose credentials the header carries, or null when they are missing or wrong; throws
   * {@link LoginThrottle.Locked} when the user may not try from this source now.
   */
  private String authenticatedUser(String header) {
    if (header == null || !header.startsWith(PREFIX)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    return identity.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
  }
}
