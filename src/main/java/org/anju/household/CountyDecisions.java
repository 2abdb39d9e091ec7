package org.anju.household;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Which table a case's decision is taken from: the county's own, when its tenant has deployed one
 * ({@code renovation-subsidy} for {@code county140929}), else the province's shared table. Serves the
 * {@code decisionRefTenantId} of the household case's business rule tasks, which bind the latest version,
 * so that a county or the province changes its amounts by deploying a table, without a release.
 */
@Component("countyDecisions")
public class CountyDecisions {

  /** The case's tenant when it has its own version of the decision, else null: the shared table. */
  public String tenantFor(DelegateExecution execution, String decisionKey) {
    String tenant = execution.getTenantId();
    if (tenant == null) {
      return null;
    }
    // read as the engine: the clerk whose step runs the decision need not be allowed to read decision tables
    return Context.getCommandContext().getDecisionDefinitionManager()
        .findLatestDecisionDefinitionByKeyAndTenantId(decisionKey, tenant) != null ? tenant : null;
  }
}
