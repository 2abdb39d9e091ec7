package org.anju.config;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.classic.turbo.TurboFilter;

/**
 * A clerk's mistake is not a server error. The engine logs every exception that ends a command as
 * ERROR with its whole stack ({@code ENGINE-16004}); for a refused form, a refused permission or a task
 * that is gone this filter drops that entry. A refused form has already been logged in one line with its
 * case and fields by the rule that refused it ({@code StepValidationListener}, the start listeners); the
 * others get one line here: WARN for a refused permission (someone tried what is not theirs), INFO for
 * what is not there. Every other exception stays an ERROR with its stack: that is a fault.
 * Installed by {@code logback-spring.xml}.
 */
public class RefusalLog extends TurboFilter {

  static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
  private static final Logger REFUSALS = LoggerFactory.getLogger("anju.refusals");

  @Override
  public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
      Object[] params, Throwable t) {
    if (level != Level.ERROR || !ENGINE_CONTEXT.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    if (t == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      t = last; // the engine passes the exception as the last argument of its message
    }
    if (t == null) {
      return FilterReply.NEUTRAL;
    }
    if (t instanceof FormFieldValidationException) {
      return FilterReply.DENY;
    }
    if (t instanceof AuthorizationException) {
      REFUSALS.warn("refused: {}", firstLine(t));
      return FilterReply.DENY;
    }
    if (t instanceof NotFoundException || t instanceof NullValueException || t instanceof BadUserRequestException) {
      REFUSALS.info("refused: {}", firstLine(t));
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static String firstLine(Throwable t) {
    String message = String.valueOf(t.getMessage());
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 500 ? line.substring(0, 500) + "…" : line;
  }
}
