package org.anju.tasklist;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every role needs, each listing the household: "my group's tasks" (the work
 * waiting for any of the user's groups), "my tasks" (what the user has claimed), "due soon" and
 * "overdue" (the work of the user's groups or of the user that is due within {@value #DUE_SOON_DAYS}
 * days, or already past its due date), the last two sorted by due date.
 *
 * <p>On every start each filter is created when none of its name exists, so a database that has the
 * older filters gets the newer ones too; a filter that exists is left as it is (an administrator may
 * have changed it in Tasklist). The queries hold expressions that the engine evaluates each time the
 * filter is run, for the user who runs it: {@code currentUser()}, {@code currentUserGroups()},
 * {@code now()} and {@code dateTime()} (a Joda {@code DateTime} of now).
 */
@Component
@Order(1)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_GROUPS = "我组的任务 My group's tasks";
  public static final String MINE = "我的任务 My tasks";
  public static final String DUE_SOON = "即将到期 Due soon";
  public static final String OVERDUE = "已逾期 Overdue";

  /** "Due soon" means due within this many days from now. */
  public static final int DUE_SOON_DAYS = 3;

  private static final String CURRENT_USER = "${currentUser()}";
  private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  private static final String NOW = "${now()}";
  private static final String DUE_SOON_LIMIT = "${dateTime().plusDays(" + DUE_SOON_DAYS + ").toDate()}";

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Map.Entry<String, Supplier<Filter>> filter : definitions().entrySet()) {
      if (filters.createFilterQuery().filterName(filter.getKey()).count() == 0) {
        filters.saveFilter(filter.getValue().get());
        LOG.info("Tasklist filter created: {}", filter.getKey());
      }
    }
  }

  /** Every filter by name, in the order of their priority in Tasklist. */
  Map<String, Supplier<Filter>> definitions() {
    Map<String, Supplier<Filter>> definitions = new LinkedHashMap<>();
    definitions.put(MINE, () -> filters.newTaskFilter(MINE)
        .setQuery(tasks.createTaskQuery().taskAssigneeExpression(CURRENT_USER))
        .setProperties(properties(0, "我已认领的任务 Tasks I have claimed")));
    definitions.put(MY_GROUPS, () -> filters.newTaskFilter(MY_GROUPS)
        .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
            .includeAssignedTasks())
        .setProperties(properties(1, "待本组办理的任务 Work waiting for my groups")));
    definitions.put(DUE_SOON, () -> filters.newTaskFilter(DUE_SOON)
        .setQuery(mineOrMyGroups().dueAfterExpression(NOW).dueBeforeExpression(DUE_SOON_LIMIT)
            .orderByDueDate().asc())
        .setProperties(properties(2, "本组或我的任务，" + DUE_SOON_DAYS + "天内到期 "
            + "Work of my groups or mine due within the next " + DUE_SOON_DAYS + " days")));
    definitions.put(OVERDUE, () -> filters.newTaskFilter(OVERDUE)
        .setQuery(mineOrMyGroups().dueBeforeExpression(NOW).orderByDueDate().asc())
        .setProperties(properties(3, "本组或我的任务，已过到期日 Work of my groups or mine past its due date")));
    return definitions;
  }

  /** Tasks of any of the user's groups, claimed or not, or assigned to the user. */
  private TaskQuery mineOrMyGroups() {
    return tasks.createTaskQuery()
        .or()
          .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
          .includeAssignedTasks()
          .taskAssigneeExpression(CURRENT_USER)
        .endOr();
  }

  private static Map<String, Object> properties(int priority, String description) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "headName", "label", "户主 Head of household"),
        Map.of("name", "village", "label", "行政村 Village"),
        Map.of("name", "townshipName", "label", "乡镇 Township")));
    return properties;
  }
}
