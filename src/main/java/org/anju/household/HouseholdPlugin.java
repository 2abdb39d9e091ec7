package org.anju.household;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/** Keeps the household table true to the engine: {@link RecordCancellation} beside the engine's own history. */
@Component
public class HouseholdPlugin extends AbstractProcessEnginePlugin {

  private final HouseholdRegistry registry;

  public HouseholdPlugin(HouseholdRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new RecordCancellation(registry));
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
