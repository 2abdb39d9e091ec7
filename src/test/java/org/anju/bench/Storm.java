package org.anju.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.anju.escalation.NotificationLog;
import org.anju.escalation.OverdueScan;
import org.anju.campaign.HousingCampaignProcess;
import org.anju.household.HouseholdCaseProcess;
import org.anju.rectification.ProblemRectificationProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end-of-May deadline passes with every registered case still open: the engine's clock is moved
 * to the morning after the completion deadline and the job executor (running as in production) is
 * told that jobs are due. Drained means: every overdue step has its incident, every notification has
 * been delivered, and no job is left to execute.
 */
final class Storm {

  /** What the storm left, and how long it took to get there. */
  record Figures(double seconds, boolean drained, long overdueSteps, long incidents, long notifications,
      long undelivered, long failedJobs, long supervisionTasks) {}

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  Storm(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  Figures run(LocalDate completionDeadline, long timeoutSeconds) throws InterruptedException {
    Date after = Date.from(completionDeadline.plusDays(1).atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant());
    long started = System.nanoTime();
    ClockUtil.setCurrentTime(after);
    // in production the acquisition thread wakes on its own within its wait time; here the clock jumped
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    Figures figures = observe(started, false);
    long nextReport = 10;
    while (!figures.drained() && figures.seconds() < timeoutSeconds) {
      Thread.sleep(250);
      figures = observe(started, false);
      if (figures.seconds() > nextReport) { // a storm that does not drain says where it stands
        System.err.println("storm after " + nextReport + " s: " + figures + ", executable jobs "
            + engine.getManagementService().createJobQuery().executable().list().stream()
                .map(j -> j.getProcessDefinitionKey() + "/" + ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j)
                    .getJobHandlerType() + "/" + j.getDuedate()).distinct().toList()
            + ", jobs waiting for a retry " + engine.getManagementService().createJobQuery().withException()
                .withRetriesLeft().list().stream().map(j -> j.getProcessDefinitionKey() + "/" + j.getDuedate()
                    + "/" + j.getExceptionMessage()).distinct().toList());
        nextReport += 10;
      }
    }
    return observe(started, figures.drained());
  }

  private Figures observe(long started, boolean done) {
    double seconds = (System.nanoTime() - started) / 1e9;
    long overdue = engine.getTaskService().createTaskQuery().processDefinitionKeyIn(HouseholdCaseProcess.KEY,
        ProblemRectificationProcess.KEY, HousingCampaignProcess.KEY).dueBefore(ClockUtil.getCurrentTime()).count();
    long incidents = engine.getRuntimeService().createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE).count();
    // the engine's nightly history cleanup is no part of the storm: with the clock held still it stays due
    long cleanup = engine.getHistoryService().findHistoryCleanupJobs().stream()
        .filter(job -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())).count();
    long executable = engine.getManagementService().createJobQuery().executable().count() - cleanup;
    long failed = engine.getManagementService().createJobQuery().noRetriesLeft().count();
    long notifications = count("select count(*) from notification");
    long undelivered = count("select count(*) from notification where status <> '" + NotificationLog.DELIVERED + "'");
    long supervision = engine.getTaskService().createTaskQuery().processDefinitionKey(HousingCampaignProcess.KEY)
        .count();
    boolean drained = done || (overdue > 0 && incidents >= overdue && executable == 0 && undelivered == 0);
    return new Figures(seconds, drained, overdue, incidents, notifications, undelivered, failed, supervision);
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
