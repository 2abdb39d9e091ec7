package org.anju.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Empties a step's decision fields when its task is created ({@link Step#freshOnEntry()}).
 * Setting them to null, rather than removing them, keeps a variable local to a multi-instance
 * problem local to it.
 */
class FreshFormListener implements TaskListener {

  private final Steps steps;

  FreshFormListener(Steps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    steps.step(task.getTaskDefinitionKey()).ifPresent(step -> {
      for (String name : step.freshOnEntry()) {
        if (task.hasVariable(name)) {
          task.setVariable(name, null);
        }
      }
    });
  }
}
