package org.anju.demo;

import org.anju.clock.AnjuClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Takes a household case forward step by step with {@link DemoSteps}' values, as clerks would:
 * uploads the documents each step requires, completes each task, and lets each notice period run out. Used by the demo data and the tests.
 */
public class CaseWalker {

  private final TaskService tasks;
  private final ManagementService management;
  private final DemoDocuments documents;

  /** Walk target meaning: until the case has ended. */
  public static final String END = "(end)";

  /** A walker that gives each step the documents it requires, through {@code documents}, before completing it. */
  public CaseWalker(ProcessEngine engine, DemoDocuments documents) {
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.documents = documents;
  }

  /** Completes steps until the case waits at {@code stopAt}; returns that task. */
  public Task walkTo(String processInstanceId, String stopAt) {
    return walkTo(processInstanceId, stopAt, key -> Map.of());
  }

  /** As {@link #walkTo(String, String)}, with {@code overrides} changing the values of some steps. */
  public Task walkTo(String processInstanceId, String stopAt, Function<String, Map<String, Object>> overrides) {
    for (int step = 0; step < 40; step++) {
      runDueNoticeTimers(processInstanceId);
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
      if (open.isEmpty()) {
        if (END.equals(stopAt)) {
          return null;
        }
        throw new IllegalStateException("case " + processInstanceId + " has no open task before " + stopAt);
      }
      Task task = open.get(0);
      if (task.getTaskDefinitionKey().equals(stopAt)) {
        return task;
      }
      Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(task.getTaskDefinitionKey(), today()));
      values.putAll(overrides.apply(task.getTaskDefinitionKey()));
      if (task.getTaskDefinitionKey().equals(HouseholdCaseProcess.Elements.TASK_PAYOUT_SUBSIDY)) {
        values.putIfAbsent(Vars.PAID_AMOUNT, tasks.getVariable(task.getId(), Vars.SUBSIDY_AMOUNT));
      }
      documents.attachRequired(tasks, task, values);
      tasks.complete(task.getId(), values);
    }
    throw new IllegalStateException("case " + processInstanceId + " did not reach " + stopAt);
  }

  /** Completes every remaining step until the case ends. */
  public void walkToEnd(String processInstanceId) {
    walkTo(processInstanceId, END);
  }

  /** Only these: a campaign deadline's timer fires when the engine's clock says so, not when a walk passes. */
  private static final List<String> NOTICE_TIMERS = List.of(HouseholdCaseProcess.Elements.TIMER_VILLAGE_NOTICE,
      HouseholdCaseProcess.Elements.TIMER_TOWNSHIP_NOTICE, HouseholdCaseProcess.Elements.TIMER_COUNTY_NOTICE);

  /**
   * The notice periods: the walk executes their timers at once instead of waiting days; and the archive's
   * household file, made by the job executor after the archiving, is made here at once.
   */
  private void runDueNoticeTimers(String processInstanceId) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(HouseholdCaseProcess.Elements.SERVICE_COMPILE_HOUSEHOLD_FILE).list()) {
      management.executeJob(job.getId());
    }
    for (String timer : NOTICE_TIMERS) {
      for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).timers().list()) {
        management.executeJob(job.getId());
      }
    }
  }

  private static LocalDate today() {
    return AnjuClock.today();
  }
}
