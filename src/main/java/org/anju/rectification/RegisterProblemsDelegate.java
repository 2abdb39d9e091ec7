package org.anju.rectification;

import org.anju.clock.AnjuClock;
import java.time.Instant;
import java.time.LocalDate;

import org.anju.rectification.ProblemLedger.CheckPlace;
import org.anju.rectification.ProblemRectificationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Serves {@code ServiceTask_RegisterProblems}: writes the problems recorded since the last pass
 * into the ledger as one batch, which {@code SubProcess_CloseProblem} then works through.
 */
@Component("registerProblemsDelegate")
public class RegisterProblemsDelegate implements JavaDelegate {

  private final ProblemLedger ledger;
  private final int defaultDeadlineDays;

  public RegisterProblemsDelegate(ProblemLedger ledger,
      @Value("${anju.rectification.default-deadline-days:15}") int defaultDeadlineDays) {
    this.ledger = ledger;
    this.defaultDeadlineDays = defaultDeadlineDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Number previous = (Number) execution.getVariable(Vars.PROBLEM_BATCH);
    int batch = previous == null ? 1 : previous.intValue() + 1;
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate deadline = deadline(execution.getVariable(Vars.RECTIFY_DEADLINE), now);
    CheckPlace place = new CheckPlace(execution.getProcessInstanceId(),
        (String) execution.getVariable(Vars.CHECK_LEVEL), (String) execution.getVariable(Vars.COUNTY_CODE),
        (String) execution.getVariable(Vars.TOWNSHIP_CODE), (String) execution.getVariable(Vars.VILLAGE),
        (String) execution.getVariable(Vars.HOUSEHOLD_ID));
    Object found = execution.getVariable(Vars.PROBLEMS_FOUND);
    if (found instanceof String text) {
      text.lines().map(String::strip).filter(line -> !line.isEmpty())
          .forEach(problem -> ledger.open(place, batch, problem, deadline, now));
    }
    execution.setVariable(Vars.PROBLEM_BATCH, batch);
    execution.removeVariable(Vars.PROBLEMS_FOUND);
    execution.removeVariable(Vars.RECTIFY_DEADLINE);
  }

  private LocalDate deadline(Object given, Instant now) {
    if (given instanceof String text && !text.isBlank()) {
      return LocalDate.parse(text);
    }
    return LocalDate.ofInstant(now, AnjuClock.zone()).plusDays(defaultDeadlineDays);
  }
}
