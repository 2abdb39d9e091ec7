package org.anju.household;

import java.util.ArrayList;
import java.util.List;

import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.household.HouseholdCaseProcess.Typed;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code ServiceTask_CheckArchiveCompleteness}: one household, one file. Lists the records
 * the household's path requires that the case does not hold, so the township can supply them.
 */
@Component("checkArchiveCompletenessDelegate")
public class CheckArchiveCompletenessDelegate implements JavaDelegate {

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
    List<String> missing = missingItems(execution);
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

  private static boolean isBlank(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }
}
