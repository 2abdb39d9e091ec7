package org.anju.escalation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Serves {@code ServiceTask_ScanOverdueSteps} of {@code overdue-watch}: one county scan requested per county with overdue steps. */
@Component("scanOverdueStepsDelegate")
public class ScanOverdueStepsDelegate implements JavaDelegate {

  private final OverdueScan scan;

  public ScanOverdueStepsDelegate(OverdueScan scan) {
    this.scan = scan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> counties = scan.requestCountyScans(execution.getProcessEngine(), ClockUtil.getCurrentTime().toInstant());
    execution.setVariable(OverdueWatchProcess.Vars.COUNTY_SCANS, String.join(",", counties));
  }
}
