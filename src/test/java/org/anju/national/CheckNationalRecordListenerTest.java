package org.anju.national;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_ARCHIVE_CASE;
import static org.assertj.core.api.Assertions.assertThat;


import org.anju.demo.CaseWalker;
import org.anju.demo.DemoDocuments;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The national record's check where the archive step runs it, on a case the walk-through brought to the archive:
 * run as the engine would run it at the end of the completeness check, inside an engine command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CheckNationalRecordListenerTest {


  @Autowired
  ProcessEngine engine;
  @Autowired
  DemoDocuments demoDocuments;
  @Autowired
  HouseholdCases cases;
  @Autowired
  CheckNationalRecordListener listener;

  @Test
  void shouldPassACompleteCaseAndSendEachGapToTheTownshipByItsField() {
    ProcessInstance complete = walkToArchive("贾存粮");
    ProcessInstance lacking = walkToArchive("贾存仓");
    RuntimeService runtime = engine.getRuntimeService();
    runtime.removeVariable(lacking.getId(), Vars.TOWNSHIP_NAME);
    runtime.setVariable(lacking.getId(), Vars.ARCHIVE_MISSING, Vars.AGREEMENT_NUMBER);

    runListener(complete.getId());
    runListener(lacking.getId());

    assertThat(runtime.getVariable(complete.getId(), CheckNationalRecordListener.NATIONAL_RECORD_GAPS)).isEqualTo("");
    assertThat(runtime.getVariable(complete.getId(), Vars.ARCHIVE_COMPLETE)).isEqualTo(true);
    assertThat(runtime.getVariable(lacking.getId(), CheckNationalRecordListener.NATIONAL_RECORD_GAPS))
        .isEqualTo("A04 乡镇：缺失 / township: missing");
    assertThat(runtime.getVariable(lacking.getId(), Vars.ARCHIVE_COMPLETE)).isEqualTo(false);
    assertThat(runtime.getVariable(lacking.getId(), Vars.ARCHIVE_MISSING))
        .isEqualTo(Vars.AGREEMENT_NUMBER + "," + Vars.TOWNSHIP_NAME);
  }

  private ProcessInstance walkToArchive(String headName) {
    ProcessInstance pi = org.anju.support.TestHouseholds.register(cases, DemoUsers.KELAN, headName, "宋家沟村",
        KeyGroup.DIBAO);
    new CaseWalker(engine, demoDocuments).walkTo(pi.getId(), TASK_ARCHIVE_CASE);
    return pi;
  }

  private void runListener(String processInstanceId) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          listener.notify(context.getExecutionManager().findExecutionById(processInstanceId));
          return null;
        });
  }
}
