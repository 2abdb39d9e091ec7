package org.anju.campaign;

import org.anju.clock.AnjuClock;
import static org.anju.campaign.HousingCampaignProcess.Elements.*;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.anju.access.Role;
import org.anju.campaign.Campaign.Deadline;
import org.anju.campaign.HousingCampaignProcess.Vars;
import org.anju.demo.CaseWalker;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.demo.DemoUsers.DemoCounty;
import org.anju.escalation.OverdueScan;
import org.anju.escalation.OverdueWatchProcess;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.anju.support.CountyScans;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The process test of {@code housing-campaign}: a campaign opened through the API, dynamic-guarantee
 * households registered in its time, and the engine clock moved across both deadlines while the due
 * timers are executed by hand: warnings, lists of lagging cases, city supervision, the province after
 * its escalation period, and the end of the campaign once every supervision is done. Every flow node
 * and sequence flow is passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "anju.test.context=housing-campaign-process-test") // a context (and database) of its own
@ActiveProfiles("test")
@Import(TakenSequenceFlows.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its clock moved years ahead: share it with no one
class HousingCampaignProcessTest {

  static final int YEAR = 2031;
  static final String START_WARN = "START_WARN";
  static final String START_LAGGING = "START_LAGGING";
  static final String COMPLETION_WARN = "COMPLETION_WARN";
  static final String COMPLETION_LAGGING = "COMPLETION_LAGGING";
  static final String CITY_SUPERVISOR = "xzsupervisor";
  static final String PROVINCE_SUPERVISOR = "provincesupervisor";
  static final DemoCounty KELAN = DemoUsers.KELAN;
  static final DemoCounty JINGLE = DemoUsers.JINGLE;

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final AtomicInteger SEQUENCE = new AtomicInteger(500);

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
  RepositoryService repository;
  @Autowired
  HouseholdCases cases;
  @Autowired
  CampaignCalendar calendar;
  @Autowired
  CampaignDeadlines campaignDeadlines;
  @Autowired
  CampaignProgress campaignProgress;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TakenSequenceFlows takenFlows;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRefuseABadCampaignNamingTheField() {
    Map<String, Object> good = body(2033, "2033-03-31", "2033-05-31", 7);

    assertRefused(with(good, "year", "2033"), "year: must be a whole number");
    assertRefused(with(good, "year", 1999), "year: must be between 2000 and 2100");
    assertRefused(with(good, "startDeadline", null), "startDeadline: is required");
    assertRefused(with(good, "startDeadline", "2033-02-30"), "startDeadline: must be a date like");
    assertRefused(with(good, "completionDeadline", "31.05.2033"), "completionDeadline: must be a date like");
    assertRefused(with(good, "completionDeadline", "2033-03-01"), "completionDeadline: must come after startDeadline");
    assertRefused(with(good, "warningDays", 0), "warningDays: must be between 1 and 60");
    assertRefused(with(good, "warningDays", 61), "warningDays: must be between 1 and 60");
    assertRefused(with(good, "warningDays", "seven"), "warningDays: must be a whole number");

    assertThat(calendar.find(2033)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(HousingCampaignProcess.KEY)
        .processInstanceBusinessKey("campaign-2033").count()).isZero();
  }

  @Test
  void shouldLetOnlyAnAdministratorOpenACampaign() {
    Map<String, Object> body = body(2034, "2034-03-31", "2034-05-31", 7);

    ResponseEntity<Map<String, Object>> county = post(DemoUsers.userOf(KELAN, Role.HOUSING), "/api/campaigns", body);
    ResponseEntity<Map<String, Object>> city = post(CITY_SUPERVISOR, "/api/campaigns", body);
    ResponseEntity<Map<String, Object>> anonymous = rest.exchange("/api/campaigns", HttpMethod.POST,
        new HttpEntity<>(body, json()), MAP);

    assertThat(county.getStatusCode().value()).as("%s", county.getBody()).isEqualTo(403);
    assertThat(city.getStatusCode().value()).as("%s", city.getBody()).isEqualTo(403);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(calendar.find(2034)).isEmpty();
  }

  @Test
  void shouldWarnListAndSuperviseLaggingCountiesAtBothDeadlinesUntilTheCampaignEnds() {
    // early 2031: the campaign is opened and the year's households registered
    clockAt(LocalDateTime.of(YEAR, 2, 1, 9, 0));
    ResponseEntity<Map<String, Object>> opened = post("admin", "/api/campaigns",
        body(YEAR, "2031-03-31", "2031-05-31", 7));
    assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
    assertThat(opened.getBody()).containsEntry("year", YEAR);
    ProcessInstance campaign = runtime.createProcessInstanceQuery()
        .processInstanceId((String) opened.getBody().get("processInstanceId")).singleResult();
    assertThat(campaign).isNotNull();
    assertThat(campaign.getBusinessKey()).isEqualTo("campaign-" + YEAR);
    assertThat(campaign).isWaitingAt(TIMER_START_WARNING, TIMER_COMPLETION_WARNING)
        .hasPassed(START_CAMPAIGN_OPENED, GATEWAY_FORK_DEADLINES)
        .variables().containsEntry(Vars.CAMPAIGN_YEAR, YEAR);
    assertThat(calendar.find(YEAR)).contains(Campaign.standard(YEAR, 7));
    ResponseEntity<Map<String, Object>> again = post("admin", "/api/campaigns", body(YEAR, "2031-03-31", "2031-05-31", 7));
    assertThat(again.getStatusCode().value()).isEqualTo(400);
    assertThat((String) again.getBody().get("message")).contains("year: campaign 2031 exists already");
    assertThat(calendar.currentYear()).isEqualTo(YEAR);

    // 岢岚县: a dynamic case that has not started (lags at both deadlines) and a static one not verified
    // (lags only at the end of May); 静乐县: a dynamic case under construction (lags only at the end of
    // May, not accepted) and a static one verified (never lags)
    ProcessInstance klDynamic = register(KELAN, "冯满堂", "宋家沟村", KeyGroup.POOR, true);
    ProcessInstance klStatic = register(KELAN, "白桂花", "长崖子村", KeyGroup.DIBAO, false);
    ProcessInstance jlDynamic = register(JINGLE, "贾福生", "西坡崖村", KeyGroup.POOR, true);
    ProcessInstance jlStatic = register(JINGLE, "任秀兰", "东坡崖村", KeyGroup.TEKUN, false);
    CaseWalker walker = new CaseWalker(engine, demoDocuments);
    walker.walkTo(jlDynamic.getId(), HouseholdCaseProcess.Elements.TASK_INSPECT_CONSTRUCTION);
    walker.walkTo(jlStatic.getId(), HouseholdCaseProcess.Elements.TASK_APPRAISE_HOUSE);
    for (ProcessInstance household : List.of(klDynamic, klStatic, jlDynamic, jlStatic)) {
      assertThat(jdbc.queryForObject("select campaign_year from household where household_id = ?", Integer.class,
          household.getBusinessKey())).as("campaign of %s", household.getBusinessKey()).isEqualTo(YEAR);
    }
    assertThat(jdbc.queryForObject("select construction_started_on from household where household_id = ?",
        LocalDate.class, jlDynamic.getBusinessKey())).isNotNull();
    assertThat(jdbc.queryForObject("select verified_on from household where household_id = ?",
        LocalDate.class, jlStatic.getBusinessKey())).isNotNull();

    // 7 days before 31 March: the counties at risk are warned, once
    clockAt(LocalDateTime.of(YEAR, 3, 23, 23, 0));
    assertThat(dueTimers(campaign)).isEmpty();
    clockAt(LocalDateTime.of(YEAR, 3, 24, 8, 0));
    runDueTimers(campaign);
    assertThat(campaign).hasPassed(TIMER_START_WARNING, SERVICE_WARN_START_AT_RISK)
        .isWaitingAt(TIMER_START_DEADLINE, TIMER_COMPLETION_WARNING);
    List<Map<String, Object>> startWarnings = notifications(campaign, START_WARN);
    assertThat(startWarnings).singleElement().satisfies(row -> {
      assertThat(row.get("county_code")).isEqualTo(KELAN.countyCode());
      assertThat((String) row.get("recipients")).contains(Role.LEADING_GROUP.groupId(KELAN.countyCode()),
          Role.HOUSING.groupId(KELAN.countyCode()));
      assertThat((String) row.get("body")).contains(klDynamic.getBusinessKey(), "冯满堂")
          .doesNotContain(klStatic.getBusinessKey());
    });
    // the warning runs again (a retried job, or a restarted step in Cockpit): nothing new is sent
    ActivityInstance waiting = runtime.getActivityInstance(campaign.getId());
    runtime.createProcessInstanceModification(campaign.getId())
        .startBeforeActivity(SERVICE_WARN_START_AT_RISK)
        .cancelActivityInstance(waiting.getActivityInstances(TIMER_START_DEADLINE)[0].getId())
        .execute();
    assertThat(management.createJobQuery().processInstanceId(campaign.getId()).activityId(TIMER_START_DEADLINE)
        .count()).isEqualTo(1);
    assertThat(notifications(campaign, START_WARN)).hasSize(1);

    // 1 April: 岢岚县 lags (its dynamic case has not started) and is put under the city's supervision;
    // 静乐县, whose dynamic case has started construction, is not listed
    clockAt(LocalDateTime.of(YEAR, 3, 31, 23, 0));
    assertThat(dueTimers(campaign)).isEmpty();
    clockAt(LocalDateTime.of(YEAR, 4, 1, 8, 0));
    runDueTimers(campaign);
    assertThat(campaign).hasPassed(TIMER_START_DEADLINE, SERVICE_REPORT_LAGGING_START)
        .isWaitingAt(TASK_CITY_SUPERVISION_START, TIMER_COMPLETION_WARNING);
    assertThat(notifications(campaign, START_LAGGING)).singleElement().satisfies(row -> {
      assertThat(row.get("county_code")).isEqualTo(KELAN.countyCode());
      assertThat((String) row.get("body")).contains(klDynamic.getBusinessKey())
          .doesNotContain(klStatic.getBusinessKey(), jlDynamic.getBusinessKey(), jlStatic.getBusinessKey());
    });
    // the case's own timer fires at the same time: the holder of its step hears of it, once; the county's
    // list above went to the leading group and the housing bureau; the dashboard lists the case as stuck
    for (ProcessInstance household : List.of(klDynamic, klStatic, jlDynamic, jlStatic)) {
      management.createJobQuery().processInstanceId(household.getId()).timers().executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    assertThat(jdbc.queryForList("select recipients from notification where case_key = ? and step = 'START_MISSED'",
        String.class, klDynamic.getBusinessKey())).singleElement().asString()
        .startsWith(Role.POVERTY.groupId(KELAN.countyCode())).doesNotContain("leadinggroup", "housing");
    assertThat(jdbc.queryForObject("select count(*) from notification where step = 'START_MISSED'", Integer.class))
        .as("only the case that lags").isEqualTo(1);
    ResponseEntity<List<Map<String, Object>>> stuck = rest.withBasicAuth(DemoUsers.userOf(KELAN, Role.HOUSING),
        DemoUsers.PASSWORD).exchange("/api/progress/stuck", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(stuck.getBody()).filteredOn(c -> klDynamic.getBusinessKey().equals(c.get("householdId")))
        .singleElement().satisfies(c -> assertThat(String.valueOf(c.get("incidents"))).contains("deadlineMissed"));
    Task cityStart = tasks.createTaskQuery().processInstanceId(campaign.getId())
        .taskDefinitionKey(TASK_CITY_SUPERVISION_START).singleResult();
    assertThat(cityStart).isNotNull().hasCandidateGroup(Role.CITY_SUPERVISOR.groupId(KELAN.cityCode()));
    assertThat(cityStart.getDueDate()).as("every supervision has its due date").isNotNull();
    Map<String, Object> form = formVariables(CITY_SUPERVISOR, cityStart.getId());
    assertThat(form).containsEntry(Vars.COUNTY_NAME, KELAN.name())
        .containsEntry(Vars.DEADLINE, Campaign.Deadline.START.name());
    assertThat((String) form.get(Vars.LAGGING_CASES)).contains(klDynamic.getBusinessKey(), "冯满堂")
        .doesNotContain(klStatic.getBusinessKey(), jlDynamic.getBusinessKey(), jlStatic.getBusinessKey());
    assertThat(tasks.createTaskQuery().processInstanceId(campaign.getId())
        .taskDefinitionKey(TASK_PROVINCE_SUPERVISION_START).count()).isZero();

    // 14 days later, not yet resolved: the province supervises too, the city's task stays
    clockAt(LocalDateTime.of(YEAR, 4, 15, 7, 0));
    assertThat(dueTimers(campaign)).isEmpty();
    clockAt(LocalDateTime.of(YEAR, 4, 15, 9, 0));
    runDueTimers(campaign);
    assertThat(campaign).hasPassed(TIMER_ESCALATE_TO_PROVINCE_START)
        .isWaitingAt(TASK_CITY_SUPERVISION_START, TASK_PROVINCE_SUPERVISION_START, TIMER_COMPLETION_WARNING);
    Task provinceStart = tasks.createTaskQuery().processInstanceId(campaign.getId())
        .taskDefinitionKey(TASK_PROVINCE_SUPERVISION_START).singleResult();
    assertThat(provinceStart).isNotNull().hasCandidateGroup(Role.PROVINCE_SUPERVISOR.groupId("14"));
    assertThat(formVariables(PROVINCE_SUPERVISOR, provinceStart.getId())).containsEntry(Vars.COUNTY_NAME, KELAN.name());
    assertThat(tasks.createTaskQuery().taskId(cityStart.getId()).count()).as("the city's task stays").isEqualTo(1);

    // the supervisors record what they did; without measures the form is refused
    assertThat(post(CITY_SUPERVISOR, "/engine-rest/task/" + cityStart.getId() + "/claim",
        Map.of("userId", CITY_SUPERVISOR)).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<Map<String, Object>> refused = submit(CITY_SUPERVISOR, cityStart.getId(), null, "2031-04-15");
    assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).isEqualTo("督战措施：必填 / Supervision measures: is required");
    assertThat(tasks.createTaskQuery().taskId(cityStart.getId()).count()).isEqualTo(1);
    supervise(CITY_SUPERVISOR, cityStart, "约谈县长，限期一周开工 County head summoned, start within a week");
    assertThat(campaign).isWaitingAt(TASK_PROVINCE_SUPERVISION_START, TIMER_COMPLETION_WARNING);
    supervise(PROVINCE_SUPERVISOR, provinceStart, "省级现场督导 Province site visit");
    assertThat(campaign).hasPassed(END_START_DEADLINE_HANDLED).isNotEnded().isWaitingAt(TIMER_COMPLETION_WARNING);

    // a township check in 静乐县 finds a problem that is still open on 1 June: not cleared to the bottom
    Map<String, Object> check = new HashMap<>(Map.of("checkLevel", "TOWNSHIP", "cityCode", JINGLE.cityCode(),
        "countyCode", JINGLE.countyCode(), "townshipCode", JINGLE.townshipCode(), "village", "西坡崖村",
        "checkScope", "全乡农房排查 Houses of the township", "checkerName", "王检查", "problemsFound", "刘家屋顶漏雨"));
    runtime.startProcessInstanceByKey("problem-rectification", check);

    // 7 days before 31 May: both counties are at risk (岢岚县: not verified; 静乐县: not accepted)
    clockAt(LocalDateTime.of(YEAR, 5, 23, 23, 0));
    assertThat(dueTimers(campaign)).isEmpty();
    clockAt(LocalDateTime.of(YEAR, 5, 24, 8, 0));
    runDueTimers(campaign);
    assertThat(campaign).hasPassed(TIMER_COMPLETION_WARNING, SERVICE_WARN_COMPLETION_AT_RISK)
        .isWaitingAt(TIMER_COMPLETION_DEADLINE);
    assertThat(notifications(campaign, COMPLETION_WARN)).extracting(row -> row.get("county_code"))
        .containsExactlyInAnyOrder(KELAN.countyCode(), JINGLE.countyCode());

    // 1 June: both lag; each gets its list and a city supervision
    clockAt(LocalDateTime.of(YEAR, 5, 31, 23, 0));
    assertThat(dueTimers(campaign)).isEmpty();
    clockAt(LocalDateTime.of(YEAR, 6, 1, 8, 0));
    runDueTimers(campaign);
    assertThat(campaign).hasPassed(TIMER_COMPLETION_DEADLINE, SERVICE_REPORT_LAGGING_COMPLETION)
        .isWaitingAt(TASK_CITY_SUPERVISION_COMPLETION);
    Map<String, String> completionLists = new HashMap<>();
    notifications(campaign, COMPLETION_LAGGING).forEach(row ->
        assertThat(completionLists.put((String) row.get("county_code"), (String) row.get("body"))).isNull());
    assertThat(completionLists).containsOnlyKeys(KELAN.countyCode(), JINGLE.countyCode());
    assertThat(completionLists.get(KELAN.countyCode())).contains(klDynamic.getBusinessKey(), klStatic.getBusinessKey());
    assertThat(completionLists.get(JINGLE.countyCode())).contains(jlDynamic.getBusinessKey())
        .contains("问题未清零 Problems not cleared: 1", "西坡崖村 刘家屋顶漏雨").doesNotContain(jlStatic.getBusinessKey());
    assertThat(completionLists.get(KELAN.countyCode())).doesNotContain("问题未清零");
    Map<String, Task> cityCompletion = byCounty(TASK_CITY_SUPERVISION_COMPLETION, campaign);
    assertThat(cityCompletion).containsOnlyKeys(KELAN.name(), JINGLE.name());
    Map<String, Object> kelan = formVariables(CITY_SUPERVISOR, cityCompletion.get(KELAN.name()).getId());
    assertThat(kelan).containsEntry(Vars.DEADLINE, Campaign.Deadline.COMPLETION.name());
    assertThat((String) kelan.get(Vars.LAGGING_CASES)).contains(klDynamic.getBusinessKey(), klStatic.getBusinessKey())
        .doesNotContain(jlDynamic.getBusinessKey());
    Map<String, Object> jingle = formVariables(CITY_SUPERVISOR, cityCompletion.get(JINGLE.name()).getId());
    assertThat((String) jingle.get(Vars.LAGGING_CASES)).contains(jlDynamic.getBusinessKey(), "贾福生")
        .doesNotContain(jlStatic.getBusinessKey(), klDynamic.getBusinessKey(), klStatic.getBusinessKey());
    cityCompletion.values().forEach(task ->
        assertThat(task).hasCandidateGroup(Role.CITY_SUPERVISOR.groupId(KELAN.cityCode())));

    // 15 June: the province supervises both counties, the city's tasks stay
    clockAt(LocalDateTime.of(YEAR, 6, 15, 7, 0));
    assertThat(dueTimers(campaign)).isEmpty();
    clockAt(LocalDateTime.of(YEAR, 6, 15, 9, 0));
    runDueTimers(campaign);
    assertThat(campaign).hasPassed(TIMER_ESCALATE_TO_PROVINCE_COMPLETION);
    Map<String, Task> provinceCompletion = byCounty(TASK_PROVINCE_SUPERVISION_COMPLETION, campaign);
    assertThat(provinceCompletion).containsOnlyKeys(KELAN.name(), JINGLE.name());
    assertThat(byCounty(TASK_CITY_SUPERVISION_COMPLETION, campaign)).containsOnlyKeys(KELAN.name(), JINGLE.name());

    // every supervision done: the campaign ends
    supervise(CITY_SUPERVISOR, cityCompletion.get(KELAN.name()), "挂牌督战，每周通报 Listed, reported weekly");
    supervise(PROVINCE_SUPERVISOR, provinceCompletion.get(KELAN.name()), "省级约谈 Province talk");
    supervise(CITY_SUPERVISOR, cityCompletion.get(JINGLE.name()), "限期验收 Acceptance within ten days");
    assertThat(campaign).isNotEnded().isWaitingAt(TASK_PROVINCE_SUPERVISION_COMPLETION);
    supervise(PROVINCE_SUPERVISOR, provinceCompletion.get(JINGLE.name()), "省级现场督导 Province site visit");
    assertThat(campaign).isEnded().hasPassed(END_COMPLETION_DEADLINE_HANDLED);

    // coverage: every flow node and every sequence flow of housing-campaign
    BpmnModelInstance model = repository.getBpmnModelInstance(campaign.getProcessDefinitionId());
    String[] flowNodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .toArray(String[]::new);
    List<String> sequenceFlows = model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
        .toList();
    assertThat(flowNodes).contains(START_CAMPAIGN_OPENED, SUBPROCESS_SUPERVISE_START, SUBPROCESS_SUPERVISE_COMPLETION,
        END_START_DEADLINE_HANDLED, END_COMPLETION_DEADLINE_HANDLED);
    assertThat(campaign).hasPassed(flowNodes);
    assertThat(sequenceFlows).isNotEmpty();
    assertThat(takenFlows.of(campaign.getId())).containsAll(sequenceFlows);
  }

  /** A supervision is a step like any other: when it is late, the overdue watch raises it and tells its holder. */
  @Test
  void shouldRaiseALateSupervisionAsOverdueAndResolveItWhenTheCityCompletesIt() {
    clockAt(LocalDateTime.of(2035, 2, 1, 9, 0));
    ResponseEntity<Map<String, Object>> opened = post("admin", "/api/campaigns", body(2035, "2035-03-31", "2035-05-31", 7));
    assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
    ProcessInstance campaign = runtime.createProcessInstanceQuery()
        .processInstanceId((String) opened.getBody().get("processInstanceId")).singleResult();
    register(KELAN, "冯满仓", "甘钦村", KeyGroup.POOR, true);
    clockAt(LocalDateTime.of(2035, 4, 1, 8, 0));
    runDueTimers(campaign);
    Task city = tasks.createTaskQuery().processInstanceId(campaign.getId())
        .taskDefinitionKey(TASK_CITY_SUPERVISION_START).singleResult();
    assertThat(city.getDueDate()).isNotNull();

    ClockUtil.setCurrentTime(Date.from(city.getDueDate().toInstant().plus(Duration.ofHours(1))));
    runOverdueWatch();

    assertThat(runtime.createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE)
        .configuration(city.getId()).list()).singleElement().satisfies(incident -> {
          assertThat(incident.getExecutionId()).isEqualTo(city.getExecutionId());
          assertThat(incident.getIncidentMessage()).contains(KELAN.name(), "逾期 0 天");
        });
    assertThat(jdbc.queryForList("select recipients from notification where case_key = ? and step = ? and level = 0",
        String.class, campaign.getBusinessKey(), TASK_CITY_SUPERVISION_START)).singleElement()
        .satisfies(to -> assertThat(to).startsWith(Role.CITY_SUPERVISOR.groupId(KELAN.cityCode())).contains(CITY_SUPERVISOR));

    supervise(CITY_SUPERVISOR, city, "约谈县长 County head summoned");
    assertThat(runtime.createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE)
        .processInstanceId(campaign.getId()).count()).isZero();
  }

  @Test
  void shouldNameFortyLaggingCasesOfACountyAndCountTheRestSoThatTheListFitsItsTask() {
    int year = calendar.currentYear();
    for (int i = 0; i < CampaignDeadlines.LIST_LIMIT + 5; i++) {
      register(JINGLE, "滞后户" + i, "城北村", KeyGroup.DIBAO, true);
    }
    int lagging = campaignProgress.laggingCases(year, Deadline.START, JINGLE.countyCode()).size();
    assertThat(lagging).isGreaterThan(CampaignDeadlines.LIST_LIMIT);

    String list = campaignDeadlines.laggingCaseList(year, "START", JINGLE.countyCode());

    List<String> lines = list.lines().toList();
    assertThat(lines).hasSize(CampaignDeadlines.LIST_LIMIT + 1);
    assertThat(lines.subList(0, CampaignDeadlines.LIST_LIMIT)).allSatisfy(line -> assertThat(line).startsWith("140926-"));
    int more = lagging - CampaignDeadlines.LIST_LIMIT;
    assertThat(lines.get(CampaignDeadlines.LIST_LIMIT)).isEqualTo("… 另有 " + more + " 户 and " + more
        + " more cases (进度报告 see the progress report)");
    assertThat(list.length()).as("fits a string variable (4,000 characters)").isLessThan(4000);
  }

  // -- the households ----------------------------------------------------------------------------

  private ProcessInstance register(DemoCounty county, String headName, String village, KeyGroup group,
      boolean dynamic) {
    int n = SEQUENCE.incrementAndGet();
    return cases.register(new Registration(headName, DemoSteps.residentId(county.countyCode(), 1940 + n % 60, n),
        group, county.cityCode(), county.countyCode(), county.townshipCode(), village, village + n + "号", 3, dynamic));
  }

  @Test
  void shouldMoveEveryWaitingTimerWhenAnAdministratorMovesADeadline() {
    int year = 2036;
    clockAt(LocalDateTime.of(year, 1, 10, 9, 0));
    ResponseEntity<Map<String, Object>> opened = post("admin", "/api/campaigns", body(year, "2036-03-31", "2036-05-31", 7));
    assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
    String campaign = (String) opened.getBody().get("processInstanceId");
    ProcessInstance household = register(KELAN, "郝连根", "宋家沟村", KeyGroup.POOR, true);
    Map<String, Object> check = new HashMap<>(Map.of("checkLevel", "VILLAGE", "cityCode", KELAN.cityCode(),
        "countyCode", KELAN.countyCode(), "townshipCode", KELAN.townshipCode(), "village", "宋家沟村",
        "checkScope", "全村农房排查 Houses of the village", "checkerName", "李检查"));
    String rectification = runtime.startProcessInstanceByKey("problem-rectification", check).getId();

    // refused, and nothing moves: not an administrator, a date in the past, an unknown campaign
    Map<String, Object> later = body(year, "2036-04-15", "2036-06-15", 10);
    assertThat(put(DemoUsers.userOf(KELAN, Role.HOUSING), "/api/campaigns/" + year, later).getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> past = put("admin", "/api/campaigns/" + year, with(later, "startDeadline", "2036-01-05"));
    assertThat(past.getStatusCode().value()).isEqualTo(400);
    assertThat((String) past.getBody().get("message")).contains("startDeadline: must not lie in the past");
    assertThat(put("admin", "/api/campaigns/2099", later).getStatusCode().value()).isEqualTo(404);
    assertThat(calendar.find(year)).contains(Campaign.standard(year, 7));

    ResponseEntity<Map<String, Object>> moved = put("admin", "/api/campaigns/" + year, later);
    assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);
    // the campaign's two warnings (its deadline timers come after them, from the new dates), the case's
    // two deadlines and the check's two
    assertThat(moved.getBody()).containsEntry("timersMoved", 6);
    assertThat(calendar.find(year)).contains(new Campaign(year, LocalDate.of(year, 4, 15), LocalDate.of(year, 6, 15), 10));
    assertThat(dueOf(campaign, TIMER_START_WARNING)).isEqualTo(startOf(LocalDate.of(year, 4, 5)));
    assertThat(dueOf(campaign, TIMER_COMPLETION_WARNING)).isEqualTo(startOf(LocalDate.of(year, 6, 5)));
    for (String instance : List.of(household.getId(), rectification)) {
      assertThat(dueOf(instance, "StartEvent_StartDeadlinePassed")).isEqualTo(startOf(LocalDate.of(year, 4, 16)));
      assertThat(dueOf(instance, "StartEvent_CompletionDeadlinePassed")).isEqualTo(startOf(LocalDate.of(year, 6, 16)));
    }

    // once the start deadline has passed, it stays where it was
    clockAt(LocalDateTime.of(year, 4, 20, 9, 0));
    ResponseEntity<Map<String, Object>> passed = put("admin", "/api/campaigns/" + year,
        with(later, "startDeadline", "2036-04-30"));
    assertThat(passed.getStatusCode().value()).isEqualTo(400);
    assertThat((String) passed.getBody().get("message")).contains("startDeadline: 2036-04-15 has passed");
  }

  private java.util.Date dueOf(String processInstanceId, String timer) {
    return management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).singleResult().getDuedate();
  }

  private static java.util.Date startOf(LocalDate day) {
    return AnjuClock.startOf(day);
  }

  private ResponseEntity<Map<String, Object>> put(String user, String path, Object body) {
    return rest.withBasicAuth(user, DemoUsers.PASSWORD).exchange(path, HttpMethod.PUT,
        new HttpEntity<>(body, json()), MAP);
  }

  // -- the campaign's timers and tasks -----------------------------------------------------------

  private List<Job> dueTimers(ProcessInstance campaign) {
    return management.createJobQuery().processInstanceId(campaign.getId()).timers().executable().list();
  }

  /** What the job executor would do at the current engine time: run every timer that is due. */
  private void runDueTimers(ProcessInstance campaign) {
    List<Job> due = dueTimers(campaign);
    assertThat(due).as("timers due at %s", ClockUtil.getCurrentTime()).isNotEmpty();
    for (int round = 0; !due.isEmpty() && round < 10; round++) {
      due.forEach(job -> management.executeJob(job.getId()));
      due = dueTimers(campaign);
    }
    assertThat(due).isEmpty();
  }

  /** Executes the {@code overdue-watch} timer-start job, as the job executor does every ten minutes. */
  private void runOverdueWatch() {
    Job watch = management.createJobQuery().processDefinitionKey(OverdueWatchProcess.KEY).timers()
        .singleResult();
    assertThat(watch).isNotNull();
    management.executeJob(watch.getId());
    CountyScans.execute(engine);
  }

  private List<Map<String, Object>> notifications(ProcessInstance campaign, String step) {
    return jdbc.queryForList("select * from notification where case_key = ? and step = ? order by id",
        campaign.getBusinessKey(), step);
  }

  private Map<String, Task> byCounty(String activityId, ProcessInstance campaign) {
    Map<String, Task> byCounty = new LinkedHashMap<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(campaign.getId()).taskDefinitionKey(activityId).list()) {
      assertThat(byCounty.put((String) tasks.getVariable(task.getId(), Vars.COUNTY_NAME), task)).isNull();
    }
    return byCounty;
  }

  private void supervise(String user, Task task, String measures) {
    assertThat(post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user))
        .getStatusCode().value()).as("claim %s as %s", task.getTaskDefinitionKey(), user).isEqualTo(204);
    String today = ClockUtil.getCurrentTime().toInstant().atZone(AnjuClock.zone()).toLocalDate().toString();
    ResponseEntity<Map<String, Object>> submitted = submit(user, task.getId(), measures, today);
    assertThat(submitted.getStatusCode().value()).as("submit %s: %s", task.getTaskDefinitionKey(), submitted.getBody())
        .isEqualTo(204);
  }

  private ResponseEntity<Map<String, Object>> submit(String user, String taskId, String measures, String date) {
    Map<String, Object> variables = new HashMap<>();
    if (measures != null) {
      variables.put(Vars.SUPERVISION_MEASURES, Map.of("value", measures, "type", "String"));
    }
    variables.put(Vars.SUPERVISION_DATE, Map.of("value", date, "type", "String"));
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  /** The values the task's form shows, as Tasklist reads them. */
  private Map<String, Object> formVariables(String user, String taskId) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange("/engine-rest/task/" + taskId + "/form-variables", HttpMethod.GET, null, MAP);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    Map<String, Object> values = new HashMap<>();
    response.getBody().forEach((name, typed) -> values.put(name, ((Map<?, ?>) typed).get("value")));
    return values;
  }

  // -- the API -----------------------------------------------------------------------------------

  private static Map<String, Object> body(int year, String start, String completion, int warningDays) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", year);
    body.put("startDeadline", start);
    body.put("completionDeadline", completion);
    body.put("warningDays", warningDays);
    return body;
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    if (value == null) {
      changed.remove(field);
    } else {
      changed.put(field, value);
    }
    return changed;
  }

  private void assertRefused(Map<String, Object> body, String message) {
    ResponseEntity<Map<String, Object>> response = post("admin", "/api/campaigns", body);
    assertThat(response.getStatusCode().value()).as("%s → %s", body, response.getBody()).isEqualTo(400);
    assertThat((String) response.getBody().get("message")).as("%s", body).contains(message);
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, DemoUsers.PASSWORD).exchange(path, HttpMethod.POST,
        new HttpEntity<>(body, json()), MAP);
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static void clockAt(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(AnjuClock.zone()).toInstant()));
  }
}
