package org.anju.access;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts {@link LoginThrottle} in front of every password check the engine makes for an HTTP request: HTTP
 * Basic ({@link BasicAuthenticationFilter}), the webapps' login, {@code POST /identity/verify} and the
 * current password of {@code PUT /user/{id}/credentials}. A locked (user, source) gets
 * {@link LoginThrottle.Locked} and its password is not checked. Checks outside a request (Java callers,
 * jobs) are not throttled: they come from Anju's own code.
 */
final class LoginThrottleInterceptor extends CommandInterceptor {

  private static final Field USER_ID = IdentityRules.field(CheckPassword.class, "userId");

  private final LoginThrottle throttle;

  LoginThrottleInterceptor(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public <T> T execute(Command<T> command) {
    String source = command instanceof CheckPassword ? currentSource() : null;
    if (source == null) {
      return next.execute(command);
    }
    String userId = (String) IdentityRules.read(USER_ID, command);
    throttle.attempt(userId, source);
    T valid = next.execute(command);
    if (Boolean.TRUE.equals(valid)) {
      throttle.succeeded(userId, source);
    }
    return valid;
  }

  /** The source of the HTTP request this thread serves (Spring's request context), or null. */
  private String currentSource() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet ? throttle.sourceOf(servlet.getRequest()) : null;
  }
}
