package org.anju.household;

import java.sql.Date;
import java.time.LocalDate;

import org.anju.household.HouseholdCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serves the milestone listeners of {@code household-case}: verified, method decided, construction
 * started, accepted. The household table keeps them so that deadlines and progress need no history.
 */
@Component("caseMilestones")
public class CaseMilestones {

  private final JdbcTemplate jdbc;

  public CaseMilestones(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void verified(DelegateExecution execution) {
    set(execution, "verified_on", date(execution, Vars.VERIFICATION_DATE));
  }

  public void planDecided(DelegateExecution execution) {
    set(execution, "renovation_method", execution.getVariable(Vars.RENOVATION_METHOD));
  }

  public void constructionStarted(DelegateExecution execution) {
    set(execution, "construction_started_on", date(execution, Vars.CONSTRUCTION_START_DATE));
  }

  public void accepted(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable(Vars.ACCEPTANCE_PASSED))) {
      set(execution, "accepted_on", date(execution, Vars.ACCEPTANCE_DATE));
    }
  }

  private void set(DelegateExecution execution, String column, Object value) {
    jdbc.update("update household set " + column + " = ? where household_id = ?", value,
        execution.getProcessBusinessKey());
  }

  private static Date date(DelegateExecution execution, String variable) {
    return Date.valueOf(LocalDate.parse((String) execution.getVariable(variable)));
  }
}
