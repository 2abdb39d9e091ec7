package org.anju.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Serves {@code ServiceTask_EscalateOpenProblems}: the check's problems open past the start deadline. */
@Component("escalateOpenProblemsDelegate")
public class EscalateOpenProblemsDelegate implements JavaDelegate {

  private final CheckDeadlineWatch watch;

  public EscalateOpenProblemsDelegate(CheckDeadlineWatch watch) {
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    watch.escalate(execution);
  }
}
