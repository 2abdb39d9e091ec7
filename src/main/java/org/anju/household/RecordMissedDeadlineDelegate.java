package org.anju.household;

import org.anju.campaign.Campaign.Deadline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code ServiceTask_RecordStartDeadlineMissed} and {@code ServiceTask_RecordCompletionDeadlineMissed}
 * (input parameter {@code deadline}): the case lagged when the campaign deadline passed.
 */
@Component("recordMissedDeadlineDelegate")
public class RecordMissedDeadlineDelegate implements JavaDelegate {

  private final CaseDeadlineWatch watch;

  public RecordMissedDeadlineDelegate(CaseDeadlineWatch watch) {
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    watch.recordMiss(execution, Deadline.valueOf((String) execution.getVariableLocal("deadline")));
  }
}
