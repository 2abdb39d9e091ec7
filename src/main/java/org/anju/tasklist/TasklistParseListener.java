package org.anju.tasklist;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every process what Tasklist users rely on: a readable task name, a form
 * that asks its decisions afresh, and the server-side check of the submitted form. Added at parse time so that no task
 * can be modelled without them.
 */
class TasklistParseListener extends AbstractBpmnParseListener {

  private final TaskNamingListener naming;
  private final StepValidationListener validation;
  private final FreshFormListener freshForm;

  TasklistParseListener(Steps steps, ReferenceFormats formats, StepEvidence evidence) {
    this.naming = new TaskNamingListener(steps);
    this.validation = new StepValidationListener(steps, formats, evidence);
    this.freshForm = new FreshFormListener(steps);
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, naming);
    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, freshForm);
    // first, before any listener of the model reads what the form submitted
    activity.addListener(ExecutionListener.EVENTNAME_END, validation, 0);
  }
}
