package org.anju.tasklist;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Checks a user task's form values when the task completes, with the rule registered for the task.
 * It listens to the end of the activity rather than the task's complete event, because the engine
 * wraps task-listener exceptions into a server error, while a validation failure thrown here reaches
 * the REST API as 400 with the message.
 */
class StepValidationListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(StepValidationListener.class);

  private final Steps steps;
  private final ReferenceFormats formats;

  StepValidationListener(Steps steps, ReferenceFormats formats) {
    this.steps = steps;
    this.formats = formats;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the step was cancelled, not completed: nothing was submitted
    }
    steps.step(execution.getCurrentActivityId()).ifPresent(step -> {
      FieldErrors errors = new FieldErrors();
      step.rule().check(new StepValues(execution, errors, formats));
      if (!errors.isEmpty()) {
        // a clerk's mistake, not a fault: one line, with the case and the fields (RefusalLog drops the stack)
        LOG.info("refused {} of case {}: {}", execution.getCurrentActivityId(), execution.getProcessBusinessKey(),
            errors.forLog());
      }
      errors.throwIfAny();
    });
  }
}
