package org.anju.household;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.anju.tasklist.Step;

import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.household.HouseholdCaseProcess.Typed;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code ServiceTask_CheckArchiveCompleteness}: one household, one file. Lists the data the
 * household's path requires that the case does not hold, and the documents that the steps it went through
 * require and its file lacks (a case moved past a step in Cockpit skipped its uploads), so the township can
 * supply them.
 */
@Component("checkArchiveCompletenessDelegate")
public class CheckArchiveCompletenessDelegate implements JavaDelegate {

  private final CaseRecords records;

  public CheckArchiveCompletenessDelegate(CaseRecords records) {
    this.records = records;
  }

  /** Dates a file may lack, in the order of the path. */
  static final List<String> DATE_ITEMS = List.of(Vars.VERIFICATION_DATE, Vars.APPRAISAL_DATE,
      Vars.VILLAGE_REVIEW_DATE, Vars.HOME_VISIT_DATE, Vars.COUNTY_APPROVAL_DATE, Vars.AGREEMENT_DATE,
      Vars.CONSTRUCTION_START_DATE, Vars.CONSTRUCTION_COMPLETED_DATE, Vars.ACCEPTANCE_DATE, Vars.PAYMENT_DATE,
      Vars.MOVE_IN_DATE, Vars.ALTERNATIVE_AGREEMENT_DATE);

  private static final List<String> EVERY_CASE =
      List.of(Vars.VERIFICATION_DATE, Vars.APPRAISAL_DATE, Vars.APPRAISAL_REPORT_REF);
  private static final List<String> RENOVATION = List.of(Vars.VILLAGE_REVIEW_DATE, Vars.HOME_VISIT_DATE,
      Vars.COUNTY_APPROVAL_DATE, Vars.AGREEMENT_NUMBER, Vars.AGREEMENT_DATE, Vars.CONSTRUCTION_START_DATE,
      Vars.CONSTRUCTION_COMPLETED_DATE, Vars.ACCEPTANCE_DATE, Vars.PAYMENT_DATE, Vars.PAYMENT_REFERENCE);
  private static final List<String> RELOCATION = List.of(Vars.RELOCATION_SITE, Vars.MOVE_IN_DATE);
  private static final List<String> ALTERNATIVE =
      List.of(Vars.ALTERNATIVE_ADDRESS, Vars.ALTERNATIVE_AGREEMENT_DATE, Vars.MOVE_IN_DATE);

  @Override
  public void execute(DelegateExecution execution) {
    List<String> missing = new ArrayList<>(missingItems(execution));
    missing.addAll(missingRecords(execution));
    execution.setVariable(Vars.ARCHIVE_COMPLETE, missing.isEmpty());
    execution.setVariable(Vars.ARCHIVE_MISSING, String.join(",", missing));
  }

  static List<String> missingItems(DelegateExecution execution) {
    RenovationMethod method = Typed.RENOVATION_METHOD.get(execution);
    List<String> required = new ArrayList<>(EVERY_CASE);
    if (method != null && method.renovates()) {
      required.addAll(RENOVATION);
    } else if (method == RenovationMethod.RELOCATION) {
      required.addAll(RELOCATION);
    } else if (method == RenovationMethod.ALTERNATIVE_HOUSING) {
      required.addAll(ALTERNATIVE);
    }
    return required.stream().filter(name -> isBlank(execution.getVariable(name))).toList();
  }

  /** The records required by the user tasks the case completed, for the values it holds now, not in its file. */
  List<String> missingRecords(DelegateExecution execution) {
    Set<String> visited = new HashSet<>();
    execution.getProcessEngineServices().getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).activityType("userTask").finished().list()
        .forEach(a -> visited.add(a.getActivityId()));
    Set<String> held = records.recordsOf(execution.getProcessInstanceId());
    Set<String> missing = new LinkedHashSet<>();
    for (Step step : HouseholdSteps.STEPS) {
      if (visited.contains(step.elementId()) && !step.elementId().equals(HouseholdCaseProcess.Elements.TASK_SUPPLY_ARCHIVE_DATA)) {
        step.requiredFor(execution).stream().map(Step.Document::name).filter(r -> !held.contains(r)).forEach(missing::add);
      }
    }
    // in the file's order, as the township reads it
    return java.util.Arrays.stream(HouseholdFileRecord.values()).map(Enum::name).filter(missing::contains).toList();
  }

  private static boolean isBlank(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }
}
