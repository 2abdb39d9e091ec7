package org.anju.household;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** The one way in to {@code household-case} for Anju's own code. */
@Service
public class HouseholdCases {

  private final RuntimeService runtime;
  private final CommandExecutor commands;

  public HouseholdCases(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** Registers a household and starts its case; the case's business key is the new household id. */
  public ProcessInstance register(Registration registration) {
    return runtime.startProcessInstanceByKey(HouseholdCaseProcess.KEY, registration.toVariables());
  }

  /**
   * Registers the households and starts their cases in one transaction, all or none. The starts share
   * one engine command, so that the cases are written in one flush; the current user's permission to
   * start a case is checked once for all of them, as the engine checks it for each start.
   */
  public void registerAll(List<Registration> registrations) {
    commands.execute(context -> {
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestProcessDefinitionByKey(HouseholdCaseProcess.KEY);
      context.getProcessEngineConfiguration().getCommandCheckers()
          .forEach(checker -> checker.checkCreateProcessInstance(definition));
      context.disableAuthorizationCheck();
      try {
        registrations.forEach(this::register);
      } finally {
        context.enableAuthorizationCheck();
      }
      return null;
    });
  }
}
