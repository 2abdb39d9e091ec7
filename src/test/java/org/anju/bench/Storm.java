package org.anju.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.anju.escalation.NotificationLog;
import org.anju.escalation.OverdueScan;
import org.anju.escalation.OverdueWatchProcess;
import org.anju.campaign.HousingCampaignProcess;
import org.anju.household.HouseholdCaseProcess;
import org.anju.rectification.ProblemRectificationProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
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

  /**
   * The scale run's overdue scan of the whole province: the overdue incidents and notifications of an earlier
   * step resolved and cleared, so that each step's scan starts from nothing as the first after a deadline does;
   * the clock moved to one day after the latest due date of an open step (before any campaign deadline, so no
   * case timer fires with it) and past the watch's next run, and the job executor told.
   */
  Figures scanWholeProvince(long timeoutSeconds) throws InterruptedException {
    clearEarlierScan();
    Date latestDue = engine.getTaskService().createTaskQuery().processDefinitionKeyIn(HouseholdCaseProcess.KEY,
        ProblemRectificationProcess.KEY).orderByDueDate().desc().listPage(0, 1).get(0).getDueDate();
    Date nextWatch = engine.getManagementService().createJobQuery().processDefinitionKey(OverdueWatchProcess.KEY)
        .timers().singleResult().getDuedate();
    Date at = new Date(Math.max(latestDue.getTime() + 86_400_000L, nextWatch.getTime() + 1_000));
    long started = System.nanoTime();
    ClockUtil.setCurrentTime(at);
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    Figures figures = observe(started, false);
    while (!figures.drained() && figures.seconds() < timeoutSeconds) {
      Thread.sleep(250);
      figures = observe(started, false);
    }
    return figures;
  }

  private void clearEarlierScan() {
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    List<String> batch;
    do { // a thousand per transaction, never all of a province's in memory at once
      batch = engine.getRuntimeService().createIncidentQuery().incidentType(OverdueScan.INCIDENT_TYPE)
          .listPage(0, 1_000).stream().map(Incident::getId).toList();
      List<String> resolving = batch;
      commands.execute(context -> {
        resolving.forEach(engine.getRuntimeService()::resolveIncident);
        return null;
      });
    } while (!batch.isEmpty());
    jdbc.update("delete from notification_recipient");
    jdbc.update("delete from notification");
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
