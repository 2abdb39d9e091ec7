package org.anju.rectification;

import org.anju.clock.AnjuClock;
import java.time.Instant;
import java.time.LocalDate;

import org.anju.rectification.ProblemLedger.CheckPlace;
import org.anju.rectification.ProblemRectificationProcess.HazardCategory;
import org.anju.rectification.ProblemRectificationProcess.Typed;
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
    Integer previous = Typed.PROBLEM_BATCH.get(execution);
    int batch = previous == null ? 1 : previous + 1;
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate deadline = deadline(execution.getVariable(Vars.RECTIFY_DEADLINE), now);
    CheckPlace place = new CheckPlace(execution.getProcessInstanceId(),
        Typed.CHECK_LEVEL.get(execution).name(), Typed.COUNTY_CODE.get(execution),
        Typed.TOWNSHIP_CODE.get(execution), Typed.VILLAGE.get(execution), Typed.HOUSEHOLD_ID.get(execution),
        execution.getVariable(Vars.CAMPAIGN_YEAR) instanceof Number year ? year.intValue() : null,
        Typed.CHECK_KIND.get(execution) == null ? null : Typed.CHECK_KIND.get(execution).name());
    Object found = execution.getVariable(Vars.PROBLEMS_FOUND);
    if (found instanceof String text) {
      text.lines().map(String::strip).filter(line -> !line.isEmpty())
          .forEach(problem -> HazardCategory.parse(problem).ifPresentOrElse(
              finding -> ledger.open(place, batch, finding.category().name(), problem, deadline, now),
              () -> ledger.open(place, batch, problem, deadline, now)));
    }
    Typed.PROBLEM_BATCH.set(execution, batch);
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
