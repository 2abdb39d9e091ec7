package org.anju.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.anju.tasklist.StepCatalogue.NamePart;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Names every new task after its step and what its catalogue names it by ("入户核验 Verify housing safety ·
 * 王秀英 · 宋家沟村"), so that a list of 200 tasks is readable. A rectification task names its problem.
 */
class TaskNamingListener implements TaskListener {

  private final Steps steps;

  TaskNamingListener(Steps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> parts = new ArrayList<>();
    parts.add(task.getName());
    List<NamePart> named = steps.catalogueOf(task.getTaskDefinitionKey()).map(StepCatalogue::nameParts)
        .orElse(List.of());
    for (NamePart part : named) {
      if (task.getVariable(part.variable()) instanceof String text && !text.isBlank()) {
        parts.add(text.length() > part.maxLength() ? text.substring(0, part.maxLength()) + "…" : text);
      }
    }
    task.setName(String.join(" · ", parts));
    // the case's id (a household's 户号), in Tasklist's Description tab and searchable as the business key
    String caseId = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (caseId != null) {
      String about = task.getDescription();
      task.setDescription("编号 Case id: " + caseId + (about == null || about.isBlank() ? "" : "\n\n" + about));
    }
  }
}
