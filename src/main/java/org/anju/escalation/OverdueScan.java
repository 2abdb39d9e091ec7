package org.anju.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Finds the steps past their due date. Each gets one {@code overdue} incident on its execution, for
 * Cockpit, and its notifications: to the holder at once, to each next level after each grace period;
 * each at most once, however often the scan runs and on however many nodes.
 */
@Service
public class OverdueScan {

  public static final String INCIDENT_TYPE = "overdue";
  static final String[] WATCHED = {"household-case", "problem-rectification", "housing-campaign"};

  private static final Logger LOG = LoggerFactory.getLogger(OverdueScan.class);

  private final Notifier notifier;
  private final EscalationSettings settings;

  public OverdueScan(Notifier notifier, EscalationSettings settings) {
    this.notifier = notifier;
    this.settings = settings;
  }

  /** What one scan did. */
  public record Result(int overdueSteps, int incidentsRaised, int notificationsRecorded) {}

  public Result scan(ProcessEngineServices engine, Instant now) {
    List<Task> overdue = engine.getTaskService().createTaskQuery().processDefinitionKeyIn(WATCHED)
        .dueBefore(Date.from(now)).orderByDueDate().asc().list();
    int incidents = 0;
    int notifications = 0;
    for (Task task : overdue) {
      Map<String, Object> vars = engine.getTaskService().getVariables(task.getId(),
          List.of("headName", "village", "countyCode", "householdId", "countyName", "problemDescription"));
      Duration late = Duration.between(task.getDueDate().toInstant(), now);
      long days = late.toDays();
      String label = label(task, vars);
      String message = label + " · 逾期 " + days + " 天 overdue by " + days + " day(s)";
      if (engine.getRuntimeService().createIncidentQuery().incidentType(INCIDENT_TYPE).configuration(task.getId())
          .count() == 0) {
        engine.getRuntimeService().createIncident(INCIDENT_TYPE, task.getExecutionId(), task.getId(), message);
        incidents++;
      }
      notifications += escalate(engine, task, vars, late, label, message);
    }
    if (!overdue.isEmpty()) {
      LOG.info("Overdue scan: {} overdue steps, {} incidents raised, {} notifications recorded", overdue.size(),
          incidents, notifications);
    }
    return new Result(overdue.size(), incidents, notifications);
  }

  private int escalate(ProcessEngineServices engine, Task task, Map<String, Object> vars, Duration late, String label,
      String message) {
    String county = (String) vars.get("countyCode");
    String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
    EscalationChain chain = EscalationChain.of(task.getAssignee(), group, county);
    long reached = Math.min(chain.levels().size() - 1, late.toMillis() / Math.max(1, settings.grace().toMillis()));
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    String caseKey = instance == null || instance.getBusinessKey() == null ? task.getProcessInstanceId()
        : instance.getBusinessKey();
    int recorded = 0;
    for (int level = 0; level <= reached; level++) {
      EscalationChain.Level to = chain.levels().get(level);
      recorded += notifier.notify(new NotificationRequest(task.getId() + ":" + level, county, caseKey,
          task.getProcessInstanceId(), task.getTaskDefinitionKey(), level, to.groupIds(), to.userId(),
          "逾期 Overdue: " + label, message + "\n案件 Case " + caseKey + " · 应办结 Due " + task.getDueDate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate()
              + "\n通知 To: " + to.title()));
    }
    return recorded;
  }

  private static String label(Task task, Map<String, Object> vars) {
    StringBuilder label = new StringBuilder(task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
    if (vars.get("countyName") instanceof String county && !label.toString().contains(county)) {
      label.append(" · ").append(county);
    }
    return label.toString();
  }
}
