package org.anju.household;

import org.anju.clock.AnjuClock;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Serves the completion of {@code UserTask_ArchiveCase}: who approved the case's data for the national
 * information system, and when, recorded by the server (never a form's value). The task is reached only
 * after the archive check found no gap, so the approval always follows a passed check.
 */
@Component("archiveApproval")
public class ArchiveApproval {

  public void record(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    task.setVariable(Vars.SYSTEM_DATA_APPROVED_BY, user == null || user.getUserId() == null ? "anju" : user.getUserId());
    task.setVariable(Vars.SYSTEM_DATA_APPROVED_AT, AnjuClock.now().toString());
  }
}
