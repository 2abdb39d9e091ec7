package org.anju.tasklist;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The documents already given for a user task while it completes: the household file's store answers, so
 * that a step whose required documents are missing is refused like a bad field.
 */
public interface StepEvidence {

  /** The names of the records given for the task of {@code execution} (the user task that is completing). */
  Set<String> recordsGiven(DelegateExecution execution);
}
