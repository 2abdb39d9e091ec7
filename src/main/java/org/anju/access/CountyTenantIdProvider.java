package org.anju.access;

import org.anju.tasklist.CaseVariables;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Puts every case into its county's tenant: a household case and its rectifications by the
 * {@code countyCode} they start with, a called process by its caller's tenant, a decision by the
 * case that made it. Process definitions stay shared.
 */
public class CountyTenantIdProvider implements TenantIdProvider {

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (context.getSuperExecution() != null && context.getSuperExecution().getTenantId() != null) {
      return context.getSuperExecution().getTenantId();
    }
    Object county = context.getVariables().get(CaseVariables.COUNTY_CODE.name());
    return county instanceof String code && code.matches("\\d{6}") ? RoleGroups.tenant(code) : null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() != null ? context.getExecution().getTenantId() : null;
  }
}
