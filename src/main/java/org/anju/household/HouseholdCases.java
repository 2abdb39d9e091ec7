package org.anju.household;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** The one way in to {@code household-case} for Anju's own code. */
@Service
public class HouseholdCases {

  private final RuntimeService runtime;

  public HouseholdCases(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Registers a household and starts its case; the case's business key is the new household id. */
  public ProcessInstance register(Registration registration) {
    return runtime.startProcessInstanceByKey(HouseholdCaseProcess.KEY, registration.toVariables());
  }
}
