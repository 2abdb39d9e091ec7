package org.anju.relocation;

import static org.anju.support.RestVariables.typed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.anju.access.Role;
import org.anju.clock.AnjuClock;
import org.anju.demo.DemoUsers;
import org.anju.demo.DemoUsers.DemoCounty;
import org.anju.rectification.ProblemRectificationProcess;
import org.anju.relocation.RelocationFollowUpProcess.Vars;
import org.anju.relocation.RelocationFollowUps.Relocation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A relocated household's follow-up belongs to its county, on the whole application with authorization and
 * the tenant check on, through the engine REST API as Tasklist and Cockpit use it: its township's staff see
 * and do the visit, nobody of another county sees the visit, the follow-up or the rectification a failed
 * visit opens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RelocationFollowUpIsolationTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final DemoCounty KELAN = DemoUsers.KELAN;
  static final DemoCounty JINGLE = DemoUsers.JINGLE;

  @Autowired
  ProcessEngine engine;
  @Autowired
  RelocationFollowUps followUps;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;

  /** The follow-up and what it opened: the test's context is shared with tests that count a county's open problems. */
  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestStarted() {
    for (String businessKey : started) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
          .forEach(instance -> {
            jdbc.update("delete from problem where process_instance_id = ?", instance.getId());
            engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over");
          });
    }
  }

  @Test
  void shouldShowTheVisitAndWhatItOpensToTheHouseholdsCountyAlone() {
    ProcessInstance followUp = visitDue(KELAN);
    assertThat(followUp.getTenantId()).isEqualTo("county" + KELAN.countyCode());
    Task visit = engine.getTaskService().createTaskQuery().processInstanceId(followUp.getId()).singleResult();
    String township = user(KELAN, Role.TOWNSHIP);

    assertThat(tasks(township, followUp.getId())).containsExactly(visit.getId());
    assertThat(status(township, HttpMethod.GET, "/task/" + visit.getId() + "/form-variables", null)).isEqualTo(200);
    for (String stranger : List.of(user(JINGLE, Role.TOWNSHIP), user(JINGLE, Role.HOUSING), user(JINGLE, Role.LEADING_GROUP))) {
      assertThat(tasks(stranger, followUp.getId())).as("tasks %s sees", stranger).isEmpty();
      assertThat(status(stranger, HttpMethod.GET, "/task/" + visit.getId(), null)).as("the visit for %s", stranger)
          .isEqualTo(404);
      assertThat(status(stranger, HttpMethod.GET, "/process-instance/" + followUp.getId(), null))
          .as("the follow-up for %s", stranger).isEqualTo(404);
      assertThat(status(stranger, HttpMethod.POST, "/task/" + visit.getId() + "/claim", Map.of("userId", stranger)))
          .as("a claim by %s", stranger).isBetween(401, 404);
    }
    // in the household's county the visit is the township's, and the county's watchers see the follow-up
    assertThat(tasks(user(KELAN, Role.VILLAGE), followUp.getId())).isEmpty();
    assertThat(instances(user(KELAN, Role.HOUSING), followUp.getId())).hasSize(1);
    assertThat(instances(user(JINGLE, Role.HOUSING), followUp.getId())).isEmpty();

    // the township's clerk records a failed visit as Tasklist submits it: the problem goes to the village
    Map<String, Object> failed = new HashMap<>(RelocationSteps.STEPS.get(0).demoValues().apply(AnjuClock.today()));
    failed.put(Vars.LAND_RECLAIMED, false);
    failed.put(Vars.FOLLOW_UP_REMARKS, "复垦方案待批 Reclamation plan awaits approval");
    assertThat(status(township, HttpMethod.POST, "/task/" + visit.getId() + "/claim", Map.of("userId", township)))
        .isEqualTo(204);
    assertThat(status(township, HttpMethod.POST, "/task/" + visit.getId() + "/submit-form",
        Map.of("variables", typed(failed)))).isEqualTo(204);

    ProcessInstance rectification = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProblemRectificationProcess.KEY).processInstanceBusinessKey(followUp.getBusinessKey())
        .singleResult();
    assertThat(rectification.getTenantId()).isEqualTo("county" + KELAN.countyCode());
    assertThat(tasks(user(KELAN, Role.VILLAGE), rectification.getId())).hasSize(1);
    assertThat(tasks(user(JINGLE, Role.VILLAGE), rectification.getId())).isEmpty();
    assertThat(status(user(JINGLE, Role.HOUSING), HttpMethod.GET, "/process-instance/" + rectification.getId(), null))
        .isEqualTo(404);
  }

  /**
   * A household of {@code county} that moved in three months ago, its first visit due now. The follow-up starts
   * as the poverty office's clerk confirming the relocation starts it: inside the engine command of their step,
   * logged in, without any permission on the follow-up.
   */
  private ProcessInstance visitDue(DemoCounty county) {
    String householdId = county.countyCode() + "-2026-" + "%06d".formatted(800_000 + ThreadLocalRandom.current().nextInt(100_000));
    Relocation relocation = new Relocation(householdId, "田有福", county.cityCode(), county.countyCode(), county.name(),
        county.townshipCode(), county.townshipName(), "宋家沟村", "县城广惠园移民新区", AnjuClock.today().minusMonths(3));
    String poverty = user(county, Role.POVERTY);
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(poverty, identity.createGroupQuery().groupMember(poverty).list().stream()
        .map(Group::getId).toList(), List.of("county" + county.countyCode()));
    started.add(householdId);
    ProcessInstance followUp;
    try {
      followUp = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
          .execute(context -> followUps.start(engine.getRuntimeService(), relocation));
    } finally {
      identity.clearAuthentication();
    }
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(followUp.getId()).timers()
        .executable().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    return followUp;
  }

  private static String user(DemoCounty county, Role role) {
    return DemoUsers.userOf(county, role);
  }

  private List<String> tasks(String user, String processInstanceId) {
    return ids(user, "/task?processInstanceId=" + processInstanceId);
  }

  private List<String> instances(String user, String processInstanceId) {
    return ids(user, "/process-instance?processInstanceIds=" + processInstanceId);
  }

  private List<String> ids(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange("/engine-rest" + path, HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode().value()).as("GET %s as %s", path, user).isEqualTo(200);
    return response.getBody().stream().map(row -> (String) row.get("id")).toList();
  }

  private int status(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange("/engine-rest" + path, method, body == null ? null : new HttpEntity<>(body, headers), String.class)
        .getStatusCode().value();
  }
}
