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
  private final CaseDeadlineWatch deadlines;

  public RecordOutcome(HouseholdRegistry registry, CaseDeadlineWatch deadlines) {
    this.registry = registry;
    this.deadlines = deadlines;
  }

  public void record(DelegateExecution execution, String outcome) {
    Outcome checked = Outcome.valueOf(outcome);
    Typed.OUTCOME.set(execution, checked);
    registry.recordOutcome(execution.getProcessBusinessKey(), checked.name(), ClockUtil.getCurrentTime().toInstant());
    deadlines.recheck(execution); // an ended case lags no more: a wait past a deadline must not keep it open
  }
}
