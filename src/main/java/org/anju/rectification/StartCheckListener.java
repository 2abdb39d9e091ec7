package org.anju.rectification;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.access.PlaceAccess;
import org.anju.household.RegistrationRules;
import org.anju.rectification.ProblemRectificationProcess.CheckKind;
import org.anju.rectification.ProblemRectificationProcess.CheckLevel;
import org.anju.rectification.ProblemRectificationProcess.Typed;
import org.anju.rectification.ProblemRectificationProcess.Vars;
import org.anju.tasklist.FieldErrors;
import org.anju.tasklist.StartRefusals;
import org.anju.tasklist.StepValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Serves {@code StartEvent_CheckStarted}: checks where and at which level the check runs, names it
 * and fixes who checks, rectifies, verifies and closes out.
 */
@Component("startCheckListener")
public class StartCheckListener implements ExecutionListener {

  static final Set<String> LEVELS =
      Arrays.stream(CheckLevel.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  static final Set<String> KINDS =
      Arrays.stream(CheckKind.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final RegistrationRules places;
  private final CheckDeadlineWatch deadlines;

  public StartCheckListener(RegistrationRules places, CheckDeadlineWatch deadlines) {
    this.places = places;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StartRefusals.checked("check", execution, this::check);
  }

  private void check(DelegateExecution execution) {
    FieldErrors errors = new FieldErrors();
    StepValues values = new StepValues(execution, errors);
    Optional<String> level = values.oneOf(Vars.CHECK_LEVEL, LEVELS);
    if (values.raw(Vars.CHECK_KIND) != null) {
      values.oneOf(Vars.CHECK_KIND, KINDS);
    }
    Optional<String> township = places.checkPlace(values, Vars.CITY_CODE, Vars.COUNTY_CODE, Vars.TOWNSHIP_CODE);
    Optional<String> village = values.optionalText(Vars.VILLAGE, 50);
    if (village.isEmpty() && level.isPresent() && !CheckLevel.COUNTY.name().equals(level.get())) {
      errors.add(Vars.VILLAGE, "村级和乡镇检查必填", "is required for a village or township check");
    }
    values.text(Vars.CHECK_SCOPE, 500);
    RectificationSteps.conductCheck(values); // problems may come with the start, e.g. a failed acceptance's
    boolean calledByCase = Typed.HOUSEHOLD_ID.get(execution) != null;
    if (calledByCase) {
      if (values.optionalText(Vars.PROBLEMS_FOUND, 4000).isEmpty()) {
        errors.add(Vars.PROBLEMS_FOUND, "验收不通过时至少列出一项问题", "a failed acceptance must list at least one defect");
      }
    } else {
      values.line(Vars.CHECKER_NAME, 50);
    }
    errors.throwIfAny();
    PlaceAccess.check(execution.getProcessEngineServices().getIdentityService(),
        Typed.COUNTY_CODE.get(execution), township.get(), errors);
    errors.throwIfAny();

    String countyCode = Typed.COUNTY_CODE.get(execution);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey("CHECK-" + countyCode + "-" + execution.getProcessInstanceId());
    }
    execution.setVariable(Vars.CAMPAIGN_YEAR, deadlines.campaignYear(execution));
    if (execution.getVariable(Vars.CHECK_KIND) == null) {
      Typed.CHECK_KIND.set(execution, CheckKind.HOUSING_SECURITY);
    }
    if (Typed.CHECK_FINISHED.get(execution) == null) {
      Typed.CHECK_FINISHED.set(execution, false);
    }
    CheckGroups groups = CheckGroups.of(CheckLevel.valueOf(level.get()), countyCode, township.get());
    execution.setVariable(Vars.CHECKER_GROUP, groups.checker());
    execution.setVariable(Vars.RECTIFIER_GROUP, groups.rectifier());
    execution.setVariable(Vars.VERIFIER_GROUP, groups.verifier());
    execution.setVariable(Vars.CLOSER_GROUP, groups.closer());
  }
}
