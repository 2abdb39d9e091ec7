package org.anju.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Names every new task after its step and its household ("入户核验 Verify housing safety · 王秀英 ·
 * 宋家沟村"), so that a list of 200 tasks is readable. A rectification task names its problem.
 */
public class TaskNamingListener implements TaskListener {

  static final int PROBLEM_EXCERPT = 24;

  @Override
  public void notify(DelegateTask task) {
    List<String> parts = new ArrayList<>();
    parts.add(task.getName());
    addIfPresent(parts, task.getVariable("headName"));
    addIfPresent(parts, task.getVariable("village"));
    Object problem = task.getVariable("problemDescription");
    if (problem instanceof String text && !text.isBlank()) {
      parts.add(text.length() > PROBLEM_EXCERPT ? text.substring(0, PROBLEM_EXCERPT) + "…" : text);
    }
    task.setName(String.join(" · ", parts));
  }

  private static void addIfPresent(List<String> parts, Object value) {
    if (value instanceof String text && !text.isBlank()) {
      parts.add(text);
    }
  }
}
