package org.anju.relocation;

import static org.anju.rectification.ProblemRectificationProcess.Vars.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anju.rectification.ProblemRectificationProcess;
import org.anju.rectification.ProblemRectificationProcess.CheckLevel;
import org.anju.relocation.FollowUpFindings.Finding;
import org.anju.relocation.RelocationFollowUpProcess.Typed;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Serves {@code ServiceTask_OpenFollowUpProblem}: starts a {@code problem-rectification} with what the visit
 * found wrong as its first batch, one problem per "no", as a check of the township would (the village
 * rectifies, the township verifies, the county closes out). A start, not a call activity: the follow-up's
 * next visit does not wait for the rectification.
 */
@Component("openFollowUpProblemDelegate")
public class OpenFollowUpProblemDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int month = Typed.FOLLOW_UP_MONTH.get(execution);
    String householdId = Typed.HOUSEHOLD_ID.get(execution);
    Map<String, Object> check = new HashMap<>();
    check.put(CHECK_LEVEL, CheckLevel.TOWNSHIP.name());
    check.put(CITY_CODE, Typed.CITY_CODE.get(execution));
    check.put(COUNTY_CODE, Typed.COUNTY_CODE.get(execution));
    check.put(TOWNSHIP_CODE, Typed.TOWNSHIP_CODE.get(execution));
    check.put(VILLAGE, Typed.VILLAGE.get(execution));
    check.put(HOUSEHOLD_ID, householdId);
    check.put(HEAD_NAME, Typed.HEAD_NAME.get(execution));
    check.put(CHECK_SCOPE, scope(month, Typed.FOLLOW_UP_REMARKS.get(execution)));
    check.put(PROBLEMS_FOUND, problems(FollowUpFindings.of(execution), Typed.HEAD_NAME.get(execution),
        householdId, month));
    // the visit was the check: what it found is all it finds, so the rectification ends when these are closed
    check.put(CHECK_FINISHED, true);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance rectification = RelocationFollowUps.asTheEngine(
        () -> runtime.startProcessInstanceByKey(ProblemRectificationProcess.KEY, householdId, check));
    Typed.RECTIFICATION_INSTANCE_ID.set(execution, rectification.getId());
  }

  /** One problem a line, each naming what failed first (a task's name shows only the beginning) and the household. */
  static String problems(List<Finding> findings, String headName, String householdId, int month) {
    StringBuilder lines = new StringBuilder();
    for (Finding finding : findings) {
      lines.append(finding.text()).append("（易地搬迁户 ").append(headName).append("，").append(householdId)
          .append("，入住 ").append(month).append(" 个月回访）\n");
    }
    return lines.toString().strip();
  }

  static String scope(int month, String remarks) {
    String visit = "易地扶贫搬迁后续扶持回访：入住 " + month + " 个月 Relocation follow-up visit, " + month
        + " months after move-in";
    return remarks == null || remarks.isBlank() ? visit : visit + "\n回访说明 Remarks: " + remarks.strip();
  }
}
