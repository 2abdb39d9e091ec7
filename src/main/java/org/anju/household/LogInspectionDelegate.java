package org.anju.household;

import java.util.List;

import org.anju.household.HouseholdCaseProcess.Typed;
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
        Typed.INSPECTION_DATE.get(execution),
        Typed.INSPECTOR_NAME.get(execution),
        Boolean.TRUE.equals(Typed.QUALITY_OK.get(execution)),
        Boolean.TRUE.equals(Typed.SAFETY_OK.get(execution)),
        Typed.INSPECTION_NOTES.get(execution));
    long count = registry.logInspection(execution.getProcessBusinessKey(), inspection,
        ClockUtil.getCurrentTime().toInstant());
    Typed.INSPECTION_COUNT.set(execution, count);
    execution.removeVariables(List.of(Typed.INSPECTION_DATE.name(), Typed.INSPECTOR_NAME.name(),
        Typed.QUALITY_OK.name(), Typed.SAFETY_OK.name(), Typed.INSPECTION_NOTES.name()));
  }
}
