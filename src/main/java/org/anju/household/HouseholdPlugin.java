package org.anju.household;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/** Keeps the household table true to the engine: {@link RecordCancellation} on every household case's end. */
@Component
public class HouseholdPlugin extends AbstractProcessEnginePlugin {

  private final HouseholdRegistry registry;

  public HouseholdPlugin(HouseholdRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    RecordCancellation cancellation = new RecordCancellation(registry);
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        if (HouseholdCaseProcess.KEY.equals(definition.getKey())) {
          definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, cancellation);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
