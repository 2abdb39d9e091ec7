package org.anju.tasklist;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Checks a user task's form values when the task completes, with the rule registered for the task.
 * It listens to the end of the activity rather than the task's complete event, because the engine
 * wraps task-listener exceptions into a server error, while a validation failure thrown here reaches
 * the REST API as 400 with the message.
 */
class StepValidationListener implements ExecutionListener {

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
      errors.throwIfAny();
    });
  }
}
