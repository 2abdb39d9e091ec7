package org.anju.access;

import org.anju.clock.AnjuClock;
import static org.anju.support.RestVariables.typed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.anju.household.HouseholdCaseProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.anju.demo.CaseWalker;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.demo.DemoUsers.DemoCounty;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each county sees and works only its own cases, through the engine REST API as Tasklist and a curious
 * clerk would use it. Both demo counties get a case waiting at every step that matters (one per
 * {@link Station}); then every clerk of 静乐县 tries every way in to 岢岚县's cases, clerks of 岢岚县 try the
 * steps of other roles, supervisors look and try to work, strangers come without or with wrong
 * credentials, and at the end the clerk of each step still does it. Every refusal must be a 401, 403 or
 * 404 (a registration form a 400 naming the field), never a 5xx, and the refused county's cases must be
 * exactly as they were. Run on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CountyIsolation {

  static final DemoCounty KELAN = DemoUsers.KELAN;
  static final DemoCounty JINGLE = DemoUsers.JINGLE;
  static final String ENGINE = "/engine-rest";
  static final String START_FORM = ENGINE + "/process-definition/key/" + HouseholdCaseProcess.KEY + "/submit-form";
  static final String START = ENGINE + "/process-definition/key/" + HouseholdCaseProcess.KEY + "/start";
  /** 岚漪镇, a township of 岢岚县 other than the demo township 宋家沟镇. */
  static final String OTHER_KELAN_TOWNSHIP = "140929100";
  /** 小店区 of Taiyuan: another city than Xinzhou. */
  static final String TAIYUAN_COUNTY = "140105";

  /** The county and township roles; each has one demo user per county. */
  static final List<Role> COUNTY_ROLES = Arrays.stream(Role.values())
      .filter(role -> role.level() == Role.Level.COUNTY || role.level() == Role.Level.TOWNSHIP).toList();

  /** Where this suite's cases wait, with the key group they are registered with and the role of the step. */
  enum Station {
    IDENTIFICATION_POOR(TASK_CONFIRM_IDENTIFICATION, KeyGroup.POOR, Role.POVERTY),
    IDENTIFICATION_DIBAO(TASK_CONFIRM_IDENTIFICATION, KeyGroup.DIBAO, Role.CIVIL_AFFAIRS),
    IDENTIFICATION_DISABLED(TASK_CONFIRM_IDENTIFICATION, KeyGroup.DISABLED, Role.DISABLED_FEDERATION),
    VERIFICATION(TASK_VERIFY_HOUSING, KeyGroup.POOR, Role.TOWNSHIP),
    APPRAISAL(TASK_APPRAISE_HOUSE, KeyGroup.TEKUN, Role.APPRAISER),
    VILLAGE_REVIEW(TASK_VILLAGE_REVIEW, KeyGroup.POOR, Role.VILLAGE),
    COUNTY_APPROVAL(TASK_COUNTY_APPROVAL, KeyGroup.DIBAO, Role.HOUSING),
    CONSTRUCTION_INSPECTION(TASK_INSPECT_CONSTRUCTION, KeyGroup.DISABLED, Role.TOWNSHIP),
    ACCEPTANCE(TASK_INSPECT_ACCEPTANCE, KeyGroup.POOR, Role.HOUSING),
    SUBSIDY_PAYOUT(TASK_PAYOUT_SUBSIDY, KeyGroup.DIBAO, Role.FINANCE),
    ARCHIVING(TASK_ARCHIVE_CASE, KeyGroup.POOR, Role.HOUSING);

    final String step;
    final KeyGroup keyGroup;
    final Role role;

    Station(String step, KeyGroup keyGroup, Role role) {
      this.step = step;
      this.keyGroup = keyGroup;
      this.role = role;
    }

    /** The step a role's clerk would most like to reach in another county; the leading group works none. */
    static Station workedBy(Role role) {
      if (role == Role.LEADING_GROUP) {
        return COUNTY_APPROVAL;
      }
      return Arrays.stream(values()).filter(station -> station.role == role).findFirst().orElseThrow();
    }
  }

  /** A suite case at its station: its instance, business key, open task and the valid values of that step. */
  record Target(String processInstanceId, String businessKey, String taskId, String step, String candidateGroup,
      Map<String, Object> validValues) {}

  /** One answer of the server. */
  record Reply(String request, int status, String body) {

    boolean refused() {
      return status == 401 || status == 403 || status == 404;
    }

    @Override
    public String toString() {
      return request + " → " + status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
  }

  /** Everything of a county a refused attempt must leave as it was. */
  record CountyState(List<String> instances, List<String> tasks, Map<String, Object> caseVariables,
      Map<String, Long> counts) {}

  /** How the answers to an attempt are judged. */
  enum Kind {
    /** A look: refused (401/403/404), or answered without anything of the other county. */
    READ,
    /** A change: refused with 401, 403 or 404. */
    WRITE,
    /** A registration: refused with 403, or 400 naming {@code countyCode}. */
    REGISTRATION
  }

  /** One way to reach another county's case. */
  @FunctionalInterface
  interface Try {
    List<Reply> run(CountyIsolation suite, String user, Target target);
  }

  /** Every way in this suite tries; each runs one or more requests. */
  enum Attempt {
    LIST_TASKS("list its tasks", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/task"),
        s.get(u, ENGINE + "/task?processInstanceBusinessKey=" + t.businessKey()),
        s.get(u, ENGINE + "/task?processInstanceId=" + t.processInstanceId()),
        s.get(u, ENGINE + "/task?tenantIdIn=" + RoleGroups.tenant(KELAN.countyCode())),
        s.get(u, ENGINE + "/task?candidateGroup=" + t.candidateGroup()),
        s.get(u, ENGINE + "/task/count?processInstanceBusinessKey=" + t.businessKey()),
        s.post(u, ENGINE + "/task", Map.of("processInstanceBusinessKey", t.businessKey())))),
    RUN_TASKLIST_FILTERS("run the Tasklist filters for it", Kind.READ, CountyIsolation::runFilters),
    READ_TASK("read its task", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/task/" + t.taskId()),
        s.get(u, ENGINE + "/task/" + t.taskId() + "/identity-links"))),
    READ_FORM_VARIABLES("read its task's form variables", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/task/" + t.taskId() + "/form-variables"),
        s.get(u, ENGINE + "/task/" + t.taskId() + "/deployed-form"))),
    READ_TASK_VARIABLES("read its task's variables", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/task/" + t.taskId() + "/variables"),
        s.get(u, ENGINE + "/task/" + t.taskId() + "/variables/" + Vars.HEAD_NAME))),
    CLAIM("claim its task", Kind.WRITE, (s, u, t) -> List.of(
        s.post(u, ENGINE + "/task/" + t.taskId() + "/claim", Map.of("userId", u)))),
    COMPLETE("complete its task", Kind.WRITE, (s, u, t) -> List.of(
        s.post(u, ENGINE + "/task/" + t.taskId() + "/complete", Map.of("variables", typed(t.validValues()))))),
    SUBMIT_FORM("submit its task's form", Kind.WRITE, (s, u, t) -> List.of(
        s.post(u, ENGINE + "/task/" + t.taskId() + "/submit-form", Map.of("variables", typed(t.validValues()))))),
    PUT_TASK_VARIABLE("change a variable of its task", Kind.WRITE, (s, u, t) -> List.of(
        s.put(u, ENGINE + "/task/" + t.taskId() + "/variables/" + Vars.HEAD_NAME, Map.of("value", "改名", "type", "String")),
        s.put(u, ENGINE + "/task/" + t.taskId() + "/localVariables/" + Vars.HEAD_NAME,
            Map.of("value", "改名", "type", "String")))),
    MODIFY_TASK_VARIABLES("modify its task's variables", Kind.WRITE, (s, u, t) -> List.of(
        s.post(u, ENGINE + "/task/" + t.taskId() + "/variables", Map.of("modifications", typed(Map.of(
            Vars.HOUSING_GROUP, RoleGroups.housing(JINGLE.countyCode()), Vars.SUBSIDY_AMOUNT, 99_999L)))))),
    TAKE_OVER_TASK("take its task over", Kind.WRITE, (s, u, t) -> List.of(
        s.post(u, ENGINE + "/task/" + t.taskId() + "/assignee", Map.of("userId", u)),
        s.post(u, ENGINE + "/task/" + t.taskId() + "/delegate", Map.of("userId", u)),
        s.post(u, ENGINE + "/task/" + t.taskId() + "/identity-links",
            Map.of("groupId", RoleGroups.housing(JINGLE.countyCode()), "type", "candidate")))),
    LIST_INSTANCES("list its process instances", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/process-instance"),
        s.get(u, ENGINE + "/process-instance?businessKey=" + t.businessKey()),
        s.get(u, ENGINE + "/process-instance?tenantIdIn=" + RoleGroups.tenant(KELAN.countyCode())),
        s.get(u, ENGINE + "/process-instance/count?businessKey=" + t.businessKey()),
        s.post(u, ENGINE + "/process-instance", Map.of("businessKey", t.businessKey())),
        s.get(u, ENGINE + "/execution?processInstanceId=" + t.processInstanceId()))),
    READ_INSTANCE("read its process instance", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/process-instance/" + t.processInstanceId()),
        s.get(u, ENGINE + "/process-instance/" + t.processInstanceId() + "/activity-instances"))),
    READ_INSTANCE_VARIABLES("read its process variables", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/process-instance/" + t.processInstanceId() + "/variables"),
        s.get(u, ENGINE + "/process-instance/" + t.processInstanceId() + "/variables/" + Vars.HEAD_NAME),
        s.get(u, ENGINE + "/variable-instance?processInstanceIdIn=" + t.processInstanceId()),
        s.get(u, ENGINE + "/variable-instance?variableName=" + Vars.HEAD_NAME))),
    CHANGE_INSTANCE("change or delete its process instance", Kind.WRITE, (s, u, t) -> List.of(
        s.put(u, ENGINE + "/process-instance/" + t.processInstanceId() + "/variables/" + Vars.HEAD_NAME,
            Map.of("value", "改名", "type", "String")),
        s.post(u, ENGINE + "/process-instance/" + t.processInstanceId() + "/variables",
            Map.of("modifications", typed(Map.of(Vars.HEAD_NAME, "改名")))),
        s.put(u, ENGINE + "/process-instance/" + t.processInstanceId() + "/suspended", Map.of("suspended", true)),
        s.post(u, ENGINE + "/process-instance/" + t.processInstanceId() + "/modification",
            Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", t.step())))),
        s.delete(u, ENGINE + "/process-instance/" + t.processInstanceId()))),
    READ_HISTORIC_INSTANCES("read its history", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/history/process-instance"),
        s.get(u, ENGINE + "/history/process-instance?processInstanceBusinessKey=" + t.businessKey()),
        s.get(u, ENGINE + "/history/process-instance/" + t.processInstanceId()),
        s.get(u, ENGINE + "/history/process-instance/count?processInstanceBusinessKey=" + t.businessKey()))),
    READ_HISTORIC_TASKS("read its task history", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/history/task"),
        s.get(u, ENGINE + "/history/task?processInstanceId=" + t.processInstanceId()),
        s.get(u, ENGINE + "/history/identity-link-log?taskId=" + t.taskId()))),
    READ_HISTORIC_VARIABLES("read its variable history", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/history/variable-instance?processInstanceId=" + t.processInstanceId()),
        s.get(u, ENGINE + "/history/variable-instance?variableName=" + Vars.HEAD_NAME),
        s.get(u, ENGINE + "/history/detail?processInstanceId=" + t.processInstanceId()))),
    READ_HISTORIC_ACTIVITIES("read its activity history", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/history/activity-instance?processInstanceId=" + t.processInstanceId()),
        s.get(u, ENGINE + "/history/activity-instance?activityId=" + t.step()))),
    READ_INCIDENTS("read its incidents", Kind.READ, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/incident"),
        s.get(u, ENGINE + "/incident?processInstanceId=" + s.incidentCases.get(KELAN)),
        s.get(u, ENGINE + "/history/incident"))),
    COMPLETE_SPELLED_OTHERWISE("complete its task with the path spelled otherwise", Kind.WRITE, (s, u, t) -> {
      Map<String, Object> body = Map.of("variables", typed(t.validValues()));
      String task = ENGINE + "/task/" + t.taskId();
      return List.of(
          s.post(u, task + "/complete/", body),
          s.post(u, task + "/submit-form/", body),
          s.sendRaw(u, HttpMethod.POST, task + ";x=1/complete", body),
          s.sendRaw(u, HttpMethod.POST, task + "/complete;x=1", body),
          s.sendRaw(u, HttpMethod.POST, ENGINE + "/task/%" + Integer.toHexString(t.taskId().charAt(0)) + t.taskId().substring(1)
              + "/submit-form", body),
          s.sendRaw(u, HttpMethod.POST, ENGINE + "//task/" + t.taskId() + "/complete", body),
          s.post(u, task + "/resolve", body),
          s.post(u, task + "/resolve/", body));
    }),
    START_AT_A_LATER_STEP("start a case there at a later step with start instructions", Kind.WRITE, (s, u, t) -> {
      Map<String, Object> variables = new HashMap<>(s.registration(KELAN, KELAN.townshipCode(), "注入户").toVariables());
      variables.put(Vars.SUBSIDY_AMOUNT, 99_999L);
      Map<String, Object> body = Map.of("variables", typed(variables), "startInstructions",
          List.of(Map.of("type", "startBeforeActivity", "activityId", TASK_PAYOUT_SUBSIDY)));
      return List.of(s.post(u, START, body), s.post(u, START + "/", body), s.sendRaw(u, HttpMethod.POST, START + ";a=b", body),
          s.post(u, ENGINE + "/process-definition/" + s.householdCaseDefinitionId() + "/start", body));
    }),
    WORK_THE_MACHINERY("execute, retry or re-date its jobs and the overdue watch", Kind.WRITE, (s, u, t) -> {
      List<Reply> replies = new ArrayList<>();
      for (String job : s.jobsToProbe()) {
        replies.add(s.post(u, ENGINE + "/job/" + job + "/execute", null));
        replies.add(s.post(u, ENGINE + "/job/" + job + "/execute/", null));
        replies.add(s.put(u, ENGINE + "/job/" + job + "/retries", Map.of("retries", 0)));
        replies.add(s.put(u, ENGINE + "/job/" + job + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0800")));
        replies.add(s.post(u, ENGINE + "/job/" + job + "/duedate/recalculate", null));
      }
      replies.add(s.post(u, ENGINE + "/job/retries", Map.of("jobIds", s.jobsToProbe(), "retries", 0)));
      return replies;
    }),
    COUNT_THROUGH_STATISTICS("count its cases through statistics and reports", Kind.WRITE, (s, u, t) -> List.of(
        s.get(u, ENGINE + "/history/process-definition/" + s.householdCaseDefinitionId() + "/statistics"),
        s.get(u, ENGINE + "/history/process-definition/" + s.householdCaseDefinitionId() + "/statistics/"),
        s.get(u, ENGINE + "/task/report/candidate-group-count"),
        s.get(u, ENGINE + "/history/process-instance/report?reportType=duration&periodUnit=month"),
        s.get(u, ENGINE + "/history/task/report?reportType=count&groupBy=processDefinition"),
        s.get(u, ENGINE + "/history/process-definition/cleanable-process-instance-report"))),
    CLAIM_FOR_SOMEONE("claim its task for someone else or nobody", Kind.WRITE, (s, u, t) -> List.of(
        s.post(u, ENGINE + "/task/" + t.taskId() + "/claim", Map.of("userId", "nosuchuser")),
        s.post(u, ENGINE + "/task/" + t.taskId() + "/claim", Map.of("userId", DemoUsers.userOf(KELAN, Role.HOUSING))),
        s.post(u, ENGINE + "/task/" + t.taskId() + "/unclaim", null))),
    REGISTER_THROUGH_FORM("register a household there with the start form", Kind.REGISTRATION, (s, u, t) -> List.of(
        s.post(u, START_FORM, Map.of("variables", typed(s.registration(KELAN, KELAN.townshipCode(), "越界户").toVariables()))))),
    REGISTER_THROUGH_START("register a household there with the start endpoint", Kind.REGISTRATION, (s, u, t) -> List.of(
        s.post(u, START, Map.of("variables", typed(s.registration(KELAN, KELAN.townshipCode(), "越界户").toVariables())))));

    final String description;
    final Kind kind;
    final Try attempt;

    Attempt(String description, Kind kind, Try attempt) {
      this.description = description;
      this.kind = kind;
      this.attempt = attempt;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ProcessEngine engine;

  @Autowired
  org.anju.demo.DemoDocuments demoDocuments;

  @Autowired
  HouseholdCases households;

  @Autowired
  JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();
  /** The suite's cases by county prefix and station. */
  private final Map<String, String> cases = new HashMap<>();
  /** A case of each county with an open incident. */
  final Map<DemoCounty, String> incidentCases = new HashMap<>();
  /** A user who exists only to be refused with a wrong password (failed logins lock a user for a while). */
  private String passwordProbeUser;
  private static final String PROBE_PASSWORD = "correct-horse-battery";

  @BeforeAll
  void startACaseAtEveryStationInBothCounties() {
    CaseWalker walker = new CaseWalker(engine, demoDocuments);
    for (DemoCounty county : List.of(KELAN, JINGLE)) {
      for (Station station : Station.values()) {
        String id = households.register(registration(county, county.townshipCode(),
            headNamePrefix(county) + station.ordinal(), station.keyGroup)).getId();
        walker.walkTo(id, station.step);
        cases.put(county.prefix() + station, id);
      }
      String withIncident = households.register(registration(county, county.townshipCode(),
          headNamePrefix(county) + "事故")).getId();
      engine.getRuntimeService().createIncident("anjuIsolationProbe", withIncident, county.countyCode(),
          "a stuck case of " + county.name());
      incidentCases.put(county, withIncident);
    }
    passwordProbeUser = "pwprobe" + ThreadLocalRandom.current().nextInt(1_000_000);
    User probe = engine.getIdentityService().newUser(passwordProbeUser);
    probe.setFirstName("密码");
    probe.setLastName("探针");
    probe.setPassword(PROBE_PASSWORD);
    engine.getIdentityService().saveUser(probe);
  }

  // ---------------------------------------------------------------- 静乐县 against 岢岚县

  static Stream<Arguments> jingleUsersAndAttempts() {
    return COUNTY_ROLES.stream().flatMap(role -> Arrays.stream(Attempt.values())
        .map(attempt -> arguments(DemoUsers.userOf(JINGLE, role), role, attempt)));
  }

  @Order(1)
  @ParameterizedTest(name = "{0} tries to {2} of 岢岚县")
  @MethodSource("jingleUsersAndAttempts")
  void shouldRefuseAJingleClerkEveryWayIntoAKelanCase(String user, Role role, Attempt attempt) {
    Target target = target(KELAN, Station.workedBy(role));
    CountyState before = stateOf(KELAN, target);

    List<Reply> replies = attempt.attempt.run(this, user, target);
    String[] kelanIds = idsOf(KELAN).toArray(String[]::new);

    SoftAssertions softly = new SoftAssertions();
    for (Reply reply : replies) {
      softly.assertThat(reply.status()).as("never a server error: %s", reply).isLessThan(500);
      switch (attempt.kind) {
        case READ -> {
          if (!reply.refused()) {
            softly.assertThat(reply.status()).as("refused or answered: %s", reply).isBetween(200, 299);
            softly.assertThat(reply.body()).as("nothing of 岢岚县 in %s", reply)
                .doesNotContain(kelanIds)
                .doesNotContain(RoleGroups.tenant(KELAN.countyCode()), KELAN.name(), headNamePrefix(KELAN));
          }
        }
        case WRITE -> softly.assertThat(reply.status()).as("refused: %s", reply).isIn(401, 403, 404);
        case REGISTRATION -> {
          if (reply.status() != 403) {
            softly.assertThat(reply.status()).as("refused: %s", reply).isEqualTo(400);
            softly.assertThat(reply.body()).as("the refusal names the county: %s", reply).contains("countyCode");
          }
        }
      }
      softly.assertThat(reply.body()).as("no household of 岢岚县 named in %s", reply)
          .doesNotContain(headNamePrefix(KELAN), KELAN.name());
    }
    softly.assertThat(stateOf(KELAN, target)).as("岢岚县's cases after %s tried to %s", user, attempt).isEqualTo(before);
    softly.assertAll();
  }

  /** As the clerk does on the Documents tab: a photo for each record the step needs, now or for what it will say. */
  void uploadWhatTheStepNeeds(String user, String taskId) {
    org.anju.support.Uploads.uploadWhatTheStepNeeds(rest.withBasicAuth(user, DemoUsers.PASSWORD), taskId);
  }

  static Stream<Arguments> jingleUsers() {
    return COUNTY_ROLES.stream().map(role -> arguments(DemoUsers.userOf(JINGLE, role), role));
  }

  /** The other side of the refusals: the same users and queries do find their own county's work. */
  @Order(1)
  @ParameterizedTest(name = "{0} finds 静乐县's task at its step, and none of 岢岚县's")
  @MethodSource("jingleUsers")
  void shouldShowAJingleClerkItsOwnCountysTaskButNoneOfKelans(String user, Role role) {
    Target own = target(JINGLE, Station.workedBy(role));
    Target other = target(KELAN, Station.workedBy(role));

    List<String> taskIds = ids(get(user, ENGINE + "/task"));

    assertThat(taskIds).contains(own.taskId()).doesNotContainAnyElementsOf(taskIdsOf(KELAN));
    assertThat(ids(get(user, ENGINE + "/task?candidateGroup=" + own.candidateGroup()))).contains(own.taskId());
    assertThat(ids(get(user, ENGINE + "/task?candidateGroup=" + other.candidateGroup()))).isEmpty();
  }

  // ---------------------------------------------------------------- roles within 岢岚县

  static Stream<Arguments> kelanClerksAtAStepNotTheirs() {
    return Stream.of(
        arguments(Role.TOWNSHIP, Station.COUNTY_APPROVAL, "a township clerk cannot give the county approval"),
        arguments(Role.APPRAISER, Station.COUNTY_APPROVAL, "an appraiser cannot approve"),
        arguments(Role.LEADING_GROUP, Station.COUNTY_APPROVAL, "the leading group watches the approval, it does not give it"),
        arguments(Role.VILLAGE, Station.APPRAISAL, "village cadres cannot appraise"),
        arguments(Role.FINANCE, Station.ARCHIVING, "finance cannot archive"),
        arguments(Role.HOUSING, Station.SUBSIDY_PAYOUT, "the housing bureau cannot pay the subsidy out"),
        arguments(Role.APPRAISER, Station.ACCEPTANCE, "an appraiser cannot accept the house"),
        arguments(Role.TOWNSHIP, Station.VILLAGE_REVIEW, "the township cannot hold the village's review"),
        arguments(Role.VILLAGE, Station.VERIFICATION, "village cadres cannot verify the house"),
        arguments(Role.CIVIL_AFFAIRS, Station.IDENTIFICATION_POOR, "civil affairs cannot confirm a registered poor household"),
        arguments(Role.POVERTY, Station.IDENTIFICATION_DIBAO, "the poverty office cannot confirm a DIBAO household"),
        arguments(Role.DISABLED_FEDERATION, Station.IDENTIFICATION_POOR, "the disabled federation cannot confirm a poor household"),
        arguments(Role.FINANCE, Station.CONSTRUCTION_INSPECTION, "finance cannot inspect construction"));
  }

  @Order(2)
  @ParameterizedTest(name = "{2}")
  @MethodSource("kelanClerksAtAStepNotTheirs")
  void shouldRefuseAKelanClerkTheStepOfAnotherRole(Role role, Station station, String description) {
    String user = DemoUsers.userOf(KELAN, role);
    Target target = target(KELAN, station);
    CountyState before = stateOf(KELAN, target);

    List<Reply> replies = List.of(
        post(user, ENGINE + "/task/" + target.taskId() + "/claim", Map.of("userId", user)),
        post(user, ENGINE + "/task/" + target.taskId() + "/complete", Map.of("variables", typed(target.validValues()))),
        post(user, ENGINE + "/task/" + target.taskId() + "/submit-form", Map.of("variables", typed(target.validValues()))),
        put(user, ENGINE + "/task/" + target.taskId() + "/variables/" + Vars.HEAD_NAME, Map.of("value", "改名", "type", "String")));

    SoftAssertions softly = new SoftAssertions();
    replies.forEach(reply -> softly.assertThat(reply.status()).as("%s: %s", user, reply).isIn(403, 404));
    softly.assertThat(stateOf(KELAN, target)).as("岢岚县's cases after %s tried %s", user, station.step).isEqualTo(before);
    softly.assertAll();
  }

  /**
   * Candidate groups are case variables: a clerk who sends them with a form must not get the next steps.
   * A township clerk submits the verification with the appraisers' and the housing bureau's groups set
   * to its own township; whatever the server answers, the appraisal must stay the appraisers'.
   */
  @Order(2)
  @Test
  void shouldNotLetATownshipClerkHandTheAppraisalToItselfWithTheVerificationForm() {
    String clerk = DemoUsers.userOf(KELAN, Role.TOWNSHIP);
    String caseId = newCaseAt(KELAN, TASK_VERIFY_HOUSING);
    String verification = openTaskOf(caseId).getId();
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(TASK_VERIFY_HOUSING, AnjuClock.today()));
    values.put(Vars.APPRAISER_GROUP, RoleGroups.township(KELAN.townshipCode()));
    values.put(Vars.HOUSING_GROUP, RoleGroups.township(KELAN.townshipCode()));

    Reply submitted = post(clerk, ENGINE + "/task/" + verification + "/submit-form", Map.of("variables", typed(values)));

    assertThat(submitted.status()).as("%s", submitted).isIn(204, 400);
    Task next = openTaskOf(caseId);
    if (next.getTaskDefinitionKey().equals(TASK_APPRAISE_HOUSE)) {
      Reply claimed = post(clerk, ENGINE + "/task/" + next.getId() + "/claim", Map.of("userId", clerk));
      assertThat(claimed.status()).as("the township clerk claims the appraisal after %s: %s", submitted, claimed)
          .isIn(403, 404);
      assertThat(engine.getTaskService().getIdentityLinksForTask(next.getId())).extracting(link -> link.getGroupId())
          .containsExactly(RoleGroups.appraiser(KELAN.countyCode()));
    } else {
      assertThat(submitted.body()).as("a refusal names the field").contains(Vars.APPRAISER_GROUP);
    }
  }

  /** The subsidy is the decision table's; the housing bureau approves it, it does not set it. */
  @Order(2)
  @Test
  void shouldNotLetTheHousingBureauRaiseTheSubsidyWithTheCountyApprovalForm() {
    String housing = DemoUsers.userOf(KELAN, Role.HOUSING);
    String caseId = newCaseAt(KELAN, TASK_COUNTY_APPROVAL);
    Object decided = engine.getRuntimeService().getVariable(caseId, Vars.SUBSIDY_AMOUNT);
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(TASK_COUNTY_APPROVAL, AnjuClock.today()));
    values.put(Vars.SUBSIDY_AMOUNT, 999_999L);

    Reply submitted = post(housing, ENGINE + "/task/" + openTaskOf(caseId).getId() + "/submit-form",
        Map.of("variables", typed(values)));

    assertThat(submitted.status()).as("%s", submitted).isIn(204, 400);
    assertThat(engine.getRuntimeService().getVariable(caseId, Vars.SUBSIDY_AMOUNT))
        .as("the subsidy after %s", submitted).isEqualTo(decided);
  }

  @Order(3)
  @ParameterizedTest(name = "{0} of 宋家沟镇 cannot register a household in 岚漪镇")
  @EnumSource(value = Role.class, names = {"VILLAGE", "TOWNSHIP"})
  void shouldNotLetATownshipClerkRegisterAHouseholdInAnotherTownshipOfItsCounty(Role role) {
    String user = DemoUsers.userOf(KELAN, role);
    Target target = target(KELAN, Station.workedBy(role));
    CountyState before = stateOf(KELAN, target);

    Reply reply = post(user, START_FORM,
        Map.of("variables", typed(registration(KELAN, OTHER_KELAN_TOWNSHIP, "越界户").toVariables())));

    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.body()).contains("townshipCode").contains(OTHER_KELAN_TOWNSHIP);
    assertThat(stateOf(KELAN, target)).isEqualTo(before);
  }

  @Order(3)
  @Test
  void shouldLetACountyOfficeRegisterAHouseholdInAnyTownshipOfItsCounty() {
    String user = DemoUsers.userOf(KELAN, Role.POVERTY);

    Reply reply = post(user, START_FORM,
        Map.of("variables", typed(registration(KELAN, OTHER_KELAN_TOWNSHIP, "岚漪镇户").toVariables())));

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    String instanceId = read(reply).get("id").toString();
    assertThat(engine.getRuntimeService().getVariable(instanceId, Vars.TOWNSHIP_GROUP))
        .isEqualTo(RoleGroups.township(OTHER_KELAN_TOWNSHIP));
  }

  // ---------------------------------------------------------------- supervisors

  @Order(4)
  @ParameterizedTest(name = "{0} sees the cases of both counties of Xinzhou")
  @ValueSource(strings = {"xzsupervisor", "provincesupervisor"})
  void shouldLetASupervisorOfXinzhouSeeTheCasesOfBothCounties(String supervisor) {
    List<String> stationTasks = new ArrayList<>();
    List<String> stationCases = new ArrayList<>();
    for (DemoCounty county : List.of(KELAN, JINGLE)) {
      for (Station station : Station.values()) {
        Target target = target(county, station);
        stationTasks.add(target.taskId());
        stationCases.add(target.processInstanceId());
      }
    }

    assertThat(ids(get(supervisor, ENGINE + "/task"))).containsAll(stationTasks);
    assertThat(ids(get(supervisor, ENGINE + "/process-instance"))).containsAll(stationCases);
    assertThat(ids(get(supervisor, ENGINE + "/history/process-instance"))).containsAll(stationCases);
    for (DemoCounty county : List.of(KELAN, JINGLE)) {
      Reply variables = get(supervisor, ENGINE + "/task/" + target(county, Station.ACCEPTANCE).taskId() + "/form-variables");
      assertThat(variables.status()).as("%s", variables).isEqualTo(200);
      assertThat(variables.body()).contains(headNamePrefix(county));
    }
  }

  @Order(4)
  @ParameterizedTest(name = "{0} cannot work a task or register a household")
  @ValueSource(strings = {"xzsupervisor", "provincesupervisor"})
  void shouldNotLetASupervisorWorkATask(String supervisor) {
    SoftAssertions softly = new SoftAssertions();
    for (DemoCounty county : List.of(KELAN, JINGLE)) {
      Target target = target(county, Station.COUNTY_APPROVAL);
      CountyState before = stateOf(county, target);

      List<Reply> replies = List.of(
          post(supervisor, ENGINE + "/task/" + target.taskId() + "/claim", Map.of("userId", supervisor)),
          post(supervisor, ENGINE + "/task/" + target.taskId() + "/complete",
              Map.of("variables", typed(target.validValues()))),
          post(supervisor, ENGINE + "/task/" + target.taskId() + "/submit-form",
              Map.of("variables", typed(target.validValues()))),
          put(supervisor, ENGINE + "/task/" + target.taskId() + "/variables/" + Vars.HEAD_NAME,
              Map.of("value", "改名", "type", "String")),
          post(supervisor, START_FORM,
              Map.of("variables", typed(registration(county, county.townshipCode(), "督导户").toVariables()))));

      replies.forEach(reply -> softly.assertThat(reply.status()).as("%s: %s", supervisor, reply).isEqualTo(403));
      softly.assertThat(stateOf(county, target)).as("%s after %s tried", county.name(), supervisor).isEqualTo(before);
    }
    softly.assertAll();
  }

  @Order(4)
  @Test
  void shouldNotLetAClerkStartACaseOfTheirOwnCountyAtTheSubsidyPayoutByAnyRoute() {
    String clerk = DemoUsers.userOf(KELAN, Role.TOWNSHIP);
    CountyState before = stateOf(KELAN, target(KELAN, Station.SUBSIDY_PAYOUT));
    Map<String, Object> variables = new HashMap<>(registration(KELAN, KELAN.townshipCode(), "直达户").toVariables());
    Map<String, Object> body = Map.of("variables", typed(variables), "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", TASK_PAYOUT_SUBSIDY)));

    Reply rest = post(clerk, START, body);
    Throwable java = asUser(clerk, () -> engine.getRuntimeService().createProcessInstanceByKey(HouseholdCaseProcess.KEY)
        .setVariables(variables).startBeforeActivity(TASK_PAYOUT_SUBSIDY).execute());

    assertThat(rest.status()).as("%s", rest).isEqualTo(403);
    assertThat(rest.body()).contains("start form");
    assertThat(java).as("the same start through the Java API").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(stateOf(KELAN, target(KELAN, Station.SUBSIDY_PAYOUT))).isEqualTo(before);
  }

  @Order(4)
  @Test
  void shouldNotLetAClerkSendAlongWhatTheStepsFormDoesNotShowByAnyRoute() {
    Target target = target(KELAN, Station.COUNTY_APPROVAL);
    String clerk = DemoUsers.userOf(KELAN, Role.HOUSING);
    CountyState before = stateOf(KELAN, target);
    Map<String, Object> values = new HashMap<>(target.validValues());
    values.put(Vars.SUBSIDY_AMOUNT, 99_999L);

    Throwable java = asUser(clerk, () -> engine.getTaskService().complete(target.taskId(), values));
    Reply resolve = post(clerk, ENGINE + "/task/" + target.taskId() + "/resolve", Map.of("variables", typed(target.validValues())));

    assertThat(java).as("completing through the Java API").hasMessageContaining(Vars.SUBSIDY_AMOUNT)
        .hasMessageContaining("is not a field of this step's form");
    assertThat(resolve.status()).as("%s", resolve).isEqualTo(403);
    assertThat(stateOf(KELAN, target)).isEqualTo(before);
  }

  @Order(4)
  @Test
  void shouldLetAClerkClaimOnlyForThemselvesAndGiveBackOnlyTheirOwnClaim() {
    Target target = target(KELAN, Station.VERIFICATION);
    String clerk = DemoUsers.userOf(KELAN, Role.TOWNSHIP);
    assertThat(post(clerk, ENGINE + "/task/" + target.taskId() + "/claim", Map.of("userId", "nosuchuser")).status())
        .isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(target.taskId()).singleResult().getAssignee()).isNull();

    assertThat(post(clerk, ENGINE + "/task/" + target.taskId() + "/claim", Map.of("userId", clerk)).status()).isEqualTo(204);
    Reply second = post(DemoUsers.userOf(KELAN, Role.VILLAGE), ENGINE + "/task/" + target.taskId() + "/claim",
        Map.of("userId", DemoUsers.userOf(KELAN, Role.VILLAGE)));
    Reply unclaim = post(clerk, ENGINE + "/task/" + target.taskId() + "/unclaim", null);

    assertThat(second.status()).as("a second claim is refused, not a server error: %s", second).isBetween(400, 499);
    assertThat(unclaim.status()).as("the clerk gives their own claim back: %s", unclaim).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(target.taskId()).singleResult().getAssignee()).isNull();
  }

  @Order(4)
  @Test
  void shouldSpendNoRetryOfTheOverdueWatchWhenAClerkAsksToRunIt() {
    var watch = engine.getManagementService().createJobQuery().withoutTenantId().timers().list().stream()
        .filter(job -> "overdue-watch".equals(job.getProcessDefinitionKey())).findFirst().orElseThrow();
    String clerk = DemoUsers.userOf(KELAN, Role.POVERTY);
    for (int attempt = 0; attempt < 5; attempt++) {
      assertThat(post(clerk, ENGINE + "/job/" + watch.getId() + "/execute", null).status()).isEqualTo(403);
      Throwable java = asUser(clerk, () -> engine.getManagementService().executeJob(watch.getId()));
      assertThat(java).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }
    var after = engine.getManagementService().createJobQuery().jobId(watch.getId()).singleResult();
    assertThat(after.getRetries()).as("retries of the overdue watch").isEqualTo(watch.getRetries());
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(watch.getId()).count()).isZero();
  }

  @Order(4)
  @Test
  void shouldShowStaffNoneOfTheEnginesMachinery() {
    List<String> machinery = new ArrayList<>(engine.getManagementService().createJobQuery().withoutTenantId().list()
        .stream().map(j -> j.getId()).toList());
    machinery.addAll(engine.getRuntimeService().createProcessInstanceQuery().withoutTenantId().list().stream()
        .map(p -> p.getId()).toList());
    assertThat(machinery).as("the demo has an overdue watch and a campaign").isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (String user : List.of(DemoUsers.userOf(KELAN, Role.HOUSING), DemoUsers.userOf(KELAN, Role.LEADING_GROUP), "xzsupervisor")) {
      for (String path : List.of("/job", "/process-instance", "/history/process-instance", "/job-definition", "/incident")) {
        Reply reply = get(user, ENGINE + path);
        // jobs are not for staff at all; the rest is answered without the machinery
        softly.assertThat(reply.status()).as("%s", reply).isEqualTo(path.startsWith("/job") ? 403 : 200);
        machinery.forEach(id -> softly.assertThat(reply.body()).as("%s shows machinery", reply).doesNotContain(id));
      }
    }
    softly.assertAll();
  }

  /**
   * The household file's documents belong to the case's county: every path of another county's documents
   * (the task's list and upload, the case's list, content, thumbnail, removal, the archive PDF) answers 404,
   * with the same words as a document that does not exist, and nothing of them changes.
   */
  @Order(1)
  @ParameterizedTest(name = "{0} ({1}) reaches no document of 岢岚县")
  @MethodSource("jingleUsers")
  void shouldAnswerEveryPathOfAnotherCountysDocumentsAsNotFound(String user, Role role) {
    Target target = target(KELAN, Station.ACCEPTANCE);
    List<Map<String, Object>> before = jdbc.queryForList("select id, sha256, record, task_id from case_document "
        + "where process_instance_id = ? order by id", target.processInstanceId());
    assertThat(before).as("the 岢岚县 case holds its earlier steps' documents").isNotEmpty();
    String id = String.valueOf(before.get(0).get("id"));
    String missing = "999999999";
    List<Reply> replies = new ArrayList<>();
    replies.add(get(user, "/api/tasks/" + target.taskId() + "/documents"));
    replies.add(get(user, "/api/cases/" + target.processInstanceId() + "/documents"));
    replies.add(get(user, "/api/documents/" + id + "/content"));
    replies.add(get(user, "/api/documents/" + id + "/thumbnail"));
    replies.add(delete(user, "/api/documents/" + id));
    replies.add(get(user, "/api/households/" + target.businessKey() + "/household-file"));
    ResponseEntity<Map<String, Object>> upload = org.anju.support.Uploads.upload(rest.withBasicAuth(user,
        DemoUsers.PASSWORD), target.taskId(), "PHOTOS_AFTER", org.anju.support.Uploads.file("intruder.jpg",
        org.anju.support.TestFiles.jpeg(40, 30, java.awt.Color.RED)));
    replies.add(new Reply(user + " POST upload", upload.getStatusCode().value(), String.valueOf(upload.getBody())));

    Reply none = get(user, "/api/documents/" + missing + "/content");
    for (Reply reply : replies) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    }
    assertThat(replies.get(2).body()).as("not theirs reads as not there").isEqualTo(none.body());
    assertThat(jdbc.queryForList("select id, sha256, record, task_id from case_document where process_instance_id = ? "
        + "order by id", target.processInstanceId())).isEqualTo(before);
    // and the county's own staff do reach them
    assertThat(get(DemoUsers.userOf(KELAN, Role.HOUSING), "/api/documents/" + id + "/content").status()).isEqualTo(200);
  }

  @Order(4)
  @Test
  void shouldAnswerAnotherCountysIdExactlyAsAnIdThatDoesNotExist() {
    Target target = target(KELAN, Station.ACCEPTANCE);
    String clerk = DemoUsers.userOf(JINGLE, Role.HOUSING);
    String missing = "00000000-0000-0000-0000-000000000000";
    for (String path : List.of("/task/%s", "/task/%s/form-variables", "/process-instance/%s", "/history/process-instance/%s")) {
      String id = path.startsWith("/task") ? target.taskId() : target.processInstanceId();
      Reply theirs = get(clerk, ENGINE + path.formatted(id));
      Reply none = get(clerk, ENGINE + path.formatted(missing));
      assertThat(theirs.status()).as("%s", theirs).isEqualTo(404);
      assertThat(theirs.body().replace(id, "ID")).as("%s vs %s", theirs, none).isEqualTo(none.body().replace(missing, "ID"));
    }
    for (String path : List.of("/task/%s/complete", "/task/%s/claim", "/task/%s/submit-form")) {
      Reply theirs = post(clerk, ENGINE + path.formatted(target.taskId()), Map.of("userId", clerk));
      Reply none = post(clerk, ENGINE + path.formatted(missing), Map.of("userId", clerk));
      assertThat(theirs.status()).as("%s", theirs).isEqualTo(404);
      assertThat(theirs.body().replace(target.taskId(), "ID")).isEqualTo(none.body().replace(missing, "ID"));
    }
  }

  @Order(4)
  @Test
  void shouldRefuseAnOversizedBodyBeforeReadingItAndStayWell() throws Exception {
    Target target = target(KELAN, Station.VERIFICATION);
    CountyState before = stateOf(KELAN, target);
    byte[] large = ("{\"variables\":{\"x\":{\"value\":\"" + "长".repeat(700_000) + "\"}}}").getBytes(UTF_8);

    Reply declared = post(DemoUsers.userOf(KELAN, Role.TOWNSHIP), ENGINE + "/task/" + target.taskId() + "/complete",
        new String(large, UTF_8));
    int chunked = chunkedPost(ENGINE + "/task/" + target.taskId() + "/submit-form", large);

    assertThat(declared.status()).as("%s", declared).isEqualTo(413);
    assertThat(declared.body()).contains("at most 1 MB");
    assertThat(chunked).as("a body without a declared length is cut at the limit").isBetween(400, 499);
    assertThat(get(DemoUsers.userOf(KELAN, Role.TOWNSHIP), ENGINE + "/task/" + target.taskId()).status()).isEqualTo(200);
    assertThat(stateOf(KELAN, target)).isEqualTo(before);
  }

  /** Streams a body without a Content-Length (chunked), as a client sending an endless body would. */
  private int chunkedPost(String path, byte[] body) throws IOException {
    String root = rest.getRootUri();
    java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(root + path).toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setChunkedStreamingMode(64 * 1024);
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder()
        .encodeToString((DemoUsers.userOf(KELAN, Role.TOWNSHIP) + ":" + DemoUsers.PASSWORD).getBytes(UTF_8)));
    try (var out = connection.getOutputStream()) {
      out.write(body);
    } catch (IOException closedByServer) {
      // the server may stop reading at the limit and answer before the body is sent
    }
    return connection.getResponseCode();
  }

  @Order(4)
  @Test
  void shouldCountOnlyTheirOwnCountysCasesInCockpitsStatistics() throws IOException {
    Reply statistics = get(DemoUsers.userOf(JINGLE, Role.HOUSING), ENGINE + "/process-definition/statistics");
    long jingleCases = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(HouseholdCaseProcess.KEY)
        .tenantIdIn(RoleGroups.tenant(JINGLE.countyCode())).count();

    assertThat(statistics.status()).as("%s", statistics).isEqualTo(200);
    List<Map<String, Object>> rows = json.readValue(statistics.body(), new TypeReference<List<Map<String, Object>>>() {});
    long counted = rows.stream().filter(row -> HouseholdCaseProcess.KEY.equals(((Map<?, ?>) row.get("definition")).get("key")))
        .mapToLong(row -> ((Number) row.get("instances")).longValue()).sum();
    assertThat(counted).as("household cases Cockpit counts for 静乐县's housing bureau").isEqualTo(jingleCases);
  }

  @Order(4)
  @Test
  void shouldPayACountyItsOwnSubsidyTableAndEveryOtherCountyTheProvinces() {
    String table = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                     id="Definitions_KelanSubsidy" name="岢岚县补助标准" namespace="http://anju.org/dmn/140929">
          <decision id="renovation-subsidy" name="岢岚县补助标准 Kelan's subsidy" camunda:historyTimeToLive="10950">
            <decisionTable id="DecisionTable_KelanSubsidy" hitPolicy="FIRST">
              <input id="Input_Method" camunda:inputVariable="renovationMethod">
                <inputExpression id="InputExpression_Method" typeRef="string"><text>renovationMethod</text></inputExpression>
              </input>
              <output id="Output_SubsidyAmount" name="subsidyAmount" typeRef="long" />
              <rule id="Rule_Any"><inputEntry id="Rule_Any_Method"><text></text></inputEntry>
                <outputEntry id="Rule_Any_Amount"><text>12345</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """;
    String deployment = engine.getRepositoryService().createDeployment().name("kelan-subsidy")
        .tenantId(RoleGroups.tenant(KELAN.countyCode())).addString("renovation-subsidy.dmn", table).deploy().getId();
    try {
      String kelan = newCaseAt(KELAN, TASK_PAYOUT_SUBSIDY);
      String jingle = newCaseAt(JINGLE, TASK_PAYOUT_SUBSIDY);

      assertThat(engine.getRuntimeService().getVariable(kelan, Vars.SUBSIDY_AMOUNT)).as("岢岚县's own table").isEqualTo(12345L);
      assertThat(engine.getRuntimeService().getVariable(jingle, Vars.SUBSIDY_AMOUNT)).as("the province's table")
          .isNotEqualTo(12345L).isNotNull();
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  /** Runs an engine call as the given user with their groups and tenants, as a filter would; what it threw. */
  Throwable asUser(String user, Runnable call) {
    var identity = engine.getIdentityService();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList(),
        identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream().map(t -> t.getId()).toList());
    try {
      call.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    } finally {
      identity.clearAuthentication();
    }
  }

  @Order(5)
  @Test
  void shouldShowASupervisorOfAnotherCityNothingOfXinzhou() {
    Reply county = post("admin", "/api/admin/counties/" + TAIYUAN_COUNTY, null);
    assertThat(county.status()).as("%s", county).isEqualTo(200);
    String supervisor = "tysupervisor" + ThreadLocalRandom.current().nextInt(1_000_000);
    Reply imported = send("admin", HttpMethod.POST, "/api/admin/users", "text/csv;charset=UTF-8",
        (UserImport.HEADER + "\n" + supervisor + ",太原市,督导," + supervisor + "@anju.example,taiyuan-2020,"
            + RoleGroups.citySupervisor("1401") + "\n").getBytes(UTF_8));
    assertThat(imported.status()).as("%s", imported).isEqualTo(201);
    List<String> xinzhou = new ArrayList<>(idsOf(KELAN));
    xinzhou.addAll(idsOf(JINGLE));
    xinzhou.addAll(List.of(RoleGroups.tenant(KELAN.countyCode()), RoleGroups.tenant(JINGLE.countyCode()),
        KELAN.name(), JINGLE.name(), headNamePrefix(KELAN), headNamePrefix(JINGLE)));

    SoftAssertions softly = new SoftAssertions();
    for (String path : List.of("/task", "/process-instance", "/history/process-instance", "/history/task",
        "/history/variable-instance", "/history/activity-instance", "/incident", "/history/incident",
        "/variable-instance")) {
      Reply reply = send(supervisor, HttpMethod.GET, ENGINE + path, null, null, "taiyuan-2020");
      softly.assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      softly.assertThat(reply.body()).as("nothing of Xinzhou in %s", reply).doesNotContain(xinzhou.toArray(String[]::new));
    }
    for (DemoCounty xinzhouCounty : List.of(KELAN, JINGLE)) {
      Target target = target(xinzhouCounty, Station.ACCEPTANCE);
      for (String path : List.of("/task/" + target.taskId(), "/task/" + target.taskId() + "/form-variables",
          "/process-instance/" + target.processInstanceId() + "/variables")) {
        Reply reply = send(supervisor, HttpMethod.GET, ENGINE + path, null, null, "taiyuan-2020");
        softly.assertThat(reply.status()).as("%s", reply).isIn(403, 404);
      }
    }
    softly.assertAll();
  }

  // ---------------------------------------------------------------- no or wrong credentials

  static Stream<Arguments> protectedEntryPoints() {
    return Stream.of(
        arguments(HttpMethod.GET, ENGINE + "/task"),
        arguments(HttpMethod.GET, ENGINE + "/process-instance"),
        arguments(HttpMethod.GET, ENGINE + "/history/process-instance"),
        arguments(HttpMethod.POST, "/api/admin/users"),
        arguments(HttpMethod.POST, "/api/admin/counties/" + TAIYUAN_COUNTY));
  }

  @Order(6)
  @ParameterizedTest(name = "{0} {1} without credentials → 401")
  @MethodSource("protectedEntryPoints")
  void shouldAnswer401WithoutCredentials(HttpMethod method, String path) {
    Reply reply = send(null, method, path, "text/csv;charset=UTF-8", csvOfOneUser());

    assertThat(reply.status()).as("%s", reply).isEqualTo(401);
    assertThat(reply.body()).doesNotContain(headNamePrefix(KELAN), headNamePrefix(JINGLE));
  }

  @Order(6)
  @Test
  void shouldLetThePasswordProbeUserInWithItsOwnPassword() {
    assertThat(send(passwordProbeUser, HttpMethod.GET, ENGINE + "/task", null, null, PROBE_PASSWORD).status())
        .isEqualTo(200);
  }

  @Order(7)
  @ParameterizedTest(name = "{0} {1} with a wrong password → 401")
  @MethodSource("protectedEntryPoints")
  void shouldAnswer401WithAWrongPassword(HttpMethod method, String path) {
    Reply reply = send(passwordProbeUser, method, path, "text/csv;charset=UTF-8", csvOfOneUser(), "wrong-password");

    assertThat(reply.status()).as("%s", reply).isEqualTo(401);
  }

  @Order(7)
  @ParameterizedTest(name = "{0} {1} with an unknown user or a garbled header → 401")
  @MethodSource("protectedEntryPoints")
  void shouldAnswer401ForAnUnknownUserOrAGarbledHeader(HttpMethod method, String path) {
    Reply unknown = send("nobody" + ThreadLocalRandom.current().nextInt(1_000_000), method, path,
        "text/csv;charset=UTF-8", csvOfOneUser(), DemoUsers.PASSWORD);
    HttpHeaders garbled = new HttpHeaders();
    garbled.set(HttpHeaders.AUTHORIZATION, "Basic %%%not-base64%%%");
    ResponseEntity<byte[]> garbledReply = rest.exchange(path, method, new HttpEntity<>(null, garbled), byte[].class);

    assertThat(unknown.status()).as("%s", unknown).isEqualTo(401);
    assertThat(garbledReply.getStatusCode().value()).isEqualTo(401);
  }

  @Order(7)
  @Test
  void shouldAnswerHealthWithoutCredentials() {
    Reply reply = send(null, HttpMethod.GET, "/actuator/health", null, null);

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.body()).contains("UP");
  }

  // ---------------------------------------------------------------- and the work still gets done

  static Stream<Arguments> everyStationInBothCounties() {
    return Stream.of(KELAN, JINGLE).flatMap(county -> Arrays.stream(Station.values())
        .map(station -> arguments(county.name(), station, DemoUsers.userOf(county, station.role))));
  }

  @Order(10)
  @ParameterizedTest(name = "{0}: {2} still does its own step {1}")
  @MethodSource("everyStationInBothCounties")
  void shouldLetTheClerkOfEachStepStillDoIt(String countyName, Station station, String user) {
    DemoCounty county = countyNamed(countyName);
    Target target = target(county, station);

    Reply claimed = post(user, ENGINE + "/task/" + target.taskId() + "/claim", Map.of("userId", user));
    uploadWhatTheStepNeeds(user, target.taskId());
    Reply submitted = post(user, ENGINE + "/task/" + target.taskId() + "/submit-form",
        Map.of("variables", typed(target.validValues())));

    assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
    assertThat(submitted.status()).as("%s", submitted).isEqualTo(204);
    HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(target.taskId())
        .singleResult();
    assertThat(done.getEndTime()).as("the task is done").isNotNull();
    assertThat(done.getAssignee()).isEqualTo(user);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(target.processInstanceId())
        .taskDefinitionKey(station.step).count()).as("the case has moved on from %s", station.step).isZero();
  }

  // ---------------------------------------------------------------- helpers

  /** Tasklist's way to a list: the saved filters, run as they are and narrowed to the other county's case. */
  List<Reply> runFilters(String user, Target target) {
    Reply filters = get(user, ENGINE + "/filter?resourceType=Task");
    List<Reply> replies = new ArrayList<>(List.of(filters));
    if (filters.status() == 200) {
      for (String filterId : ids(filters)) {
        replies.add(post(user, ENGINE + "/filter/" + filterId + "/list", Map.of()));
        replies.add(post(user, ENGINE + "/filter/" + filterId + "/list",
            Map.of("processInstanceBusinessKey", target.businessKey())));
        replies.add(post(user, ENGINE + "/filter/" + filterId + "/count",
            Map.of("processInstanceBusinessKey", target.businessKey())));
      }
    }
    return replies;
  }

  Target target(DemoCounty county, Station station) {
    String instanceId = cases.get(county.prefix() + station);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task).as("the %s case at %s", county.name(), station).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(station.step);
    RuntimeService runtime = engine.getRuntimeService();
    String businessKey = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
    String place = station.role.level() == Role.Level.TOWNSHIP ? county.townshipCode() : county.countyCode();
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(station.step, AnjuClock.today()));
    if (station.step.equals(TASK_PAYOUT_SUBSIDY)) {
      values.put(Vars.PAID_AMOUNT, runtime.getVariable(instanceId, Vars.SUBSIDY_AMOUNT));
    }
    return new Target(instanceId, businessKey, task.getId(), station.step, station.role.groupId(place), values);
  }

  /**
   * What a refused attempt must not change: the county's instances and open tasks, every variable of the
   * case tried, and counts that any other change would move (with history level full, every variable
   * write leaves a historic detail, every claim or candidate change an identity link log entry).
   */
  CountyState stateOf(DemoCounty county, Target target) {
    String tenant = RoleGroups.tenant(county.countyCode());
    RuntimeService runtime = engine.getRuntimeService();
    HistoryService history = engine.getHistoryService();
    List<String> instances = runtime.createProcessInstanceQuery().tenantIdIn(tenant).list().stream()
        .map(p -> p.getId() + " " + p.getBusinessKey() + (p.isSuspended() ? " suspended" : "")).sorted().toList();
    List<String> tasks = engine.getTaskService().createTaskQuery().tenantIdIn(tenant).list().stream()
        .map(t -> String.join(" ", t.getId(), t.getTaskDefinitionKey(), t.getName(), "assignee=" + t.getAssignee(),
            "owner=" + t.getOwner(), "delegation=" + t.getDelegationState(), "due=" + t.getDueDate(),
            "suspended=" + t.isSuspended()))
        .sorted().toList();
    Map<String, Object> variables = new TreeMap<>();
    runtime.createVariableInstanceQuery().processInstanceIdIn(target.processInstanceId()).list()
        .forEach(v -> variables.put(v.getExecutionId() + "/" + v.getTaskId() + "/" + v.getName(), v.getValue()));
    Map<String, Long> counts = new TreeMap<>();
    counts.put("historic instances", history.createHistoricProcessInstanceQuery().tenantIdIn(tenant).count());
    counts.put("historic tasks", history.createHistoricTaskInstanceQuery().tenantIdIn(tenant).count());
    counts.put("historic activities", history.createHistoricActivityInstanceQuery().tenantIdIn(tenant).count());
    counts.put("historic variable changes", history.createHistoricDetailQuery().tenantIdIn(tenant).count());
    counts.put("identity link log", history.createHistoricIdentityLinkLogQuery().tenantIdIn(tenant).count());
    counts.put("incidents", runtime.createIncidentQuery().tenantIdIn(tenant).count());
    counts.put("households", count("select count(*) from household where county_code = ?", county.countyCode()));
    counts.put("problems", count("select count(*) from problem where county_code = ?", county.countyCode()));
    // jobs of every tenant and none: the machinery belongs to no county and must not be stopped by one
    engine.getManagementService().createJobQuery().list().forEach(job -> counts.put("job " + job.getId() + " retries="
        + job.getRetries() + " due=" + job.getDuedate() + " suspended=" + job.isSuspended(), 1L));
    return new CountyState(instances, tasks, variables, counts);
  }

  /** The ids a leak of the county would show: every instance and open task of its tenant. */
  List<String> idsOf(DemoCounty county) {
    String tenant = RoleGroups.tenant(county.countyCode());
    List<String> ids = new ArrayList<>(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .tenantIdIn(tenant).list().stream().map(p -> p.getId()).toList());
    ids.addAll(taskIdsOf(county));
    return ids;
  }

  List<String> taskIdsOf(DemoCounty county) {
    return engine.getTaskService().createTaskQuery().tenantIdIn(RoleGroups.tenant(county.countyCode())).list()
        .stream().map(Task::getId).toList();
  }

  /** A new case of the county, taken to {@code step} as the clerks would. */
  String newCaseAt(DemoCounty county, String step) {
    String caseId = households.register(registration(county, county.townshipCode(), headNamePrefix(county) + "新")).getId();
    new CaseWalker(engine, demoDocuments).walkTo(caseId, step);
    return caseId;
  }

  Task openTaskOf(String caseId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(caseId).singleResult();
  }

  /** A valid registration of a registered poor household, with a resident id no household has yet. */
  Registration registration(DemoCounty county, String townshipCode, String headName) {
    return registration(county, townshipCode, headName, KeyGroup.POOR);
  }

  /** A valid registration in a demo county, household of three, with a resident id no household has yet. */
  Registration registration(DemoCounty county, String townshipCode, String headName, KeyGroup group) {
    String village = county == KELAN ? "宋家沟村" : "西坡崖村";
    return new Registration(headName, freshResidentId(county.countyCode()), group, county.cityCode(),
        county.countyCode(), townshipCode, village, village + " 1 号", 3, true);
  }

  private String freshResidentId(String addressCode) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      // birth years before 1940: the demo data and the walk-through use later ones
      String id = DemoSteps.residentId(addressCode, 1900 + random.nextInt(40), random.nextInt(1000));
      if (count("select count(*) from household where resident_id = ?", id) == 0) {
        return id;
      }
    }
  }

  static String headNamePrefix(DemoCounty county) {
    return county == KELAN ? "岢岚隔离户" : "静乐隔离户";
  }

  static DemoCounty countyNamed(String name) {
    return DemoUsers.COUNTIES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private long count(String sql, Object... args) {
    Long count = jdbc.queryForObject(sql, Long.class, args);
    return count == null ? 0 : count;
  }

  private byte[] csvOfOneUser() {
    return (UserImport.HEADER + "\nanonymousimport,匿名,导入,,anonymous-2020," + RoleGroups.citySupervisor("1409") + "\n")
        .getBytes(UTF_8);
  }

  /** The household-case definition's id. */
  String householdCaseDefinitionId() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(HouseholdCaseProcess.KEY)
        .latestVersion().singleResult().getId();
  }

  /** Jobs a curious clerk would like to run or stop: 岢岚县's and the engine's machinery (the overdue watch). */
  List<String> jobsToProbe() {
    List<String> jobs = new ArrayList<>(engine.getManagementService().createJobQuery()
        .tenantIdIn(RoleGroups.tenant(KELAN.countyCode())).listPage(0, 2).stream().map(j -> j.getId()).toList());
    engine.getManagementService().createJobQuery().withoutTenantId().listPage(0, 2).forEach(j -> jobs.add(j.getId()));
    return jobs;
  }

  /** A request whose path is sent exactly as written (encoded characters, {@code ;}), not as a URI template. */
  Reply sendRaw(String user, HttpMethod method, String rawPath, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, DemoUsers.PASSWORD, UTF_8);
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<byte[]> response = rest.exchange(java.net.URI.create(rawPath), method,
        new HttpEntity<>(body == null ? null : toJson(body), headers), byte[].class);
    byte[] answer = response.getBody();
    return new Reply(user + " " + method + " " + rawPath, response.getStatusCode().value(),
        answer == null ? "" : new String(answer, UTF_8));
  }

  Reply get(String user, String path) {
    return send(user, HttpMethod.GET, path, null, null);
  }

  Reply post(String user, String path, Object body) {
    return send(user, HttpMethod.POST, path, MediaType.APPLICATION_JSON_VALUE, body == null ? null : toJson(body));
  }

  Reply put(String user, String path, Object body) {
    return send(user, HttpMethod.PUT, path, MediaType.APPLICATION_JSON_VALUE, toJson(body));
  }

  Reply delete(String user, String path) {
    return send(user, HttpMethod.DELETE, path, null, null);
  }

  Reply send(String user, HttpMethod method, String path, String contentType, byte[] body) {
    return send(user, method, path, contentType, body, DemoUsers.PASSWORD);
  }

  /** One request as {@code user} with {@code password} (none when the user is null); the answer as text. */
  Reply send(String user, HttpMethod method, String path, String contentType, byte[] body, String password) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, password, UTF_8);
    }
    if (contentType != null) {
      headers.setContentType(MediaType.parseMediaType(contentType));
    }
    ResponseEntity<byte[]> response = rest.exchange(path, method, new HttpEntity<>(body, headers), byte[].class);
    byte[] answer = response.getBody();
    return new Reply((user == null ? "anonymous" : user) + " " + method + " " + path, response.getStatusCode().value(),
        answer == null ? "" : new String(answer, UTF_8));
  }

  private byte[] toJson(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> read(Reply reply) {
    try {
      return json.readValue(reply.body(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new AssertionError("not a JSON object: " + reply, e);
    }
  }

  /** The ids of a JSON list answer. */
  List<String> ids(Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    try {
      List<Map<String, Object>> items = json.readValue(reply.body(), new TypeReference<List<Map<String, Object>>>() {});
      return items.stream().map(item -> String.valueOf(item.get("id"))).toList();
    } catch (IOException e) {
      throw new AssertionError("not a JSON list: " + reply, e);
    }
  }
}
