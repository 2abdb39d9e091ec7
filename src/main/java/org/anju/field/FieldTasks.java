package org.anju.field;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_INSPECT_ACCEPTANCE;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_INSPECT_CONSTRUCTION;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.access.CurrentUser;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The field steps (house-to-house verification, construction inspection, acceptance) as the logged-in user sees
 * them: every read is the engine's own, narrowed by its authorization and tenant check, and a task of a county the
 * user does not see is not there at all.
 */
@Component
class FieldTasks {

  static final String[] STEPS = {TASK_VERIFY_HOUSING, TASK_INSPECT_CONSTRUCTION, TASK_INSPECT_ACCEPTANCE};
  /** At most this many tasks on "my work": nearest due first, a search finds the rest. */
  static final int MAX_LISTED = 200;
  static final List<String> SHOWN = List.of(Vars.HOUSEHOLD_ID, Vars.HEAD_NAME, Vars.VILLAGE, Vars.HOUSE_ADDRESS,
      Vars.COUNTY_CODE);

  /** One task on the list: what a clerk needs to find the house. */
  record Listed(Task task, Map<String, Object> household) {}

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;

  FieldTasks(TaskService tasks, HistoryService history, IdentityService identity) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
  }

  /** The user's field tasks and their groups' unclaimed ones, nearest due first; {@code q} a name or village. */
  List<Listed> mine(String q) {
    String search = q == null ? "" : q.strip().replace("%", "").replace("_", "");
    Map<String, Task> found = new LinkedHashMap<>();
    if (search.isEmpty()) {
      query().listPage(0, MAX_LISTED).forEach(t -> found.put(t.getId(), t));
    } else {
      for (String variable : List.of(Vars.HEAD_NAME, Vars.VILLAGE, Vars.HOUSEHOLD_ID)) {
        query().processVariableValueLike(variable, "%" + search + "%").listPage(0, MAX_LISTED)
            .forEach(t -> found.putIfAbsent(t.getId(), t));
      }
    }
    List<Listed> listed = new ArrayList<>();
    for (Task task : found.values()) {
      Map<String, Object> household = tasks.getVariables(task.getId(), SHOWN);
      if (visible(household.get(Vars.COUNTY_CODE))) {
        listed.add(new Listed(task, household));
      }
    }
    listed.sort(Comparator.comparing((Listed l) -> l.task().getDueDate(), Comparator.nullsLast(Comparator.<Date>naturalOrder()))
        .thenComparing(l -> l.task().getCreateTime()));
    return listed.size() > MAX_LISTED ? listed.subList(0, MAX_LISTED) : listed;
  }

  private TaskQuery query() {
    Authentication user = identity.getCurrentAuthentication();
    TaskQuery query = tasks.createTaskQuery().taskDefinitionKeyIn(STEPS).active();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.isEmpty()) {
      query.taskAssignee(user.getUserId());
    } else {
      query.or().taskAssignee(user.getUserId()).taskCandidateGroupIn(groups).endOr();
    }
    return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
  }

  /** The open field task, if the user sees it (its county's staff and the supervisors above). */
  Optional<Task> open(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).taskDefinitionKeyIn(STEPS).singleResult();
    if (task == null || !visible(tasks.getVariable(taskId, Vars.COUNTY_CODE))) {
      return Optional.empty();
    }
    return Optional.of(task);
  }

  /**
   * True when the task was a field task of a county the user sees, and is no longer open: someone completed it.
   * Staff may not read history (READ_HISTORY is Cockpit's), so the engine looks, and the county is checked here:
   * another county's task stays a task that does not exist.
   */
  boolean closedMeanwhile(String taskId) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
      if (done == null || !List.of(STEPS).contains(done.getTaskDefinitionKey())) {
        return false;
      }
      var county = history.createHistoricVariableInstanceQuery().processInstanceId(done.getProcessInstanceId())
          .variableName(Vars.COUNTY_CODE).list().stream().findFirst();
      return county.isPresent() && visible(county.get().getValue(), user);
    } finally {
      identity.setAuthentication(user);
    }
  }

  private boolean visible(Object county) {
    return visible(county, identity.getCurrentAuthentication());
  }

  private static boolean visible(Object county, Authentication user) {
    List<String> counties = CurrentUser.visibleCounties(user);
    return county instanceof String code && (counties == null || counties.contains(code));
  }
}
