package org.anju.household;

import org.anju.household.HouseholdCaseProcess.Outcome;
import org.anju.household.HouseholdCaseProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Serves the end events of {@code household-case}: records how the case ended. */
@Component("recordOutcome")
public class RecordOutcome {

  private final HouseholdRegistry registry;

  public RecordOutcome(HouseholdRegistry registry) {
    this.registry = registry;
  }

  public void record(DelegateExecution execution, String outcome) {
    Outcome checked = Outcome.valueOf(outcome);
    Typed.OUTCOME.set(execution, checked);
    registry.recordOutcome(execution.getProcessBusinessKey(), checked.name(), ClockUtil.getCurrentTime().toInstant());
  }
}
