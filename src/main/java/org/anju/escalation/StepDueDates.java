package org.anju.escalation;

import org.anju.clock.AnjuClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;

import org.anju.campaign.Campaign;
import org.anju.campaign.Campaign.Deadline;
import org.anju.campaign.CampaignCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Gives every new task a due date that Tasklist shows: its step's limit in its county; for a
 * dynamic-guarantee case no later than the campaign deadline the step serves. A due date the model
 * sets itself (the subsidy's 30 days, a rectification deadline) is kept.
 */
public class StepDueDates implements TaskListener {

  /** Steps that must be done before construction starts: the end-of-March deadline. */
  static final Set<String> BEFORE_START = Set.of("confirm-identification", "verify-housing", "appraise-house",
      "village-review", "township-review", "county-approval", "sign-agreement", "start-construction");
  /** Steps up to acceptance: the end-of-May deadline. */
  static final Set<String> BEFORE_COMPLETION = Set.of("inspect-construction", "inspect-acceptance");

  private final StepLimits limits;
  private final CampaignCalendar campaigns;

  public StepDueDates(StepLimits limits, CampaignCalendar campaigns) {
    this.limits = limits;
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() != null) {
      return;
    }
    String form = formOf(task);
    Duration limit = form == null ? null : limits.limit(form, (String) task.getVariable("countyCode"));
    if (limit == null) {
      return;
    }
    Date due = Date.from(ClockUtil.getCurrentTime().toInstant().plus(limit));
    Date deadline = campaignDeadline(task, form);
    task.setDueDate(deadline != null && deadline.before(due) ? deadline : due);
  }

  /** The campaign deadline the step serves, when it is still ahead. */
  private Date campaignDeadline(DelegateTask task, String form) {
    Object year = task.getVariable("campaignYear");
    if (!(year instanceof Number number)) {
      return null;
    }
    boolean dynamic = Boolean.TRUE.equals(task.getVariable("dynamicGuarantee"));
    Deadline deadline = null;
    if (dynamic && BEFORE_START.contains(form)) {
      deadline = Deadline.START;
    } else if (dynamic && BEFORE_COMPLETION.contains(form) || "verify-housing".equals(form)) {
      deadline = Deadline.COMPLETION; // every key-group household is verified by the end of May
    }
    if (deadline == null) {
      return null;
    }
    Campaign campaign = campaigns.find(number.intValue()).orElse(null);
    if (campaign == null) {
      return null;
    }
    LocalDate day = campaign.date(deadline).plusDays(1);
    Date end = AnjuClock.startOf(day);
    return end.after(ClockUtil.getCurrentTime()) ? end : null;
  }

  private static String formOf(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    return element == null ? null : element.getCamundaFormRef();
  }
}
