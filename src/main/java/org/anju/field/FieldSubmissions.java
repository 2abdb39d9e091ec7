package org.anju.field;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.anju.clock.AnjuClock;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completions from the field page, once each: a submission's id (made on the phone) is written in the same
 * transaction as the engine completes the task, so a send repeated after a lost answer finds it and answers the
 * first outcome, and a refused submission leaves neither the row nor any change to the case.
 */
@Component
class FieldSubmissions {

  static final String COMPLETED = "COMPLETED";

  /** A submission that completed its task. */
  record Submission(String submissionId, String taskId, String userId, String outcome, Instant submittedAt) {}

  /** Thrown when another send of the same submission got there first. */
  static final class AlreadySent extends RuntimeException {
    AlreadySent() {
      super(null, null, false, false);
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final FormService forms;
  private final TaskService tasks;

  FieldSubmissions(JdbcTemplate jdbc, TransactionTemplate transactions, FormService forms, TaskService tasks) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.forms = forms;
    this.tasks = tasks;
  }

  Optional<Submission> find(String submissionId) {
    return jdbc.query("select submission_id, task_id, user_id, outcome, submitted_at from field_submission where "
        + "submission_id = ?", (r, n) -> new Submission(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        r.getTimestamp(5).toInstant()), submissionId).stream().findFirst();
  }

  /**
   * Claims the task for the user if it is unclaimed (as Tasklist does before a completion) and submits its form as
   * the logged-in user, through the engine and so through its rules; all in one transaction with the row.
   */
  Submission complete(String submissionId, Task task, String userId, Map<String, Object> variables) {
    Instant now = AnjuClock.now();
    try {
      transactions.executeWithoutResult(status -> {
        jdbc.update("insert into field_submission (submission_id, task_id, user_id, outcome, submitted_at) values "
            + "(?,?,?,?,?)", submissionId, task.getId(), userId, COMPLETED, Timestamp.from(now));
        if (task.getAssignee() == null) {
          tasks.claim(task.getId(), userId);
        }
        forms.submitTaskForm(task.getId(), variables);
      });
    } catch (DuplicateKeyException repeated) {
      throw new AlreadySent();
    }
    return new Submission(submissionId, task.getId(), userId, COMPLETED, now);
  }
}
