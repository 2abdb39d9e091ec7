package org.anju.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts of the engine's open work, read in a handful of cheap queries: open and overdue user tasks
 * grouped by process and step (one grouped SQL query on the task table, since the task query cannot
 * group), open incidents grouped by type (likewise), jobs without retries and open cases per process
 * (the engine's queries with {@code count()}). Plain SQL that runs on H2 and PostgreSQL alike; table
 * names come from the engine, with its table prefix if one is configured.
 *
 * <p>Every user task of the latest version of each deployed process, every deployed process key and
 * every incident type in {@link #INCIDENT_TYPES} is in the counts, at 0 when nothing is open, so that
 * a dashboard sees a zero rather than a missing series.
 */
class CaseCounts {

  /**
   * Incident types always counted: the engine's own two (a job or an external task out of retries) and
   * {@code overdue}, Anju's incident on a step past its due date. Any other type is counted when open.
   */
  static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask", "overdue");

  /** A step: process definition key and task definition key. */
  record Step(String process, String step) {}

  /** The counts at one moment. */
  record Snapshot(Instant at, Map<Step, Long> openTasks, Map<Step, Long> overdueTasks,
      Map<String, Long> openIncidents, long jobsWithoutRetries, Map<String, Long> openCases) {

    static Snapshot empty() {
      return new Snapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), 0, Map.of());
    }
  }

  private static final Comparator<Step> STEP_ORDER = Comparator.comparing(Step::process).thenComparing(Step::step);

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  /** The user tasks of each process definition, by definition id: models never change once deployed. */
  private final Map<String, List<String>> userTasksByDefinition = new ConcurrentHashMap<>();

  CaseCounts(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** Reads every count now. Call without an authenticated user, or authorization narrows the counts. */
  Snapshot read() {
    Date now = ClockUtil.getCurrentTime();
    List<ProcessDefinition> latest = engine.getRepositoryService().createProcessDefinitionQuery()
        .latestVersion().list();

    Map<Step, Long> openTasks = new TreeMap<>(STEP_ORDER);
    Map<Step, Long> overdueTasks = new TreeMap<>(STEP_ORDER);
    for (ProcessDefinition definition : latest) {
      for (String step : userTasksOf(definition)) {
        openTasks.put(new Step(definition.getKey(), step), 0L);
        overdueTasks.put(new Step(definition.getKey(), step), 0L);
      }
    }
    String tasks = tableName(TaskEntity.class);
    String definitions = tableName(ProcessDefinitionEntity.class);
    jdbc.query("select D.KEY_, T.TASK_DEF_KEY_, count(*), sum(case when T.DUE_DATE_ < ? then 1 else 0 end)"
        + " from " + tasks + " T inner join " + definitions + " D on T.PROC_DEF_ID_ = D.ID_"
        + " group by D.KEY_, T.TASK_DEF_KEY_", row -> {
          Step step = new Step(row.getString(1), row.getString(2));
          openTasks.put(step, row.getLong(3));
          overdueTasks.put(step, row.getLong(4));
        }, new Timestamp(now.getTime()));

    Map<String, Long> incidents = new TreeMap<>();
    INCIDENT_TYPES.forEach(type -> incidents.put(type, 0L));
    jdbc.query("select INCIDENT_TYPE_, count(*) from " + tableName(IncidentEntity.class)
        + " group by INCIDENT_TYPE_", row -> {
          incidents.put(row.getString(1), row.getLong(2));
        });

    long jobsWithoutRetries = engine.getManagementService().createJobQuery().noRetriesLeft().count();

    Map<String, Long> openCases = new TreeMap<>();
    Set<String> keys = new LinkedHashSet<>();
    latest.forEach(definition -> keys.add(definition.getKey()));
    for (String key : keys) {
      openCases.put(key, engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count());
    }
    return new Snapshot(now.toInstant(), openTasks, overdueTasks, incidents, jobsWithoutRetries, openCases);
  }

  private List<String> userTasksOf(ProcessDefinition definition) {
    return userTasksByDefinition.computeIfAbsent(definition.getId(), id ->
        engine.getRepositoryService().getBpmnModelInstance(id).getModelElementsByType(UserTask.class).stream()
            .map(UserTask::getId).sorted().toList());
  }

  private String tableName(Class<?> entity) {
    return engine.getManagementService().getTableName(entity);
  }
}
