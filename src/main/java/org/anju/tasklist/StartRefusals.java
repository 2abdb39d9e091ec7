package org.anju.tasklist;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refused start (a registration, a check) is a clerk's mistake, not a fault: it is logged in one line with
 * who started it and the fields, and {@code RefusalLog} drops the engine's ERROR with its stack.
 */
public final class StartRefusals {

  /** The rule of a start event's listener. */
  @FunctionalInterface
  public interface StartRule {
    void check(DelegateExecution execution);
  }

  private static final Logger LOG = LoggerFactory.getLogger(StartRefusals.class);

  private StartRefusals() {}

  /** Runs {@code rule}; a refusal is logged in one line as "refused a {@code what} by user: fields" and rethrown. */
  public static void checked(String what, DelegateExecution execution, StartRule rule) {
    try {
      rule.check(execution);
    } catch (FormFieldValidationException refused) {
      Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      LOG.info("refused a {} by {}: {}", what, user == null ? "the system" : user.getUserId(),
          FieldErrors.forLog(refused));
      throw refused;
    }
  }
}
