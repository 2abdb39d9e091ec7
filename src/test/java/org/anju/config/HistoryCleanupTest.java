package org.anju.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.escalation.OverdueWatchProcess;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine's history cleanup runs every night in China's small hours and keeps the case files. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HistoryCleanupTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  HouseholdCases households;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldScheduleTheCleanupForOneToFiveInTheMorningInBeijing() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String oneInBeijing = LocalTime.of(1, 0).atDate(java.time.LocalDate.now()).atZone(ZoneId.of("Asia/Shanghai"))
        .withZoneSameInstant(ZoneId.systemDefault()).toLocalTime().toString();

    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo(oneInBeijing);
    assertThat(engine.getHistoryService().findHistoryCleanupJobs()).as("the nightly cleanup job").isNotEmpty();
  }

  @Test
  void shouldRemoveTheOverdueWatchsFinishedRunsAndKeepAFinishedHouseholdCase() {
    Job watch = engine.getManagementService().createJobQuery().processDefinitionKey(OverdueWatchProcess.KEY).timers()
        .singleResult();
    engine.getManagementService().executeJob(watch.getId());
    String run = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(OverdueWatchProcess.KEY)
        .finished().orderByProcessInstanceEndTime().desc().listPage(0, 1).get(0).getId();
    ProcessInstance household = households.register(DemoSteps.registration(DemoUsers.KELAN, "清理测试户", "宋家沟村",
        KeyGroup.POOR, 700 + ThreadLocalRandom.current().nextInt(200), false));
    var identification = engine.getTaskService().createTaskQuery().processInstanceId(household.getId()).singleResult();
    engine.getTaskService().complete(identification.getId(), Map.of(Vars.IDENTITY_CONFIRMED, false,
        Vars.IDENTITY_REMARKS, "已脱贫退出 Left the register"));

    // a week and a day later: past the overdue watch's seven days, far inside the case's thirty years
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(run).count())
        .as("the overdue watch's run").isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(household.getId())
        .finished().count()).as("the finished household case").isEqualTo(1);
  }
}
