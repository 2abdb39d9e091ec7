package org.anju.escalation;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.anju.access.RoleGroups;
import org.anju.demo.CaseWalker;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.support.PostgresAvailable;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overdue steps ({@link OverdueEscalation}) on PostgreSQL, with the {@code postgres} profile as
 * production runs it: the incident, the notifications up the chain exactly once, the log per county,
 * the incident resolved by completing the step; and a county's scan that meets a case changed by another
 * transaction meanwhile, as at the end-of-May deadline, when every case's deadline timer fires with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = OverdueEscalation.COUNTY_LIMIT_PROPERTY)
@ActiveProfiles({"test", "postgres"})
@EnabledIf("org.anju.support.PostgresAvailable#orRequiredByCi")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadlinesOnPostgresTest extends OverdueEscalation {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresAvailable.register(registry);
  }

  @Autowired
  DataSource dataSource;
  @Autowired
  OverdueScan scan;

  @Test
  void aCountyScanMeetingACaseChangedMeanwhileStillGivesEveryStepItsIncidentAndNotifiesOnce() throws Exception {
    ProcessInstance pi = register(KELAN, "贾海生", "水峪贯村", KeyGroup.DIBAO, false);
    Task task = new CaseWalker(engine, demoDocuments).walkTo(pi.getId(), TASK_VERIFY_HOUSING);
    Instant now = task.getDueDate().toInstant().plus(Duration.ofDays(1));
    clockAt(now);

    OverdueScan.Result result;
    try (Connection other = dataSource.getConnection()) {
      // another transaction changes the step's execution and holds its row, as the case's timer does while it fires
      other.setAutoCommit(false);
      try (PreparedStatement change = other.prepareStatement("update act_ru_execution set rev_ = rev_ + 1 where id_ = ?")) {
        change.setString(1, task.getExecutionId());
        assertThat(change.executeUpdate()).isEqualTo(1);
      }
      CompletableFuture<OverdueScan.Result> scanning =
          CompletableFuture.supplyAsync(() -> scan.scanCounty(engine, RoleGroups.tenant(KELAN.countyCode()), now));
      awaitScanWaitingForTheRow(scanning);
      other.commit();
      result = scanning.get(60, TimeUnit.SECONDS);
    }

    assertThat(result.overdueSteps()).isGreaterThanOrEqualTo(1);
    assertThat(overdueIncidents(pi)).as("the step's incident, though its first transaction failed").hasSize(1);
    assertThat(overdueIncidents(pi).get(0).getConfiguration()).isEqualTo(task.getId());
    assertThat(levels(pi.getBusinessKey())).as("the holder told once").containsExactly(0);
  }

  /** The scan's update of the execution's row waits for the other transaction's lock. */
  private void awaitScanWaitingForTheRow(CompletableFuture<?> scanning) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      Long waiting = jdbc.queryForObject(
          "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
          Long.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      assertThat(scanning).as("the scan waits for the changed row").isNotDone();
      Thread.sleep(50);
    }
    throw new AssertionError("the scan never reached the step's execution row");
  }
}
