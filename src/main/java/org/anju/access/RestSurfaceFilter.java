package org.anju.access;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets staff reach only {@link RestSurface#STAFF} of the engine REST API, on both of its mounts
 * ({@code /engine-rest} and the webapps' {@code /camunda/api/engine/engine/{name}}). The path is judged
 * as the REST API will read it: percent-decoded; a path the API would read differently from how it is
 * written (a {@code ;} parameter, an encoded slash, dot segments, a doubled or trailing slash) is not
 * a path a page sends and answers 404. Administrators pass.
 */
public class RestSurfaceFilter extends OncePerRequestFilter {

  private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(/.*)?$");
  private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)?$");

  private final IdentityService identity;

  public RestSurfaceFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    var engine = ENGINE_REST.matcher(raw);
    var webapp = WEBAPP_ENGINE.matcher(raw);
    String path = engine.matches() ? engine.group(1) : webapp.matches() ? webapp.group(1) : null;
    List<String> groups = path == null ? null : callerGroups(request);
    if (path == null || groups == null || groups.contains(Groups.CAMUNDA_ADMIN)) {
      chain.doFilter(request, response); // not the engine API, nobody logged in (the API refuses), or an administrator
      return;
    }
    String canonical = canonical(path);
    if (canonical == null) {
      RestResponses.write(response, HttpServletResponse.SC_NOT_FOUND, "NotFoundException", RestRefusals.NOT_FOUND);
      return;
    }
    if (!RestSurface.allowsStaff(request.getMethod(), canonical)) {
      RestResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Refused: " + request.getMethod() + " " + canonical + " is not part of a clerk's work; an administrator does it"
              + " / 此操作不属于工作人员的职责，请联系管理员");
      return;
    }
    if ("POST".equals(request.getMethod()) && SubmittedValues.SUBMISSION.matcher(canonical).matches()) {
      byte[] body = request.getInputStream().readAllBytes(); // bounded by RequestBodyLimit
      List<String> problems = SubmittedValues.problems(body);
      if (!problems.isEmpty()) {
        RestResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
            "Invalid input: " + String.join("; ", problems));
        return;
      }
      request = SubmittedValues.withBody(request, body);
    }
    chain.doFilter(request, response);
  }

  /**
   * The path as the REST API reads it, or null when it could be read in two ways: a {@code ;} matrix
   * parameter, an encoded {@code /}, {@code \} or {@code %}, a dot segment, an empty segment.
   */
  static String canonical(String path) {
    if (path == null || path.isEmpty() || path.contains(";") || path.contains("\\")) {
      return null;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    if (decoded.length() > 1 && decoded.endsWith("/")) {
      return null;
    }
    String[] segments = decoded.substring(1).split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains(";")
          || segment.contains("%") || segment.contains("\\")) {
        return null;
      }
    }
    // an encoded slash would make more segments than the raw path shows
    return path.split("/", -1).length == decoded.split("/", -1).length ? decoded : null;
  }

  /** The caller's groups: from the engine's authentication (HTTP Basic) or the webapps' login; null if nobody. */
  private List<String> callerGroups(HttpServletRequest request) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null) {
      return current.getGroupIds() == null ? List.of() : current.getGroupIds();
    }
    HttpSession session = request.getSession(false);
    Object attribute = null;
    try {
      attribute = session == null ? null : session.getAttribute(BasicAuthenticationFilter.WEBAPP_SESSION_KEY);
    } catch (IllegalStateException invalidated) {
      return null;
    }
    if (attribute instanceof Authentications authentications) {
      for (UserAuthentication user : authentications.getAuthentications()) {
        if (user.getIdentityId() != null) {
          return user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
        }
      }
    }
    return null;
  }
}
