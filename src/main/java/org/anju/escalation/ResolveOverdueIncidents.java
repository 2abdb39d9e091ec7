package org.anju.escalation;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Incident;

/** When a step completes, its {@code overdue} incident is resolved: the case is no longer stuck there. */
public class ResolveOverdueIncidents implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    // the clerk who completed the step may work tasks but not manage incidents: the engine does it
    Context.getCommandContext().runWithoutAuthorization(() -> {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      for (Incident incident : runtime.createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE)
          .executionId(execution.getId()).activityId(execution.getCurrentActivityId()).list()) {
        runtime.resolveIncident(incident.getId());
      }
      return null;
    });
  }
}
