package org.anju.household;

import java.sql.Date;
import java.time.LocalDate;

import org.anju.campaign.CampaignCalendar;
import org.anju.household.HouseholdCaseProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the milestones of a case in the household table (verified, method decided, construction
 * started, accepted), so that deadlines and progress need no history: recorded when the step of the
 * catalogue completes, and made true when a later step starts by any route, a modification in Cockpit
 * included.
 */
@Component("caseMilestones")
public class CaseMilestones {

  private final JdbcTemplate jdbc;
  private final CaseDeadlineWatch deadlines;

  public CaseMilestones(JdbcTemplate jdbc, CaseDeadlineWatch deadlines) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
  }

  /** Serves {@code BusinessRuleTask_DecideRenovationPlan}. */
  public void planDecided(DelegateExecution execution) {
    jdbc.update("update household set renovation_method = ? where household_id = ?",
        Typed.RENOVATION_METHOD.stored(Typed.RENOVATION_METHOD.get(execution)), execution.getProcessBusinessKey());
    deadlines.recheck(execution); // a way without construction ends a lag behind the start deadline
  }

  /** The step that records {@code milestone} completed: its date is the one the form gave. */
  void recorded(DelegateExecution execution, CaseMilestone milestone) {
    if (milestone == CaseMilestone.ACCEPTED && !Boolean.TRUE.equals(Typed.ACCEPTANCE_PASSED.get(execution))) {
      return;
    }
    jdbc.update("update household set " + milestone.column + " = ? where household_id = ?",
        Date.valueOf(dateOf(execution, milestone)), execution.getProcessBusinessKey());
  }

  /**
   * A step that lies after {@code milestone} started: when the milestone is not recorded (the case was
   * moved past its step), record it with the step's date if the case has one, else today.
   */
  void holds(DelegateExecution execution, CaseMilestone milestone) {
    LocalDate date = dateOf(execution, milestone);
    jdbc.update("update household set " + milestone.column + " = ? where household_id = ? and "
        + milestone.column + " is null", Date.valueOf(date == null ? CampaignCalendar.today() : date),
        execution.getProcessBusinessKey());
  }

  private static LocalDate dateOf(DelegateExecution execution, CaseMilestone milestone) {
    return milestone.date.get(execution);
  }
}
