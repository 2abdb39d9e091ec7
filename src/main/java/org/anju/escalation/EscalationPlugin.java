package org.anju.escalation;

import org.anju.tasklist.ParseListeners;
import org.anju.tasklist.Steps;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Gives every user task its due date when created and resolves its overdue incident when it ends. */
@Component
@EnableConfigurationProperties(StepLimits.class)
public class EscalationPlugin extends AbstractProcessEnginePlugin {

  private final StepDueDates dueDates;
  private final ResolveOverdueIncidents resolve = new ResolveOverdueIncidents();

  public EscalationPlugin(Steps steps, StepLimits limits, @Lazy CampaignDeadlineDates campaigns) {
    this.dueDates = new StepDueDates(steps, limits, campaigns);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, dueDates);
        activity.addListener(ExecutionListener.EVENTNAME_END, resolve);
      }
    });
  }
}
