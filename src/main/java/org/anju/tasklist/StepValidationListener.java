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

  /** How a missing document is named: not a field of the form, the Documents tab's list. */
  public static final String DOCUMENTS = "documents";

  private final Steps steps;
  private final ReferenceFormats formats;
  private final StepEvidence evidence;

  StepValidationListener(Steps steps, ReferenceFormats formats, StepEvidence evidence) {
    this.steps = steps;
    this.formats = formats;
    this.evidence = evidence;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the step was cancelled, not completed: nothing was submitted
    }
    steps.step(execution.getCurrentActivityId()).ifPresent(step -> {
      FieldErrors errors = new FieldErrors();
      step.rule().check(new StepValues(execution, errors, formats));
      missingDocuments(step, execution, errors);
      if (!errors.isEmpty()) {
        // a clerk's mistake, not a fault: one line, with the case and the fields (RefusalLog drops the stack)
        LOG.info("refused {} of case {}: {}", execution.getCurrentActivityId(), execution.getProcessBusinessKey(),
            errors.forLog());
      }
      errors.throwIfAny();
    });
  }

  /** The documents this step needs for what was submitted and that the Documents tab does not hold yet. */
  private void missingDocuments(Step step, DelegateExecution execution, FieldErrors errors) {
    var needed = step.requiredFor(execution);
    if (needed.isEmpty()) {
      return;
    }
    var given = evidence.recordsGiven(execution);
    var missing = needed.stream().filter(d -> !given.contains(d.name())).toList();
    if (!missing.isEmpty()) {
      errors.add(DOCUMENTS, "缺少" + String.join("、", missing.stream().map(Step.Document::zh).toList())
          + "，请在“资料”页上传", "missing " + String.join(", ", missing.stream().map(Step.Document::en).toList())
          + ": upload them on the Documents tab");
    }
  }
}
