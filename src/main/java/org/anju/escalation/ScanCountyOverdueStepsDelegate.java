package org.anju.escalation;

import java.util.Date;

import org.anju.escalation.OverdueCountyScanProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Serves {@code ServiceTask_ScanCountyOverdueSteps} of {@code overdue-county-scan}. */
@Component("scanCountyOverdueStepsDelegate")
public class ScanCountyOverdueStepsDelegate implements JavaDelegate {

  private final OverdueScan scan;

  public ScanCountyOverdueStepsDelegate(OverdueScan scan) {
    this.scan = scan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OverdueScan.Result result = scan.scanCounty(execution.getProcessEngine(), (String) execution.getVariable(Vars.TENANT),
        ((Date) execution.getVariable(Vars.SCAN_AT)).toInstant());
    execution.setVariable(Vars.OVERDUE_STEPS, result.overdueSteps());
    execution.setVariable(Vars.NOTIFICATIONS_RECORDED, result.notificationsRecorded());
  }
}
