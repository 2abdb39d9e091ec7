package org.anju.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Serves {@code ServiceTask_ScanOverdueSteps} of {@code overdue-watch}. */
@Component("scanOverdueStepsDelegate")
public class ScanOverdueStepsDelegate implements JavaDelegate {

  private final OverdueScan scan;

  public ScanOverdueStepsDelegate(OverdueScan scan) {
    this.scan = scan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OverdueScan.Result result = scan.scan(execution.getProcessEngine(), ClockUtil.getCurrentTime().toInstant());
    execution.setVariable("overdueSteps", result.overdueSteps());
    execution.setVariable("notificationsRecorded", result.notificationsRecorded());
  }
}
