package org.anju.escalation;

import org.anju.clock.AnjuClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;

import static org.anju.tasklist.CaseVariables.CAMPAIGN_YEAR;
import static org.anju.tasklist.CaseVariables.COUNTY_CODE;
import static org.anju.tasklist.CaseVariables.DYNAMIC_GUARANTEE;

import org.anju.tasklist.Step;
import org.anju.tasklist.Step.CampaignDeadline;
import org.anju.tasklist.Steps;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Gives every new task a due date that Tasklist shows: its step's limit in its county (the catalogue's,
 * unless configured); no later than the campaign deadline that caps the step in its catalogue. A due
 * date the model sets itself (the subsidy's 30 days, a rectification deadline) is kept.
 */
class StepDueDates implements TaskListener {

  private final Steps steps;
  private final StepLimits limits;
  private final CampaignDeadlineDates campaigns;

  StepDueDates(Steps steps, StepLimits limits, CampaignDeadlineDates campaigns) {
    this.steps = steps;
    this.limits = limits;
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() != null) {
      return;
    }
    Step step = steps.step(task.getTaskDefinitionKey()).orElse(null);
    if (step == null) {
      return;
    }
    Duration limit = limits.limit(step.formId(), COUNTY_CODE.get(task), step.limit());
    if (limit == null) {
      return;
    }
    Date due = Date.from(ClockUtil.getCurrentTime().toInstant().plus(limit));
    Date deadline = campaignDeadline(task, step);
    task.setDueDate(deadline != null && deadline.before(due) ? deadline : due);
  }

  /** The campaign deadline the step serves, when it is still ahead. */
  private Date campaignDeadline(DelegateTask task, Step step) {
    Integer year = CAMPAIGN_YEAR.get(task);
    if (year == null) {
      return null;
    }
    CampaignDeadline deadline = step.cap(Boolean.TRUE.equals(DYNAMIC_GUARANTEE.get(task)));
    if (deadline == null) {
      return null;
    }
    LocalDate last = campaigns.lastDay(year, deadline).orElse(null);
    if (last == null) {
      return null;
    }
    Date end = AnjuClock.startOf(last.plusDays(1));
    return end.after(ClockUtil.getCurrentTime()) ? end : null;
  }
}
