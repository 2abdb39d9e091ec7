package org.anju.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Empties a step's decision fields when its task is created ({@link StepRules#freshOnEntry()}).
 * Setting them to null, rather than removing them, keeps a variable local to a multi-instance
 * problem local to it.
 */
public class FreshFormListener implements TaskListener {

  private final Map<String, List<String>> fields = new HashMap<>();

  public FreshFormListener(List<StepRules> ruleSets) {
    ruleSets.forEach(set -> fields.putAll(set.freshOnEntry()));
  }

  @Override
  public void notify(DelegateTask task) {
    for (String name : fields.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
      if (task.hasVariable(name)) {
        task.setVariable(name, null);
      }
    }
  }
}
