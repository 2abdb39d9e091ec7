package org.anju.household;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.clock.AnjuClock;
import org.anju.household.HouseholdCaseProcess.Typed;
import org.anju.tasklist.ParseListeners;
import org.anju.tasklist.Step;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps the household table true to the engine whatever happens to a case: each step of
 * {@link HouseholdSteps} records its milestone when it completes, and makes the milestones it implies
 * true when it starts (a case moved forward in Cockpit); a case ended from outside, cancelled in Cockpit
 * or deleted through the API, is recorded {@code CANCELLED}. The listeners are built-in, so that a
 * deletion or modification that skips custom listeners still runs them.
 */
@Component
public class HouseholdCasePlugin extends AbstractProcessEnginePlugin {

  private static final Map<String, Step> STEPS =
      HouseholdSteps.STEPS.stream().collect(Collectors.toMap(Step::elementId, Function.identity()));

  private final CaseMilestones milestones;
  private final HouseholdRegistry registry;
  private final CaseDeadlineWatch deadlines;

  public HouseholdCasePlugin(CaseMilestones milestones, HouseholdRegistry registry, CaseDeadlineWatch deadlines) {
    this.milestones = milestones;
    this.registry = registry;
    this.deadlines = deadlines;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        if (HouseholdCaseProcess.KEY.equals(definition.getKey())) {
          definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) HouseholdCasePlugin.this::caseEnded);
        }
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        Step step = STEPS.get(activity.getId());
        if (step == null || !HouseholdCaseProcess.KEY.equals(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
          return;
        }
        // after the step's validation, which the tasklist plugin puts first
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> stepEnded(execution, step));
        if (!step.implies().isEmpty()) {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
              (ExecutionListener) execution -> stepStarted(execution, step));
        }
      }
    });
  }

  private void stepEnded(DelegateExecution execution, Step step) {
    if (!execution.isCanceled() && step.milestone() instanceof CaseMilestone milestone) {
      milestones.recorded(execution, milestone);
      deadlines.recheck(execution);
    }
  }

  private void stepStarted(DelegateExecution execution, Step step) {
    for (Step.Milestone implied : step.implies()) {
      milestones.holds(execution, (CaseMilestone) implied);
    }
    deadlines.recheck(execution);
  }

  private void caseEnded(DelegateExecution execution) {
    // an end event has recorded its outcome by now; without one the case was ended from outside
    if (execution.isCanceled() && Typed.OUTCOME.get(execution) == null && execution.getProcessBusinessKey() != null) {
      registry.recordCancellation(execution.getProcessBusinessKey(), AnjuClock.now());
    }
  }
}
