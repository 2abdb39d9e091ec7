package org.anju.documents;

import java.util.HashSet;
import java.util.Set;

import org.anju.tasklist.StepEvidence;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records given for a completing user task, read in the completing transaction: the task's row is still
 * in the engine's task table until the command ends, so its id is found from the execution and the step.
 */
public final class TaskDocuments implements StepEvidence {

  private final JdbcTemplate jdbc;
  private final String taskTable;

  public TaskDocuments(JdbcTemplate jdbc, String tablePrefix) {
    this.jdbc = jdbc;
    this.taskTable = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_TASK";
  }

  @Override
  public Set<String> recordsGiven(DelegateExecution execution) {
    return new HashSet<>(jdbc.queryForList("select distinct d.record from case_document d join " + taskTable
        + " t on t.ID_ = d.task_id where t.EXECUTION_ID_ = ? and t.TASK_DEF_KEY_ = ?", String.class,
        execution.getId(), execution.getCurrentActivityId()));
  }
}
