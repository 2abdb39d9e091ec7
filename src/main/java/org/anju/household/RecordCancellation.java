package org.anju.household;

import java.util.List;

import org.anju.clock.AnjuClock;
import org.anju.household.HouseholdCaseProcess.Outcome;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Records in the household table that a case was cancelled (deleted in Cockpit or through the API), so that
 * it no longer counts as open or lagging. Listens to the engine's history events rather than the model's
 * end events: a deletion may skip the model's listeners, never the history.
 */
class RecordCancellation implements HistoryEventHandler {

  private final HouseholdRegistry registry;

  RecordCancellation(HouseholdRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity instance
        && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())
        && HouseholdCaseProcess.KEY.equals(instance.getProcessDefinitionKey())
        && HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
        && instance.getBusinessKey() != null) {
      registry.recordCancellation(instance.getBusinessKey(), Outcome.CANCELLED.name(), AnjuClock.now());
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
