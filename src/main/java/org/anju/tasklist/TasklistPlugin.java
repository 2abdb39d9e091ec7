package org.anju.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Installs {@link TasklistParseListener} and {@link FormSubmissionPolicy} into the engine. */
@Component
@EnableConfigurationProperties(ReferenceFormats.class)
public class TasklistPlugin extends AbstractProcessEnginePlugin {

  private final Steps steps;
  private final ReferenceFormats formats;
  private final StepEvidence evidence;

  public TasklistPlugin(Steps steps, ReferenceFormats formats, StepEvidence evidence) {
    this.steps = steps;
    this.formats = formats;
    this.evidence = evidence;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new TasklistParseListener(steps, formats, evidence));
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withLast(new FormSubmissionPolicy(configuration), configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withLast(new FormSubmissionPolicy(configuration), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withLast(CommandInterceptor last, List<CommandInterceptor> others) {
    List<CommandInterceptor> all = others == null ? new ArrayList<>() : new ArrayList<>(others);
    all.add(last);
    return all;
  }
}
