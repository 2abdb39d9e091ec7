package org.anju.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * the HTTP session (a Cockpit plugin's calls, the register upload page): a request with neither gets 401; a valid
 * one runs as its user, with the
 * user's groups and tenants, so that authorization and the tenant check apply. Passwords are
 * checked by the identity service, behind {@link LoginThrottle} (its engine interceptor): a user who
 * failed too often from this source gets 429 with Retry-After, and the password is not checked.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Basic ";
  /** Where the Camunda webapps keep their login in the HTTP session ({@code AuthenticationUtil}). */
  static final String WEBAPP_SESSION_KEY = "authenticatedUser";
  /** Where the webapps keep the session's CSRF token, and the header their pages send it in ({@code CsrfConstants}). */
  public static final String CSRF_SESSION_KEY = "CAMUNDA_CSRF_TOKEN";
  public static final String CSRF_HEADER = "X-XSRF-TOKEN";
  /** Anju's own pages, which log in through the webapps: never a browser's Basic-auth popup. */
  private static final String PAGES = "/intake/";

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
      refuse(request, response);
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
   * 401. A script or API client is challenged for HTTP Basic; a page of Anju, or a page's script (which
   * says so with {@code X-Requested-With: XMLHttpRequest}, as Spring Security has it), is told to log in
   * to the webapps instead, since a browser answers a Basic challenge with its own password popup.
   */
  private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(PAGES) || path.equals(PAGES.substring(0, PAGES.length() - 1))) {
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write(LOGIN_FIRST_PAGE);
      return;
    }
    response.setContentType("application/json;charset=UTF-8");
    if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"未登录或登录已过期：请在 Tasklist "
          + "重新登录后刷新本页。 Not logged in, or the login has expired: log in to Tasklist again, then reload this page.\","
          + "\"login\":\"/camunda/app/tasklist/\"}");
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"anju\"");
    response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"Log in with your Anju user and password (HTTP Basic)\"}");
  }

  private static final String LOGIN_FIRST_PAGE = """
      <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>请先登录 Log in first · 安居 Anju</title>
      <meta name="viewport" content="width=device-width, initial-scale=1"></head>
      <body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em">
      <h1>请先登录 Log in first</h1>
      <p id="login-first">请先在 <a href="/camunda/app/tasklist/">Tasklist</a> 用您的安居账号登录，再回到本页（刷新即可）。<br>
      Log in to <a href="/camunda/app/tasklist/">Tasklist</a> with your Anju user first, then come back to this page (reload it).</p>
      </body></html>
      """;

  /**
   * The user logged in to the Camunda webapps (Cockpit, Tasklist, Admin) in this HTTP session, so that a
   * webapp plugin calling Anju's API with the session cookie runs as that user. The webapps keep their
   * login in the session attribute {@code authenticatedUser}: an {@link Authentications} with one
   * {@link UserAuthentication} per process engine. Groups and tenants are read again from the identity
   * service, as for HTTP Basic. The webapps' CSRF filter does not cover {@code /api/*} and
   * {@code /engine-rest/*}, so a write (anything but GET and HEAD) must carry the session's CSRF token in
   * {@code X-XSRF-TOKEN}, as the webapps' own writes do: another site can make the browser send the
   * cookie, but cannot read the token. Null when there is no session, nobody is logged in, or a write
   * lacks the token.
   */
  private String webappSessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object attribute;
    try {
      attribute = session.getAttribute(WEBAPP_SESSION_KEY);
      boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
      if (!read && !carriesCsrfToken(request, session.getAttribute(CSRF_SESSION_KEY))) {
        return null;
      }
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

  private static boolean carriesCsrfToken(HttpServletRequest request, Object sessionToken) {
    String sent = request.getHeader(CSRF_HEADER);
    return sessionToken instanceof String token && !token.isEmpty() && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
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
