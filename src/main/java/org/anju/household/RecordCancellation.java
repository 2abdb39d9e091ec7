package org.anju.household;

import org.anju.clock.AnjuClock;
import org.anju.household.HouseholdCaseProcess.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Records in the household table that a case was cancelled (deleted in Cockpit or through the API), so that
 * it no longer counts as open or lagging. Added to the process as a built-in listener
 * ({@link HouseholdPlugin}): a deletion may skip the model's custom listeners, never the built-in ones.
 */
class RecordCancellation implements ExecutionListener {

  private final HouseholdRegistry registry;

  RecordCancellation(HouseholdRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled() && execution.getProcessBusinessKey() != null) {
      registry.recordCancellation(execution.getProcessBusinessKey(), Outcome.CANCELLED.name(), AnjuClock.now());
    }
  }
}
