package org.anju.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every role needs, created once: "my group's tasks" (the work waiting for any
 * of the user's groups) and "my tasks" (what the user has claimed), each listing the household.
 */
@Component
@Order(1)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_GROUPS = "我组的任务 My group's tasks";
  public static final String MINE = "我的任务 My tasks";

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (filters.createFilterQuery().filterName(MY_GROUPS).count() > 0) {
      return;
    }
    Filter group = filters.newTaskFilter(MY_GROUPS)
        .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks())
        .setProperties(properties(1, "待本组办理的任务 Work waiting for my groups"));
    Filter mine = filters.newTaskFilter(MINE)
        .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"))
        .setProperties(properties(0, "我已认领的任务 Tasks I have claimed"));
    filters.saveFilter(mine);
    filters.saveFilter(group);
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
