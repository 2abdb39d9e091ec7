package org.anju.tasklist;

import java.util.Map;

/** The rules of one process's steps, by the business id of the step (user task or start event). */
public interface StepRules {

  Map<String, StepRule> byActivityId();
}
