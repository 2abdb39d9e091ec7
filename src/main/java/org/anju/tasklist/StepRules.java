package org.anju.tasklist;

import java.util.List;
import java.util.Map;

/** The rules of one process's steps, by the business id of the step (user task or start event). */
public interface StepRules {

  Map<String, StepRule> byActivityId();

  /**
   * The decisions a step asks afresh each time it is entered (a review after a rejection, a second
   * acceptance inspection): they are emptied when its task is created, so that neither the form
   * shows the last answer nor the rule accepts it again unasked.
   */
  default Map<String, List<String>> freshOnEntry() {
    return Map.of();
  }
}
