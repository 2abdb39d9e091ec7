package org.anju.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.anju.escalation.OverdueCountyScanProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The county scans a run of the overdue watch requested ({@code overdue-county-scan}), executed as the job
 * executor of any node would: the tests run without one.
 */
public final class CountyScans {

  private CountyScans() {}

  /** Executes every waiting county scan; each must end, having passed every element of its model. Returns their tenants. */
  public static List<String> execute(ProcessEngine engine) {
    List<Job> jobs = engine.getManagementService().createJobQuery()
        .processDefinitionKey(OverdueCountyScanProcess.KEY).withRetriesLeft().list();
    for (Job job : jobs) {
      engine.getManagementService().executeJob(job.getId());
    }
    List<String> ids = jobs.stream().map(Job::getProcessInstanceId).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<HistoricProcessInstance> scans = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceIds(new java.util.HashSet<>(ids)).list();
    for (HistoricProcessInstance scan : scans) {
      assertThat(scan.getState()).as("county scan %s", scan.getBusinessKey()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(scan.getId()).list())
          .extracting(HistoricActivityInstance::getActivityId).contains(
              OverdueCountyScanProcess.Elements.START_COUNTY_SCAN_REQUESTED,
              OverdueCountyScanProcess.Elements.SERVICE_SCAN_COUNTY_OVERDUE_STEPS,
              OverdueCountyScanProcess.Elements.END_COUNTY_SCANNED);
    }
    return scans.stream().map(scan -> scan.getBusinessKey().substring(scan.getBusinessKey().lastIndexOf('-') + 1))
        .toList();
  }
}
