package org.anju.campaign;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * For a Spring Boot process test: records every sequence flow a process instance takes (the engine's
 * history keeps activities only), so that a test can assert sequence-flow coverage beside
 * {@code hasPassed} over the flow nodes. Import it into the test's context; the starter adds every
 * {@code ProcessEnginePlugin} bean to the engine.
 */
public class TakenSequenceFlows extends AbstractProcessEnginePlugin {

  private final Map<String, Set<String>> byProcessInstance = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
        String flowId = transition.getId();
        transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution ->
            byProcessInstance.computeIfAbsent(execution.getProcessInstanceId(), id -> ConcurrentHashMap.newKeySet())
                .add(flowId));
      }
    });
  }

  /** The ids of the sequence flows the process instance has taken so far. */
  public Set<String> of(String processInstanceId) {
    return Set.copyOf(byProcessInstance.getOrDefault(processInstanceId, Set.of()));
  }
}
