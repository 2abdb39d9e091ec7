package org.anju.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.Elements;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.Registration;
import org.anju.access.Role;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * Households taken through every step of {@code household-case} to "made safe by renovation", as
 * clerks do it in Tasklist: the registering clerk submits the start form, then each step's task is
 * claimed and its form submitted by a user of the task's candidate group, through the engine's form
 * service with that user's authentication (so authorization, tenant checks and Anju's listeners all
 * run); the notice periods' timers are executed as the job executor would when they fall due.
 *
 * <p>The bare engine does the same to a process with the same number of user tasks and nothing else,
 * on a plain engine without Anju's configuration (no plugins, no authorization), on the same database.
 */
final class Lifecycle {

  static final String BARE_KEY = "bare-case";

  /** What one engine did: cases walked to their end, tasks completed, seconds taken. */
  record Figures(int cases, int tasks, double seconds) {

    /** Two measurements of the same walk, as one. */
    Figures plus(Figures other) {
      return new Figures(cases + other.cases, tasks + other.tasks, seconds + other.seconds);
    }

    double casesPerSecond() {
      return cases / seconds;
    }

    double tasksPerSecond() {
      return tasks / seconds;
    }

    double msPerTask() {
      return seconds * 1000 / tasks;
    }
  }

  /** A step of the walk: its activity, candidate group and values. */
  record Step(String activityId, String group, Map<String, Object> values) {}

