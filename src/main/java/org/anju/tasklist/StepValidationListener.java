package org.anju.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Checks a user task's form values when the task completes, with the rule registered for the task.
 * It listens to the end of the activity rather than the task's complete event, because the engine
 * wraps task-listener exceptions into a server error, while a validation failure thrown here reaches
 * the REST API as 400 with the message.
 */
public class StepValidationListener implements ExecutionListener {

  private final Map<String, StepRule> rules = new HashMap<>();

  public StepValidationListener(List<StepRules> ruleSets) {
    ruleSets.forEach(set -> rules.putAll(set.byActivityId()));
  }

  public boolean hasRuleFor(String activityId) {
    return rules.containsKey(activityId);
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the step was cancelled, not completed: nothing was submitted
    }
    StepRule rule = rules.get(execution.getCurrentActivityId());
    if (rule != null) {
      FieldErrors errors = new FieldErrors();
      rule.check(new StepValues(execution, errors));
      errors.throwIfAny();
    }
  }
}
