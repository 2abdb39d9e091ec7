package org.anju.rectification;


import org.anju.rectification.ProblemRectificationProcess.Typed;
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
    ledger.closeOut(Typed.PROBLEM_ID.get(execution), Typed.RECTIFICATION_MEASURES.get(execution),
        Typed.CLOSE_OUT_DATE.get(execution), Typed.CLOSE_OUT_REMARKS.get(execution),
        ClockUtil.getCurrentTime().toInstant());
  }
}
