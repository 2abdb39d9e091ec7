package org.anju.relocation;

import org.anju.relocation.RelocationFollowUpProcess.Typed;
import org.anju.relocation.RelocationFollowUps.Relocation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code ServiceTask_StartRelocationFollowUp} of {@code household-case}: starts the relocated household's
 * follow-up visits, which outlive the case (it is archived long before the last visit), so they are a process of
 * their own, not a call activity. The case's variables have the names the follow-up gives them.
 */
@Component("startRelocationFollowUpDelegate")
public class StartRelocationFollowUpDelegate implements JavaDelegate {

  private final RelocationFollowUps followUps;

  public StartRelocationFollowUpDelegate(RelocationFollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followUps.start(execution.getProcessEngineServices().getRuntimeService(), new Relocation(
        Typed.HOUSEHOLD_ID.get(execution), Typed.HEAD_NAME.get(execution), Typed.CITY_CODE.get(execution),
        Typed.COUNTY_CODE.get(execution), Typed.COUNTY_NAME.get(execution), Typed.TOWNSHIP_CODE.get(execution),
        Typed.TOWNSHIP_NAME.get(execution), Typed.VILLAGE.get(execution), Typed.RELOCATION_SITE.get(execution),
        Typed.MOVE_IN_DATE.get(execution)));
  }
}
