package org.anju.rectification;

import java.time.LocalDate;

import org.anju.rectification.ProblemRectificationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Serves {@code ServiceTask_RecordCloseOut}: marks the problem closed out (销号) in the ledger. */
@Component("recordCloseOutDelegate")
public class RecordCloseOutDelegate implements JavaDelegate {

  private final ProblemLedger ledger;

  public RecordCloseOutDelegate(ProblemLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ledger.closeOut((String) execution.getVariable(Vars.PROBLEM_ID),
        (String) execution.getVariable(Vars.RECTIFICATION_MEASURES),
        LocalDate.parse((String) execution.getVariable(Vars.CLOSE_OUT_DATE)),
        (String) execution.getVariable(Vars.CLOSE_OUT_REMARKS),
        ClockUtil.getCurrentTime().toInstant());
  }
}
