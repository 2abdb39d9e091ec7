package org.anju.escalation;

import org.anju.clock.AnjuClock;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.anju.access.Role;
import org.anju.demo.CaseWalker;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.demo.DemoUsers.DemoCounty;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.anju.support.CountyScans;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Overdue steps: one {@code overdue} incident per step, the notifications up the escalation chain
 * after each grace period, each exactly once however often the watch runs, visible to the county's
 * managers only, and resolved when the step is done. Run on H2 ({@link OverdueEscalationTest}) and on
 * PostgreSQL ({@link DeadlinesOnPostgresTest}); both set 岢岚县's verify-housing limit to 2 days.
 */
abstract class OverdueEscalation {

  static final String COUNTY_LIMIT_PROPERTY = "anju.step-limits.counties.140929.verify-housing=P2D";
  static final DemoCounty KELAN = DemoUsers.KELAN;
  static final DemoCounty JINGLE = DemoUsers.JINGLE;
  static final String KL_TOWNSHIP = DemoUsers.userOf(KELAN, Role.TOWNSHIP);
  static final String KL_HOUSING = DemoUsers.userOf(KELAN, Role.HOUSING);
  static final String JL_HOUSING = DemoUsers.userOf(JINGLE, Role.HOUSING);
  static final Duration GRACE = Duration.ofDays(3);

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  /** Resident ids unique across runs on a database that outlives the test. */
  static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 60_000));

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;

  @Autowired
  org.anju.demo.DemoDocuments demoDocuments;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  RepositoryService repository;
  @Autowired
  HouseholdCases cases;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRaiseOneIncidentAndNotifyUpTheChainOnceEachUntilTheStepIsDone() {
    ProcessInstance pi = register(KELAN, "郭来福", "长崖子村", KeyGroup.DIBAO, false);
    String caseKey = pi.getBusinessKey();
    Task task = new CaseWalker(engine, demoDocuments).walkTo(pi.getId(), TASK_VERIFY_HOUSING);
    assertThat(task).hasCandidateGroup(Role.TOWNSHIP.groupId(KELAN.townshipCode()));
    Instant due = task.getDueDate().toInstant();

    // one day late: the incident, and the holder (the township) is told at once
    clockAt(due.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
    runOverdueWatch();
    Incident incident = overdueIncidents(pi).get(0);
    assertThat(overdueIncidents(pi)).hasSize(1);
    assertThat(incident.getExecutionId()).isEqualTo(task.getExecutionId());
    assertThat(incident.getConfiguration()).isEqualTo(task.getId());
    assertThat(incident.getActivityId()).isEqualTo(TASK_VERIFY_HOUSING);
    assertThat(incident.getIncidentMessage()).contains("郭来福", "长崖子村", stepName(task), "逾期 1 天", "1 day");
    assertThat(levels(caseKey)).containsExactly(0);
    Map<String, Object> holder = rows(caseKey).get(0);
    assertThat(holder.get("step")).isEqualTo(TASK_VERIFY_HOUSING);
    assertThat(holder.get("county_code")).isEqualTo(KELAN.countyCode());
    assertThat((String) holder.get("recipients")).startsWith(Role.TOWNSHIP.groupId(KELAN.townshipCode()))
        .contains(KL_TOWNSHIP);
    assertThat((String) holder.get("body")).contains(caseKey, "郭来福");

    // the watch runs every ten minutes: nothing is raised or sent twice
    runOverdueWatch();
    runOverdueWatch();
    assertThat(overdueIncidents(pi)).hasSize(1);
    assertThat(levels(caseKey)).containsExactly(0);

    // after each grace period of 3 days the next level: county leading group, city, province
    clockAt(due.plus(GRACE).plus(Duration.ofHours(1)));
    runOverdueWatch();
    runOverdueWatch();
    assertThat(levels(caseKey)).containsExactly(0, 1);
    assertThat(recipients(caseKey, 1)).startsWith(Role.LEADING_GROUP.groupId(KELAN.countyCode()))
        .contains(DemoUsers.userOf(KELAN, Role.LEADING_GROUP));
    clockAt(due.plus(GRACE.multipliedBy(2)).plus(Duration.ofHours(1)));
    runOverdueWatch();
    assertThat(levels(caseKey)).containsExactly(0, 1, 2);
    assertThat(recipients(caseKey, 2)).startsWith(Role.CITY_SUPERVISOR.groupId(KELAN.cityCode()))
        .contains("xzsupervisor");
    clockAt(due.plus(GRACE.multipliedBy(3)).plus(Duration.ofHours(1)));
    runOverdueWatch();
    assertThat(levels(caseKey)).containsExactly(0, 1, 2, 3);
    assertThat(recipients(caseKey, 3)).startsWith(Role.PROVINCE_SUPERVISOR.groupId("14"))
        .contains("provincesupervisor");
    clockAt(due.plus(Duration.ofDays(30)));
    runOverdueWatch();
    runOverdueWatch();
    assertThat(levels(caseKey)).as("the province is the top").containsExactly(0, 1, 2, 3);
    assertThat(overdueIncidents(pi)).hasSize(1);

    // the county's managers read the log; the other county's do not; nobody without a login
    assertThat(notificationsApi(KL_HOUSING, caseKey)).extracting(n -> n.get("level")).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(notificationsApi(KL_HOUSING, caseKey)).allSatisfy(n -> assertThat(n.get("caseKey")).isEqualTo(caseKey));
    assertThat(notificationsApi(JL_HOUSING, caseKey)).isEmpty();
    assertThat(rest.exchange("/api/notifications?caseKey=" + caseKey, HttpMethod.GET, null, String.class)
        .getStatusCode().value()).isEqualTo(401);

    // Cockpit shows the incident on the case and in the statistics
    assertThat(restList("admin", "/engine-rest/incident?processInstanceId=" + pi.getId()))
        .singleElement().satisfies(i -> assertThat(i.get("incidentType")).isEqualTo(OverdueScan.INCIDENT_TYPE));
    long overdueInStatistics = overdueIncidentsInStatistics();

    // the township clerk does the step in Tasklist: the incident is resolved
    completeInTasklist(KL_TOWNSHIP, task, DemoSteps.valuesFor(TASK_VERIFY_HOUSING, today()));
    assertThat(pi).isWaitingAt(HouseholdCaseProcess.Elements.TASK_APPRAISE_HOUSE);
    assertThat(overdueIncidents(pi)).isEmpty();
    assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
    assertThat(history.createHistoricIncidentQuery().incidentId(incident.getId()).singleResult().isResolved()).isTrue();
    assertThat(restList("admin", "/engine-rest/incident?processInstanceId=" + pi.getId())).isEmpty();
    assertThat(restGet("admin", "/engine-rest/incident/count?processInstanceId=" + pi.getId()))
        .containsEntry("count", 0);
    assertThat(overdueIncidentsInStatistics()).isEqualTo(overdueInStatistics - 1);

    // the next step is not overdue: the watch raises nothing more for the case
    runOverdueWatch();
    assertThat(overdueIncidents(pi)).isEmpty();
    assertThat(levels(caseKey)).containsExactly(0, 1, 2, 3);
  }

  @Test
  void shouldScanEachCountyAsAJobOfItsOwnAndNotRequestACountyWhoseScanIsUnderWay() {
    Task kelan = overdueVerification(KELAN, "薛满仓", "长崖子村");
    Task jingle = overdueVerification(JINGLE, "白玉兰", "娑婆村");

    // the watch only requests the scans: one job per county, which any node's job executor may take
    executeWatchOnly();
    assertThat(countyScanJobs()).containsEntry(kelan.getTenantId(), 1L).containsEntry(jingle.getTenantId(), 1L);
    assertThat(runtime.createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE).configuration(kelan.getId()).count())
        .as("nothing raised before the county's scan ran").isZero();

    // ten minutes later the scans have not run yet (a busy cluster): no county is requested twice
    executeWatchOnly();
    assertThat(countyScanJobs()).containsEntry(kelan.getTenantId(), 1L).containsEntry(jingle.getTenantId(), 1L);

    assertThat(CountyScans.execute(engine)).contains(kelan.getTenantId(), jingle.getTenantId());
    for (Task task : List.of(kelan, jingle)) {
      assertThat(runtime.createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE).configuration(task.getId())
          .list()).singleElement().satisfies(incident -> assertThat(incident.getTenantId()).isEqualTo(task.getTenantId()));
    }
    assertThat(countyScanJobs()).isEmpty();
  }

  private Task overdueVerification(DemoCounty county, String headName, String village) {
    ProcessInstance pi = register(county, headName, village, KeyGroup.DIBAO, false);
    Task task = new CaseWalker(engine, demoDocuments).walkTo(pi.getId(), TASK_VERIFY_HOUSING);
    task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(1))));
    tasks.saveTask(task);
    return tasks.createTaskQuery().taskId(task.getId()).singleResult();
  }

  private void executeWatchOnly() {
    management.executeJob(management.createJobQuery().processDefinitionKey(OverdueWatchProcess.KEY).timers()
        .singleResult().getId());
  }

  /** The county scans waiting to run, per county's tenant. */
  private Map<String, Long> countyScanJobs() {
    Map<String, Long> perTenant = new HashMap<>();
    for (Job job : management.createJobQuery().processDefinitionKey(OverdueCountyScanProcess.KEY).withRetriesLeft().list()) {
      String tenant = (String) runtime.getVariable(job.getProcessInstanceId(), OverdueCountyScanProcess.Vars.TENANT);
      perTenant.merge(tenant, 1L, Long::sum);
    }
    return perTenant;
  }

  @Test
  void shouldTellTheClerkWhoClaimedTheStep() {
    ProcessInstance pi = register(KELAN, "秦二虎", "宋家沟村", KeyGroup.POOR, false);
    Task walked = new CaseWalker(engine, demoDocuments).walkTo(pi.getId(), TASK_VERIFY_HOUSING);
    tasks.claim(walked.getId(), KL_TOWNSHIP);
    Task task = tasks.createTaskQuery().taskId(walked.getId()).singleResult();
    task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(2)).minus(Duration.ofHours(1))));
    tasks.saveTask(task);

    runOverdueWatch();
    runOverdueWatch();

    assertThat(overdueIncidents(pi)).singleElement().satisfies(incident -> {
      assertThat(incident.getExecutionId()).isEqualTo(task.getExecutionId());
      assertThat(incident.getIncidentMessage()).contains("秦二虎", "宋家沟村", stepName(task), "逾期 2 天");
    });
    assertThat(levels(pi.getBusinessKey())).containsExactly(0);
    assertThat(recipients(pi.getBusinessKey(), 0)).isEqualTo(KL_TOWNSHIP);
  }

  /** 王秀英's identification was made overdue at start-up and scanned once; the watch adds nothing twice. */
  @Test
  void shouldKeepTheDemoOverdueStepAtOneIncidentAndOneNotificationPerLevel() {
    // on a PostgreSQL database shared with other test classes, the demo's 王秀英 is the first one created
    Task late = tasks.createTaskQuery().processDefinitionKey(HouseholdCaseProcess.KEY)
        .processVariableValueEquals(Vars.HEAD_NAME, "王秀英").orderByTaskCreateTime().asc().list().get(0);
    assertThat(late.getDueDate()).isBefore(ClockUtil.getCurrentTime());

    runOverdueWatch();
    runOverdueWatch();

    assertThat(runtime.createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE).configuration(late.getId()).list())
        .singleElement().satisfies(incident -> {
          assertThat(incident.getExecutionId()).isEqualTo(late.getExecutionId());
          assertThat(incident.getIncidentMessage()).contains("王秀英", "宋家沟村", stepName(late), "逾期 4 天");
        });
    List<Integer> levels = jdbc.queryForList("select level from notification where dedup_key like ? order by level",
        Integer.class, late.getId() + ":%");
    assertThat(levels).as("each level once").doesNotHaveDuplicates().contains(0, 1);
    assertThat(levels.get(levels.size() - 1)).isEqualTo(levels.size() - 1);
    assertThat(jdbc.queryForObject("select recipients from notification where dedup_key like ? and level = 0",
        String.class, late.getId() + ":%")).startsWith(Role.POVERTY.groupId(KELAN.countyCode()))
        .contains(DemoUsers.userOf(KELAN, Role.POVERTY));
  }

  // -- helpers -----------------------------------------------------------------------------------

  ProcessInstance register(DemoCounty county, String headName, String village, KeyGroup group, boolean dynamic) {
    int n = SEQUENCE.incrementAndGet();
    String residentId = DemoSteps.residentId(county.countyCode(), 1940 + (n / 1000) % 60, n % 1000);
    return cases.register(new Registration(headName, residentId, group, county.cityCode(), county.countyCode(),
        county.townshipCode(), village, village + (n % 100) + "号", 3, dynamic));
  }

  /** Executes the {@code overdue-watch} timer-start job, as the job executor does every ten minutes. */
  void runOverdueWatch() {
    Job watch = management.createJobQuery().processDefinitionKey(OverdueWatchProcess.KEY).timers().singleResult();
    assertThat(watch).as("the overdue watch's timer").isNotNull();
    java.util.Set<String> before = new java.util.HashSet<>(history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(OverdueWatchProcess.KEY).list().stream().map(HistoricProcessInstance::getId).toList());
    management.executeJob(watch.getId());
    CountyScans.execute(engine);
    List<HistoricProcessInstance> runs = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(OverdueWatchProcess.KEY).list().stream().filter(r -> !before.contains(r.getId())).toList();
    assertThat(runs).as("one run of the watch").hasSize(1);
    assertThat(runs.get(0).getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(runs.get(0).getId()).list())
        .extracting(HistoricActivityInstance::getActivityId)
        .contains(OverdueWatchProcess.Elements.START_EVERY_TEN_MINUTES,
            OverdueWatchProcess.Elements.SERVICE_SCAN_OVERDUE_STEPS, OverdueWatchProcess.Elements.END_SCAN_DONE);
    assertThat(management.createJobQuery().processDefinitionKey(OverdueWatchProcess.KEY).timers().count())
        .as("the next run is scheduled").isEqualTo(1);
  }

  List<Incident> overdueIncidents(ProcessInstance pi) {
    return runtime.createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE).processInstanceId(pi.getId()).list();
  }

  List<Map<String, Object>> rows(String caseKey) {
    return jdbc.queryForList("select * from notification where case_key = ? order by level, channel", caseKey);
  }

  /** The levels notified for a case, one entry per notification (channel LOG only here). */
  List<Integer> levels(String caseKey) {
    return jdbc.queryForList("select level from notification where case_key = ? order by level", Integer.class,
        caseKey);
  }

  String recipients(String caseKey, int level) {
    return jdbc.queryForObject("select recipients from notification where case_key = ? and level = ?", String.class,
        caseKey, level);
  }

  String stepName(Task task) {
    return repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .<UserTask>getModelElementById(task.getTaskDefinitionKey()).getName();
  }

  /** The overdue incidents of household-case in the statistics Cockpit's dashboard reads. */
  long overdueIncidentsInStatistics() {
    long count = 0;
    for (Map<String, Object> definition : restList("admin", "/engine-rest/process-definition/statistics?incidents=true")) {
      if (HouseholdCaseProcess.KEY.equals(((Map<?, ?>) definition.get("definition")).get("key"))) {
        for (Object incident : (List<?>) definition.get("incidents")) {
          if (OverdueScan.INCIDENT_TYPE.equals(((Map<?, ?>) incident).get("incidentType"))) {
            count += ((Number) ((Map<?, ?>) incident).get("incidentCount")).longValue();
          }
        }
      }
    }
    return count;
  }

  List<Map<String, Object>> notificationsApi(String user, String caseKey) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange("/api/notifications?caseKey=" + caseKey, HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode().value()).as("GET /api/notifications as %s", user).isEqualTo(200);
    return response.getBody();
  }

  /** Claim and submit the form, as Tasklist does. */
  void completeInTasklist(String user, Task task, Map<String, Object> values) {
    assertThat(post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user)).getStatusCode()
        .value()).isEqualTo(204);
    demoDocuments.attachRequired(tasks, task, values); // what the Documents tab would hold
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name,
        Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
    ResponseEntity<Map<String, Object>> submitted = post(user, "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", variables));
    assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(204);
  }

  ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, DemoUsers.PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        MAP);
  }

  Map<String, Object> restGet(String user, String path) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange(path, HttpMethod.GET, null, MAP);
    assertThat(response.getStatusCode().value()).as("GET %s: %s", path, response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  List<Map<String, Object>> restList(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange(path, HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode().value()).as("GET %s", path).isEqualTo(200);
    return response.getBody();
  }

  static void clockAt(Instant time) {
    ClockUtil.setCurrentTime(Date.from(time));
  }

  static java.time.LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(AnjuClock.zone()).toLocalDate();
  }
}
