package org.anju.progress;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.anju.access.Role;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The Prometheus endpoint: behind a login, and the counts of the demo data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Spring Boot's tests leave out the metrics exporters, and with them the Prometheus endpoint, unless asked
@AutoConfigureObservability(tracing = false)
// its own demo database: other tests' cases would change the counts
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class CaseMetricsTest {

  static final String VERIFY_OPEN =
      "anju_open_tasks{process=\"household-case\",step=\"UserTask_VerifyHousing\"} 1.0";
  static final String VERIFY_OVERDUE_NONE =
      "anju_overdue_tasks{process=\"household-case\",step=\"UserTask_VerifyHousing\"} 0.0";
  static final String VERIFY_OVERDUE_ONE =
      "anju_overdue_tasks{process=\"household-case\",step=\"UserTask_VerifyHousing\"} 1.0";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  IdentityService identity;
  @Autowired
  CaseMetrics metrics;

  Task changed;

  @AfterEach
  void restoreDueDate() {
    if (changed != null) {
      setDue(changed.getId(), changed.getDueDate());
    }
  }

  @Test
  void shouldAskForALoginForMetricsButNotForHealth() {
    assertThat(scrape(rest).getStatusCode().value()).isEqualTo(401);
    assertThat(rest.getForEntity("/actuator/prometheus/", String.class).getStatusCode().value()).isEqualTo(401);
    // (not a real user's wrong password: the engine would lock that user for a while)
    assertThat(scrape(rest.withBasicAuth("nobody", "wrong")).getStatusCode().value()).isEqualTo(401);
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    // any Anju user may read them
    assertThat(scrape(rest.withBasicAuth(TasklistUser.KL_TOWNSHIP, DemoUsers.PASSWORD)).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void shouldCountTheDemoCasesAndShowAStepOverdueOnceItsTaskIsPastDue() {
    long openCases = runtime.createProcessInstanceQuery().processDefinitionKey(HouseholdCaseProcess.KEY).count();
    // the demo data may show an overdue step of its own (not at verification)
    long overdueIncidents = runtime.createIncidentQuery().incidentType("overdue").count();
    String body = metrics();
    assertThat(body)
        .contains(VERIFY_OPEN)
        .contains(VERIFY_OVERDUE_NONE)
        .contains("anju_open_tasks{process=\"household-case\",step=\"UserTask_AppraiseHouse\"} 2.0")
        // a step no demo case waits at is there all the same
        .contains("anju_open_tasks{process=\"household-case\",step=\"UserTask_PayoutSubsidy\"} 0.0")
        .contains("anju_open_incidents{type=\"overdue\"} " + (double) overdueIncidents)
        // the types the engine raises are there at 0 when none are open
        .contains("anju_open_incidents{type=\"failedJob\"} 0.0")
        .contains("anju_open_incidents{type=\"failedExternalTask\"} 0.0")
        .contains("anju_jobs_without_retries 0.0")
        .contains("anju_open_cases{process=\"household-case\"} " + (double) openCases);
    assertThat(openCases).isEqualTo(9);

    changed = tasks.createTaskQuery().processDefinitionKey(HouseholdCaseProcess.KEY)
        .taskDefinitionKey(TASK_VERIFY_HOUSING).singleResult();
    setDue(changed.getId(), Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofHours(1))));

    // and no overdue incident open (the demo's resolved): that row stays, at 0
    runtime.createIncidentQuery().incidentType("overdue").list()
        .forEach(incident -> runtime.resolveIncident(incident.getId()));

    // read again at most CACHE_FOR later
    await().atMost(CaseMetrics.CACHE_FOR.plusSeconds(5)).pollInterval(Duration.ofMillis(500))
        .until(() -> metrics().contains(VERIFY_OVERDUE_ONE));
    assertThat(metrics()).contains(VERIFY_OPEN).contains("anju_open_incidents{type=\"overdue\"} 0.0");
  }

  @Test
  void shouldCountTheWholeProvinceWhoeverScrapes() {
    // 岢岚县's clerk sees only 岢岚县's seven cases in the engine's queries
    identity.setAuthentication(TasklistUser.KL_TOWNSHIP,
        List.of(Role.TOWNSHIP.groupId(DemoUsers.KELAN.townshipCode())), List.of(DemoUsers.KELAN.countyCode()));
    try {
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(HouseholdCaseProcess.KEY).count())
          .isLessThan(9);
      assertThat(metrics.read().openCases()).containsEntry(HouseholdCaseProcess.KEY, 9L);
      assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo(TasklistUser.KL_TOWNSHIP);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void shouldReadTheEngineAtMostOncePerCachePeriod() {
    CaseCounts.Snapshot first = metrics.current();
    CaseCounts.Snapshot second = metrics.current();
    CaseCounts.Snapshot third = metrics.current();
    // one of two calls in a row may fall just after the period ends, not both
    assertThat(second == first || third == second).isTrue();
  }

  private String metrics() {
    ResponseEntity<String> response = scrape(rest.withBasicAuth("admin", DemoUsers.PASSWORD));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private static ResponseEntity<String> scrape(TestRestTemplate client) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_PLAIN));
    return client.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private void setDue(String taskId, Date due) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(due);
    tasks.saveTask(task);
  }

  /** The demo users the test logs in as. */
  static final class TasklistUser {
    static final String KL_TOWNSHIP = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);

    private TasklistUser() {}
  }
}
