package org.anju.tasklist;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_INSPECT_CONSTRUCTION;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anju.access.Role;
import org.anju.demo.DemoUsers;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Tasklist filters as Tasklist runs them, through the engine REST API as the demo township clerk
 * of 岢岚县, whose group has two demo tasks: 李建国's verification and 赵玉梅's construction inspection.
 * The first is made overdue, the second due in two days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// its own demo database: other tests' cases would be in the lists, and its due dates in theirs
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class TasklistFiltersTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final List<String> ALL = List.of(TasklistFilters.MINE, TasklistFilters.MY_GROUPS,
      TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE);

  static final String KL_TOWNSHIP = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);
  static final String JL_TOWNSHIP = DemoUsers.userOf(DemoUsers.JINGLE, Role.TOWNSHIP);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  FilterService filters;
  @Autowired
  TasklistFilters tasklistFilters;

  Task verification;
  Task inspection;

  @BeforeEach
  void makeOneTaskOverdueAndOneDueSoon() {
    String group = Role.TOWNSHIP.groupId(DemoUsers.KELAN.townshipCode());
    verification = tasks.createTaskQuery().taskCandidateGroup(group).taskDefinitionKey(TASK_VERIFY_HOUSING)
        .singleResult();
    inspection = tasks.createTaskQuery().taskCandidateGroup(group).taskDefinitionKey(TASK_INSPECT_CONSTRUCTION)
        .singleResult();
    assertThat(tasks.createTaskQuery().taskCandidateGroup(group).count()).as("kltownship's demo tasks").isEqualTo(2);
    setDue(verification, Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(1))));
    setDue(inspection, Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2))));
  }

  @AfterEach
  void restoreDueDates() {
    setDue(verification, verification.getDueDate());
    setDue(inspection, inspection.getDueDate());
  }

  @Test
  void shouldOfferTheFourFiltersSortedByDueDateWithTheHouseholdColumns() {
    Map<String, String> ids = filterIds(KL_TOWNSHIP);
    assertThat(ids).containsOnlyKeys(ALL);
    for (String name : List.of(TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE)) {
      Map<String, Object> filter = get(KL_TOWNSHIP, "/filter/" + ids.get(name), MAP);
      @SuppressWarnings("unchecked")
      Map<String, Object> query = (Map<String, Object>) filter.get("query");
      assertThat(query.get("sorting")).as(name).isEqualTo(List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")));
      @SuppressWarnings("unchecked")
      Map<String, Object> properties = (Map<String, Object>) filter.get("properties");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> variables = (List<Map<String, Object>>) properties.get("variables");
      assertThat(variables.stream().map(variable -> variable.get("name")).toList()).as(name)
          .containsExactly("headName", "village", "townshipName");
      assertThat((String) properties.get("description")).as(name).containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]");
    }
  }

  @Test
  void shouldListTheOverdueTaskUnderOverdueAndTheOneDueInTwoDaysUnderDueSoon() {
    Map<String, String> ids = filterIds(KL_TOWNSHIP);

    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.OVERDUE))).containsExactly(verification.getId());
    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.DUE_SOON))).containsExactly(inspection.getId());
    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.MY_GROUPS)))
        .containsExactlyInAnyOrder(verification.getId(), inspection.getId());
    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.MINE))).isEmpty();

    // as Tasklist asks: POST with its own sorting and paging, which the filter's criteria still narrow
    Map<String, Object> tasklistQuery = Map.of("processVariables", List.of(), "taskVariables", List.of(),
        "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    assertThat(postedTaskIds(KL_TOWNSHIP, ids.get(TasklistFilters.OVERDUE), tasklistQuery))
        .containsExactly(verification.getId());
    assertThat(postedTaskIds(KL_TOWNSHIP, ids.get(TasklistFilters.DUE_SOON), Map.of()))
        .containsExactly(inspection.getId());
    // and a search narrows them further (criteria outside the filter's "or")
    assertThat(postedTaskIds(KL_TOWNSHIP, ids.get(TasklistFilters.OVERDUE),
        Map.of("processInstanceBusinessKey", businessKeyOf(verification)))).containsExactly(verification.getId());
    assertThat(postedTaskIds(KL_TOWNSHIP, ids.get(TasklistFilters.OVERDUE),
        Map.of("processInstanceBusinessKey", businessKeyOf(inspection)))).isEmpty();

    // a task the clerk has claimed is still theirs in both
    tasks.claim(verification.getId(), KL_TOWNSHIP);
    tasks.claim(inspection.getId(), KL_TOWNSHIP);
    try {
      assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.OVERDUE))).containsExactly(verification.getId());
      assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.DUE_SOON))).containsExactly(inspection.getId());
      assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.MINE)))
          .containsExactlyInAnyOrder(verification.getId(), inspection.getId());
    } finally {
      tasks.setAssignee(verification.getId(), null);
      tasks.setAssignee(inspection.getId(), null);
    }
  }

  @Test
  void shouldSortDueSoonAndOverdueByDueDate() {
    Map<String, String> ids = filterIds(KL_TOWNSHIP);
    Date now = ClockUtil.getCurrentTime();
    setDue(verification, Date.from(now.toInstant().minus(Duration.ofHours(2))));
    setDue(inspection, Date.from(now.toInstant().minus(Duration.ofDays(5))));
    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.OVERDUE)))
        .containsExactly(inspection.getId(), verification.getId());
    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.DUE_SOON))).isEmpty();
    // the sorting Tasklist sends comes after the filter's own (here creation would put verification first)
    assertThat(postedTaskIds(KL_TOWNSHIP, ids.get(TasklistFilters.OVERDUE),
        Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "asc")))))
        .containsExactly(inspection.getId(), verification.getId());

    setDue(verification, Date.from(now.toInstant().plus(Duration.ofDays(2))));
    setDue(inspection, Date.from(now.toInstant().plus(Duration.ofHours(5))));
    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.DUE_SOON)))
        .containsExactly(inspection.getId(), verification.getId());
    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.OVERDUE))).isEmpty();

    // more than three days ahead is neither
    setDue(verification, Date.from(now.toInstant().plus(Duration.ofDays(4))));
    assertThat(taskIds(KL_TOWNSHIP, ids.get(TasklistFilters.DUE_SOON))).containsExactly(inspection.getId());
  }

  @Test
  void shouldShowAnotherCountysClerkNoneOfTheseTasks() {
    Map<String, String> ids = filterIds(JL_TOWNSHIP);
    assertThat(ids).containsOnlyKeys(ALL);
    for (String name : ALL) {
      assertThat(taskIds(JL_TOWNSHIP, ids.get(name))).as(name)
          .doesNotContain(verification.getId(), inspection.getId());
      assertThat(postedTaskIds(JL_TOWNSHIP, ids.get(name), Map.of())).as(name)
          .doesNotContain(verification.getId(), inspection.getId());
    }
  }

  @Test
  void shouldAddMissingFiltersToAnExistingDatabaseOnce() {
    Map<String, String> before = filterIds(KL_TOWNSHIP);
    // a database from before "due soon" and "overdue"
    filters.deleteFilter(before.get(TasklistFilters.DUE_SOON));
    filters.deleteFilter(before.get(TasklistFilters.OVERDUE));

    tasklistFilters.run(null);
    tasklistFilters.run(null);

    for (String name : ALL) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
    Map<String, String> after = filterIds(KL_TOWNSHIP);
    assertThat(after.get(TasklistFilters.MINE)).isEqualTo(before.get(TasklistFilters.MINE));
    assertThat(after.get(TasklistFilters.MY_GROUPS)).isEqualTo(before.get(TasklistFilters.MY_GROUPS));
    assertThat(taskIds(KL_TOWNSHIP, after.get(TasklistFilters.OVERDUE))).containsExactly(verification.getId());
  }

  // ---- helpers

  private void setDue(Task task, Date due) {
    Task current = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    current.setDueDate(due);
    tasks.saveTask(current);
  }

  private String businessKeyOf(Task task) {
    return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  private Map<String, String> filterIds(String user) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (Map<String, Object> filter : get(user, "/filter?resourceType=Task", LIST)) {
      ids.put((String) filter.get("name"), (String) filter.get("id"));
    }
    return ids;
  }

  private List<String> taskIds(String user, String filterId) {
    return get(user, "/filter/" + filterId + "/list", LIST).stream().map(task -> (String) task.get("id")).toList();
  }

  private List<String> postedTaskIds(String user, String filterId, Map<String, Object> query) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", HttpMethod.POST,
            new HttpEntity<>(query, headers), LIST);
    assertThat(response.getStatusCode().value()).as("POST list of %s as %s", filterId, user).isEqualTo(200);
    return response.getBody().stream().map(task -> (String) task.get("id")).toList();
  }

  private <T> T get(String user, String path, ParameterizedTypeReference<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<T> response = rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange("/engine-rest" + path, HttpMethod.GET, new HttpEntity<>(headers), type);
    assertThat(response.getStatusCode().value()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(200);
    return response.getBody();
  }
}
