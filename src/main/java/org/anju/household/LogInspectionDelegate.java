package org.anju.household;

import java.time.LocalDate;

import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdRegistry.Inspection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Serves {@code ServiceTask_LogInspection}: appends the inspection just recorded to the household's
 * inspection log and clears the form, so that the next inspection starts on an empty one.
 */
@Component("logInspectionDelegate")
public class LogInspectionDelegate implements JavaDelegate {

  private final HouseholdRegistry registry;

  public LogInspectionDelegate(HouseholdRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inspection inspection = new Inspection(
        LocalDate.parse((String) execution.getVariable(Vars.INSPECTION_DATE)),
        (String) execution.getVariable(Vars.INSPECTOR_NAME),
        Boolean.TRUE.equals(execution.getVariable(Vars.QUALITY_OK)),
        Boolean.TRUE.equals(execution.getVariable(Vars.SAFETY_OK)),
        (String) execution.getVariable(Vars.INSPECTION_NOTES));
    long count = registry.logInspection(execution.getProcessBusinessKey(), inspection,
        ClockUtil.getCurrentTime().toInstant());
    execution.setVariable(Vars.INSPECTION_COUNT, count);
    execution.removeVariables(java.util.List.of(Vars.INSPECTION_DATE, Vars.INSPECTOR_NAME, Vars.QUALITY_OK,
        Vars.SAFETY_OK, Vars.INSPECTION_NOTES));
  }
}