  private final ProcessEngine anju;
  private final int threads;
  private final org.anju.demo.DemoDocuments documents;
  private final Map<String, String> userOfGroup = new ConcurrentHashMap<>();
  private final Map<String, Authentication> authentications = new ConcurrentHashMap<>();
  private final String registeringUser = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);

  private record Authentication(List<String> groups, List<String> tenants) {}

  Lifecycle(ProcessEngine anju, int threads, org.anju.demo.DemoDocuments documents) {
    this.documents = documents;
    this.anju = anju;
    this.threads = threads;
  }

  /** A household of 岢岚县 in a demo township, with a resident ID of its own for each {@code n}. */
  static Registration registration(int n) {
    DemoUsers.DemoCounty county = DemoUsers.KELAN;
    return new Registration("李" + (char) ('一' + n % 500), Workload.residentId(county.countyCode(), 2_000_000 + n),
        KeyGroup.values()[n % KeyGroup.values().length], county.cityCode(), county.countyCode(),
        county.townshipCode(), "宋家沟村", "宋家沟村" + (n % 97) + "号", 1 + n % 5, true);
  }

  /** Walks one Anju case to its end; returns its steps, in order. */
  List<Step> walkAnju(int n) {
    String definitionId = anju.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(HouseholdCaseProcess.KEY).latestVersion().withoutTenantId().singleResult().getId();
    as(anju, registeringUser);
    String instanceId;
    try {
      instanceId = anju.getFormService().submitStartForm(definitionId, registration(n).toVariables()).getId();
    } finally {
      anju.getIdentityService().clearAuthentication();
    }
    List<Step> steps = new ArrayList<>();
    for (int guard = 0; guard < 40; guard++) {
      runJobs(anju, instanceId);
      List<Task> open = anju.getTaskService().createTaskQuery().processInstanceId(instanceId).list();
      if (open.isEmpty()) {
        return steps;
      }
      Task task = open.get(0);
      Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(task.getTaskDefinitionKey(), today()));
      if (Elements.TASK_PAYOUT_SUBSIDY.equals(task.getTaskDefinitionKey())) {
        values.put(Vars.PAID_AMOUNT, anju.getTaskService().getVariable(task.getId(), Vars.SUBSIDY_AMOUNT));
      }
      String group = candidateGroup(anju, task);
      documents.attachRequired(anju.getTaskService(), task, values); // the step's photos and scans, as a clerk uploads them
      complete(anju, task, userFor(group), values);
      steps.add(new Step(task.getTaskDefinitionKey(), group, values));
    }
    throw new IllegalStateException("household case " + instanceId + " did not end within 40 steps");
  }

  /** Walks one bare case through {@code steps}, with the same users and values. */
  int walkBare(ProcessEngine bare, String definitionId, int n, List<Step> steps) {
    as(bare, registeringUser);
    String instanceId;
    try {
      instanceId = bare.getFormService().submitStartForm(definitionId, registration(n).toVariables()).getId();
    } finally {
      bare.getIdentityService().clearAuthentication();
    }
    int done = 0;
    for (int guard = 0; guard < 40; guard++) {
      runJobs(bare, instanceId);
      List<Task> open = bare.getTaskService().createTaskQuery().processInstanceId(instanceId).list();
      if (open.isEmpty()) {
        return done;
      }
      Task task = open.get(0);
      Step step = steps.get(done);
      complete(bare, task, userFor(candidateGroup(bare, task)), step.values());
      done++;
    }
    throw new IllegalStateException("bare case " + instanceId + " did not end");
  }

  /**
   * The case's timers (notice periods, deadline watches) and asynchronous steps (the household file), as the
   * job executor would run them; one the running job executor took meanwhile is done already.
   */
  private static void runJobs(ProcessEngine engine, String instanceId) {
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instanceId).list()) {
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (org.camunda.bpm.engine.OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException e) {
        // executed by the job executor at the same moment
      }
    }
  }

  static final String EQUIVALENT_KEY = "bench-equivalent";
  /** The decisions as the equivalent engine deploys them, under ids of its own (the database is shared). */
  static final String EQUIVALENT_PLAN = "bench-renovation-plan";
  static final String EQUIVALENT_SUBSIDY = "bench-renovation-subsidy";
  /** A delegate that does nothing, for the service tasks of the equivalent model. */
  static final String NOTHING = "benchNothing";

  /**
   * The equivalent model (issue 17): what Anju's case runs on its renovation path, without Anju's code — one
   * user task per step with the step's group, the same three notice timers, the same two decisions (the
   * plan after the appraisal, the subsidy before the county's approval), the service tasks (the inspection
   * log, the archive check, the household file, asynchronous) as empty delegates, and the two non-interrupting
   * deadline watches.
   */
  static BpmnModelInstance equivalentModel(List<Step> steps) {
    org.camunda.bpm.model.bpmn.builder.ProcessBuilder process = Bpmn.createExecutableProcess(EQUIVALENT_KEY)
        .camundaHistoryTimeToLive(180);
    AbstractFlowNodeBuilder<?, ?> flow = process.startEvent("start");
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i).activityId();
      if (step.equals(Elements.TASK_COUNTY_APPROVAL)) {
        flow = flow.businessRuleTask("subsidy").camundaDecisionRef(EQUIVALENT_SUBSIDY)
            .camundaMapDecisionResult("singleEntry").camundaResultVariable(Vars.SUBSIDY_AMOUNT);
      }
      flow = flow.userTask("task" + i).camundaCandidateGroups(steps.get(i).group());
      if (step.equals(Elements.TASK_APPRAISE_HOUSE)) {
        flow = flow.businessRuleTask("plan").camundaDecisionRef(EQUIVALENT_PLAN)
            .camundaMapDecisionResult("singleEntry").camundaResultVariable(Vars.RENOVATION_METHOD);
      } else if (step.equals(Elements.TASK_VILLAGE_REVIEW) || step.equals(Elements.TASK_TOWNSHIP_REVIEW)
          || step.equals(Elements.TASK_COUNTY_APPROVAL)) {
        // due in a day, as a notice period is not due at once: the walk executes it
        flow = flow.intermediateCatchEvent("notice" + i).timerWithDuration("P1D");
      } else if (step.equals(Elements.TASK_INSPECT_CONSTRUCTION)) {
        flow = flow.serviceTask("logInspection").camundaDelegateExpression("${" + NOTHING + "}");
      } else if (step.equals(Elements.TASK_PAYOUT_SUBSIDY)) {
        flow = flow.serviceTask("checkArchive").camundaDelegateExpression("${" + NOTHING + "}");
      } else if (step.equals(Elements.TASK_ARCHIVE_CASE)) {
        flow = flow.serviceTask("compileFile").camundaAsyncBefore().camundaDelegateExpression("${" + NOTHING + "}");
      }
    }
    flow.endEvent("end");
    for (String watch : List.of("startDeadline", "completionDeadline")) {
      process.eventSubProcess(watch).startEvent(watch + "Passed").interrupting(false).timerWithDuration("P30D")
          .serviceTask(watch + "Record").camundaDelegateExpression("${" + NOTHING + "}").endEvent(watch + "Done");
    }
    return process.done();
  }

  /** The bare process: a start event, one user task per step with the step's group, an end event. */
  static BpmnModelInstance bareModel(List<Step> steps) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_KEY).camundaHistoryTimeToLive(180)
        .startEvent("start");
    for (int i = 0; i < steps.size(); i++) {
      flow = flow.userTask("task" + i).camundaCandidateGroups(steps.get(i).group());
    }
    return flow.endEvent("end").done();
  }

  /** Runs {@code cases} walks on {@code threads} threads; returns the figures. */
  Figures run(int cases, IntFunction<Integer> walk) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int n = next.getAndIncrement(); n < cases; n = next.getAndIncrement()) {
            tasks.addAndGet(walk.apply(n));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    return new Figures(cases, tasks.get(), (System.nanoTime() - started) / 1e9);
  }

  private void complete(ProcessEngine engine, Task task, String user, Map<String, Object> values) {
    as(engine, user);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getFormService().submitTaskForm(task.getId(), values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Authenticates the current thread on {@code engine} as {@code user}, with their groups and tenants. */
  private void as(ProcessEngine engine, String user) {
    Authentication a = authentications.computeIfAbsent(user, u -> new Authentication(
        anju.getIdentityService().createGroupQuery().groupMember(u).list().stream().map(g -> g.getId()).toList(),
        anju.getIdentityService().createTenantQuery().userMember(u).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList()));
    engine.getIdentityService().setAuthentication(user, a.groups(), a.tenants());
  }

  private String userFor(String group) {
    return userOfGroup.computeIfAbsent(group, g -> anju.getIdentityService().createUserQuery().memberOfGroup(g)
        .orderByUserId().asc().list().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no user in group " + g)).getId());
  }

  private static String candidateGroup(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst()
        .orElseThrow(() -> new IllegalStateException("task " + task.getTaskDefinitionKey() + " has no group"));
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
