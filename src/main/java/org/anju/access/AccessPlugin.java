package org.anju.access;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Per-county tenants for cases, and what staff may ask of the engine ({@link StaffCommandPolicy}) on
 * every command executor; authorization itself is switched on in application.yaml.
 */
@Component
public class AccessPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CountyTenantIdProvider());
    StaffCommandPolicy policy = new StaffCommandPolicy(configuration);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withFirst(policy, configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withFirst(new StaffCommandPolicy(configuration), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  /** The interceptors with the given one in front, so that a refusal comes before any other work. */
  static List<CommandInterceptor> withFirst(CommandInterceptor first, List<CommandInterceptor> others) {
    List<CommandInterceptor> all = new ArrayList<>();
    all.add(first);
    if (others != null) {
      all.addAll(others);
    }
    return all;
  }
}
