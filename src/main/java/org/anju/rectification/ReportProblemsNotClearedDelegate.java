package org.anju.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Serves {@code ServiceTask_ReportProblemsNotCleared}: the check's problems still open at the completion deadline. */
@Component("reportProblemsNotClearedDelegate")
public class ReportProblemsNotClearedDelegate implements JavaDelegate {

  private final CheckDeadlineWatch watch;

  public ReportProblemsNotClearedDelegate(CheckDeadlineWatch watch) {
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    watch.reportNotCleared(execution);
  }
}
