package org.anju.escalation;

import org.anju.clock.AnjuClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.access.RoleGroups;
import org.anju.region.Divisions;
import org.anju.tasklist.CaseVariables;
import org.anju.tasklist.Steps;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Finds the steps past their due date. Each gets one {@code overdue} incident on its execution, for
 * Cockpit, and its notifications: to the holder at once, to each next level after each grace period;
 * each at most once, however often the scan runs and on however many nodes.
 *
 * <p>Each run of the watch scans county by county, each county an asynchronous job of its own
 * ({@code overdue-county-scan}). A county's steps are handled in chunks, each in a transaction of its own,
 * so that a deadline that makes thousands of steps overdue at once neither holds one huge transaction nor
 * loses the chunks already done when a later one fails (the next scan does the rest). Steps are sorted by
 * step so that a chunk's notifications go to few recipients, each of whom gets few digests per chunk (of at most
 * {@link Notifier#DIGEST_LIMIT} steps each).
 */
@Service
public class OverdueScan {

  public static final String INCIDENT_TYPE = "overdue";
  /** The county scan of the steps that belong to no county's tenant (the campaign's own). */
  public static final String NO_TENANT = "none";
  /** Steps per transaction. */
  static final int CHUNK = 500;
  /** Attempts of a single step whose case keeps changing meanwhile. */
  static final int STEP_ATTEMPTS = 5;
  private static final List<String> LABEL_VARIABLES =
      List.of(CaseVariables.COUNTY_CODE.name(), CaseVariables.COUNTY_NAME.name());

  private static final Logger LOG = LoggerFactory.getLogger(OverdueScan.class);

  private final Notifier notifier;
  private final EscalationSettings settings;
  private final Divisions divisions;
  /** The processes whose user tasks are watched: every process with a step catalogue. */
  private final String[] watched;

  public OverdueScan(Notifier notifier, EscalationSettings settings, Divisions divisions, Steps steps) {
    this.notifier = notifier;
    this.settings = settings;
    this.divisions = divisions;
    this.watched = steps.processKeys();
  }

  /** What one scan did. */
  public record Result(int overdueSteps, int incidentsRaised, int notificationsRecorded) {}

  /**
   * The watch's run: requests the scan of each county that has overdue steps as an instance of
   * {@code overdue-county-scan}, whose work is an asynchronous job any node may take, so that the nodes of a
   * cluster share a deadline that makes the whole province overdue at once (one node did all of it, issue 17).
   * A county whose scan of an earlier run is still under way is left to it: two scans of one county at once
   * could raise an incident twice. Returns the tenants requested.
   */
  public List<String> requestCountyScans(ProcessEngine engine, Instant now) {
    // under way: its job still has retries (one that failed for good waits in Cockpit, and a new one goes on)
    Set<String> underWay = new HashSet<>();
    Set<String> waiting = new HashSet<>();
    engine.getManagementService().createJobQuery().processDefinitionKey(OverdueCountyScanProcess.KEY).withRetriesLeft()
        .list().forEach(job -> waiting.add(job.getProcessInstanceId()));
    if (!waiting.isEmpty()) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(waiting).list().forEach(scan ->
          underWay.add(scan.getBusinessKey().substring(scan.getBusinessKey().lastIndexOf('-') + 1)));
    }
    List<String> requested = new ArrayList<>();
    for (String tenant : tenantsWithOverdueSteps(engine, now)) {
      if (underWay.contains(tenant)) {
        LOG.info("Overdue scan of {} still under way: not requested again", tenant);
        continue;
      }
      engine.getRuntimeService().startProcessInstanceByKey(OverdueCountyScanProcess.KEY,
          "overdue-" + now.toEpochMilli() + "-" + tenant,
          Map.of(OverdueCountyScanProcess.Vars.TENANT, tenant, OverdueCountyScanProcess.Vars.SCAN_AT, Date.from(now)));
      requested.add(tenant);
    }
    return requested;
  }

  /** Scans every county in this thread, one after the other (the demo data's start). */
  public Result scan(ProcessEngine engine, Instant now) {
    Result all = new Result(0, 0, 0);
    for (String tenant : tenantsWithOverdueSteps(engine, now)) {
      Result county = scanCounty(engine, tenant, now);
      all = new Result(all.overdueSteps() + county.overdueSteps(), all.incidentsRaised() + county.incidentsRaised(),
          all.notificationsRecorded() + county.notificationsRecorded());
    }
    return all;
  }

  /** The tenants with steps due before {@code now}: counties' tenants, and {@link #NO_TENANT}. */
  List<String> tenantsWithOverdueSteps(ProcessEngine engine, Instant now) {
    List<String> tenants = new ArrayList<>();
    for (Tenant tenant : engine.getIdentityService().createTenantQuery().orderByTenantId().asc().list()) {
      if (overdue(engine, tenant.getId(), now).count() > 0) {
        tenants.add(tenant.getId());
      }
    }
    if (overdue(engine, NO_TENANT, now).count() > 0) {
      tenants.add(NO_TENANT);
    }
    return tenants;
  }

  private TaskQuery overdue(ProcessEngine engine, String tenant, Instant now) {
    TaskQuery query = engine.getTaskService().createTaskQuery().processDefinitionKeyIn(watched).dueBefore(Date.from(now));
    return NO_TENANT.equals(tenant) ? query.withoutTenantId() : query.tenantIdIn(tenant);
  }

  /** Raises the incidents and records the notifications of one county's overdue steps, chunk by chunk. */
  public Result scanCounty(ProcessEngine engine, String tenant, Instant now) {
    List<Task> overdue = new ArrayList<>(overdue(engine, tenant, now).list());
    overdue.sort(Comparator.comparing(Task::getTaskDefinitionKey).thenComparing(Task::getId));
    Set<String> withIncident = new HashSet<>();
    IncidentQuery incidents = engine.getRuntimeService().createIncidentQuery().incidentType(INCIDENT_TYPE);
    (NO_TENANT.equals(tenant) ? incidents : incidents.tenantIdIn(tenant)).list().stream()
        .filter(incident -> !NO_TENANT.equals(tenant) || incident.getTenantId() == null)
        .forEach(incident -> withIncident.add(incident.getConfiguration()));
    CommandExecutor separately = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequiresNew();
    Notifier.Batch batch = notifier.batch();
    String scanKey = "overdue-" + now.toEpochMilli() + "-" + tenant;
    int raised = 0;
    int notifications = 0;
    for (int from = 0; from < overdue.size(); from += CHUNK) {
      List<Task> chunk = overdue.subList(from, Math.min(overdue.size(), from + CHUNK));
      String deliveryPrefix = scanKey + "-" + from / CHUNK;
      int[] done = scanChunkRetrying(separately, engine, chunk, now, withIncident, batch, deliveryPrefix);
      chunk.forEach(task -> withIncident.add(task.getId()));
      raised += done[0];
      notifications += done[1];
    }
    if (!overdue.isEmpty()) {
      LOG.info("Overdue scan of {}: {} overdue steps, {} incidents raised, {} notifications recorded", tenant,
          overdue.size(), raised, notifications);
    }
    return new Result(overdue.size(), raised, notifications);
  }

  /**
   * One chunk in a transaction of its own. The deadline that makes the steps overdue also fires every case's
   * deadline timer, which moves the case's task to a new execution while the chunk raises an incident on it:
   * the chunk then fails on that execution's row. Failing the county's job for it left the county's steps
   * without incident until the job's retry minutes later (issue 17, seen in CI); trying the whole chunk
   * again meets the next timer. So a chunk that meets a concurrent change is split in halves, each tried on
   * its own, down to the single step, which is tried again a few times after a pause.
   */
  private int[] scanChunkRetrying(CommandExecutor separately, ProcessEngine engine, List<Task> chunk, Instant now,
      Set<String> withIncident, Notifier.Batch batch, String deliveryPrefix) {
    for (int attempt = 1; ; attempt++) {
      try {
        return separately.execute(context -> scanChunk(engine, chunk, now, withIncident, batch, deliveryPrefix));
      } catch (OptimisticLockingException concurrent) {
        if (chunk.size() > 1) {
          LOG.info("Overdue scan chunk {} of {} steps met a concurrent change: split in halves", deliveryPrefix,
              chunk.size());
          int half = chunk.size() / 2;
          int[] first = scanChunkRetrying(separately, engine, chunk.subList(0, half), now, withIncident, batch,
              deliveryPrefix + ".0");
          int[] second = scanChunkRetrying(separately, engine, chunk.subList(half, chunk.size()), now, withIncident,
              batch, deliveryPrefix + ".1");
          return new int[] {first[0] + second[0], first[1] + second[1]};
        }
        if (attempt == STEP_ATTEMPTS) {
          throw concurrent; // the job fails and its retry comes back to the county
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("overdue scan interrupted", e);
    }
  }

  /** Raises the missing incidents and records the notifications of one chunk; returns both counts. */
  private int[] scanChunk(ProcessEngine engine, List<Task> chunk, Instant now, Set<String> withIncident,
      Notifier.Batch batch, String deliveryPrefix) {
    batch.discardPending(); // what an attempt that was rolled back collected
    Map<String, String> caseKeys = new HashMap<>();
    engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceIds(chunk.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list()
        .forEach(pi -> caseKeys.put(pi.getId(), pi.getBusinessKey() == null ? pi.getId() : pi.getBusinessKey()));
    int incidents = 0;
    // read the chunk's tasks afresh in its own transaction: since the scan listed them, a timer of the case
    // (a campaign deadline's event sub-process) may have moved a task to a new execution, or it was completed
    List<Task> current = engine.getTaskService().createTaskQuery()
        .taskIdIn(chunk.stream().map(Task::getId).toArray(String[]::new)).list();
    for (Task task : current) {
      Map<String, Object> vars = countyOf(engine, task);
      Duration late = Duration.between(task.getDueDate().toInstant(), now);
      long days = late.toDays();
      String label = label(task, vars);
      String message = label + " · 逾期 " + days + " 天 overdue by " + days + " day(s)";
      if (!withIncident.contains(task.getId())) {
        engine.getRuntimeService().createIncident(INCIDENT_TYPE, task.getExecutionId(), task.getId(), message);
        incidents++;
      }
      escalate(engine, task, vars, late, label, message,
          caseKeys.getOrDefault(task.getProcessInstanceId(), task.getProcessInstanceId()), batch);
    }
    int recorded = batch.dispatch(deliveryPrefix);
    return new int[] {incidents, recorded};
  }

  private void escalate(ProcessEngine engine, Task task, Map<String, Object> vars, Duration late, String label,
      String message, String caseKey, Notifier.Batch batch) {
    String county = CaseVariables.COUNTY_CODE.from(vars);
    String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
    EscalationChain chain = EscalationChain.of(task.getAssignee(), group, county);
    long reached = Math.min(chain.levels().size() - 1, late.toMillis() / Math.max(1, settings.grace().toMillis()));
    for (int level = 0; level <= reached; level++) {
      EscalationChain.Level to = chain.levels().get(level);
      batch.add(new NotificationRequest(task.getId() + ":" + level, county, caseKey,
          task.getProcessInstanceId(), task.getTaskDefinitionKey(), level, to.groupIds(), to.userId(),
          "逾期 Overdue: " + label, message + "\n案件 Case " + caseKey + " · 应办结 Due "
              + AnjuClock.dayOf(task.getDueDate())
              + "\n通知 To: " + to.title()));
    }
  }

  /**
   * The county of a step and its name: from the county's tenant that every case and its tasks belong
   * to, else from the step's variables. (Reading the variables of thousands of steps one by one is
   * what made the first end-of-May scan take minutes.)
   */
  private Map<String, Object> countyOf(ProcessEngine engine, Task task) {
    String tenant = task.getTenantId();
    if (tenant != null && tenant.startsWith(RoleGroups.TENANT_PREFIX)) {
      String county = tenant.substring(RoleGroups.TENANT_PREFIX.length());
      return Map.of(CaseVariables.COUNTY_CODE.name(), county, CaseVariables.COUNTY_NAME.name(),
          divisions.nameOf(county));
    }
    return engine.getTaskService().getVariables(task.getId(), LABEL_VARIABLES);
  }

  private static String label(Task task, Map<String, Object> vars) {
    StringBuilder label = new StringBuilder(task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
    if (vars.get(CaseVariables.COUNTY_NAME.name()) instanceof String county && !label.toString().contains(county)) {
      label.append(" · ").append(county);
    }
    return label.toString();
  }
}
