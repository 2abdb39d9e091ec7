package org.anju.access;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) behind
 * {@link LoginThrottle}: a user who failed too often from this source gets 429 with Retry-After before the
 * webapp checks the password. The failures themselves are counted in the engine
 * ({@link LoginThrottleInterceptor}), where the webapp's password check runs; without this filter a locked
 * user would still be refused, but with the webapp's own error instead of 429.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final LoginThrottle throttle;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !WEBAPP_LOGIN.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // reads the form body; the webapp's resource takes its @FormParam values from the parameters then
    String user = request.getParameter("username");
    Optional<Duration> locked = user == null ? Optional.empty() : throttle.lockedFor(user, throttle.sourceOf(request));
    if (locked.isPresent()) {
      LoginThrottle.refuse(response, locked.get());
      return;
    }
    chain.doFilter(request, response);
  }
}
