package org.anju.relocation;

import static org.anju.relocation.RelocationFollowUpProcess.Elements.*;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.anju.ProcessTestEngine;
import org.anju.clock.AnjuClock;
import org.anju.household.HouseholdCaseProcess;
import org.anju.rectification.ProblemRectificationProcess;
import org.anju.relocation.RelocationFollowUpProcess.Vars;
import org.anju.support.Refused;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of {@code relocation-follow-up}, one test each, on the real delegates, step rule and problem
 * ledger: started as the household case starts it (its service task, in a test-only model), visits driven by
 * moving the engine's clock to each configured month after the move-in. The county's tenant and who sees the
 * visit are {@link RelocationFollowUpIsolationTest}'s, on the whole application.
 */
@Deployment(resources = {RelocationFollowUpProcess.RESOURCE, ProblemRectificationProcess.RESOURCE,
    RelocationFollowUpProcessTest.CASE_STUB, "forms/relocation-follow-up-visit.form"})
class RelocationFollowUpProcessTest {

  /** The household case's part after the relocation is confirmed: its new service task and nothing else. */
  static final String CASE_STUB = "relocation/relocation-confirmed-stub.bpmn";
  static final String CASE_STUB_KEY = "relocation-confirmed-stub";

  static final ProcessTestEngine ENGINE = new ProcessTestEngine("relocationFollowUpProcessTest");
  static final AtomicInteger SEQUENCE = new AtomicInteger(500);

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration())
      .excludeProcessDefinitionKeys(ProblemRectificationProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String COUNTY = "140929";
  static final String TOWNSHIP = "140929102";
  static final String HEAD = "王秀英";
  static final String VILLAGE = "宋家沟村";
  static final String SITE = "县城广惠园移民新区 Guanghuiyuan resettlement area";

  ProcessEngine engine;
  String householdId;
  LocalDate moveIn;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    householdId = COUNTY + "-2026-" + "%06d".formatted(SEQUENCE.incrementAndGet());
    moveIn = AnjuClock.today();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldStartOneFollowUpPerHouseholdInItsCountyWaitingForTheFirstVisit() {
    ProcessInstance followUp = confirmRelocation();

    assertThat(followUp.getBusinessKey()).isEqualTo(householdId);
    assertThat(followUp).isWaitingAt(TIMER_VISIT_DUE).variables()
        .containsEntry(Vars.HEAD_NAME, HEAD).containsEntry(Vars.RELOCATION_SITE, SITE)
        .containsEntry(Vars.MOVE_IN_DATE, moveIn.toString()).containsEntry(Vars.TOWNSHIP_GROUP, "township" + TOWNSHIP)
        .containsEntry(Vars.FOLLOW_UP_MONTHS, "3,6,12");
    assertThat(visitTimer(followUp).getDuedate()).isEqualTo(AnjuClock.startOf(moveIn.plusMonths(3)));

    // the case's step run again (a retry, a replay) starts no second follow-up
    startCaseStub();
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(RelocationFollowUpProcess.KEY)
        .processInstanceBusinessKey(householdId).count()).isEqualTo(1);
  }

  @Test
  void shouldVisitAtThreeSixAndTwelveMonthsAfterMoveInAndFinishWhenEveryVisitPassed() {
    ProcessInstance followUp = confirmRelocation();

    for (int months : List.of(3, 6, 12)) {
      Task visit = visitDueAfter(followUp, months);
      assertThat(visit).hasCandidateGroup("township" + TOWNSHIP)
          .hasName("后续扶持回访 Relocation follow-up visit · " + HEAD + " · " + VILLAGE + " · 入住 " + months
              + " 个月回访 " + months + "-month visit");
      assertThat(taskService().getVariable(visit.getId(), Vars.LIVES_IN_NEW_HOME)).as("asked afresh").isNull();
      complete(visit, passedVisit());
    }

    assertThat(followUp).isEnded().hasPassed(END_VISIT_PASSED, END_FOLLOW_UP_FINISHED)
        .hasNotPassed(SERVICE_OPEN_FOLLOW_UP_PROBLEM);
    assertThat(rectificationsOf(householdId)).isEmpty();
    assertThat(historicValues(followUp, Vars.FOLLOW_UP_PASSED)).containsExactly(true, true, true);
  }

  @Test
  void shouldOpenARectificationForAFailedVisitAndGoOnToTheNextVisitWithoutWaiting() {
    ProcessInstance followUp = confirmRelocation();
    Task visit = visitDueAfter(followUp, 3);
    Map<String, Object> failed = passedVisit();
    failed.put(Vars.LIVES_IN_NEW_HOME, false);
    failed.put(Vars.OLD_HOME_DEMOLISHED, false);
    failed.put(Vars.FOLLOW_UP_REMARKS, "冬季回老宅居住 Back in the old house for the winter");

    complete(visit, failed);

    assertThat(followUp).hasPassed(SERVICE_OPEN_FOLLOW_UP_PROBLEM, END_PROBLEM_OPENED).isWaitingAt(TIMER_VISIT_DUE);
    assertThat(visitTimer(followUp).getDuedate()).isEqualTo(AnjuClock.startOf(moveIn.plusMonths(6)));
    ProcessInstance rectification = single(rectificationsOf(householdId));
    assertThat(historicValues(followUp, Vars.RECTIFICATION_INSTANCE_ID)).containsExactly(rectification.getId());
    String visitOf = "（易地搬迁户 " + HEAD + "，" + householdId + "，入住 3 个月回访）";
    assertThat(ENGINE.domain().jdbc().queryForList(
        "select description from problem where process_instance_id = ? order by id", String.class, rectification.getId()))
        .containsExactly("未在新居居住 not living in the new home" + visitOf, "旧房未拆除 old house not demolished" + visitOf);
    // a check of the township's kind: the village rectifies each problem, the township verifies, the county closes out
    List<Task> rectify = taskService().createTaskQuery().processInstanceId(rectification.getId()).list();
    assertThat(rectify).hasSize(2).allSatisfy(task -> assertThat(task)
        .hasDefinitionKey(ProblemRectificationProcess.Elements.TASK_RECTIFY_PROBLEM).hasCandidateGroup("village" + TOWNSHIP));
    assertThat(rectification).variables()
        .containsEntry(ProblemRectificationProcess.Vars.VERIFIER_GROUP, "township" + TOWNSHIP)
        .containsEntry(ProblemRectificationProcess.Vars.CLOSER_GROUP, "housing" + COUNTY)
        .containsEntry(ProblemRectificationProcess.Vars.CHECK_SCOPE, "易地扶贫搬迁后续扶持回访：入住 3 个月"
            + " Relocation follow-up visit, 3 months after move-in\n回访说明 Remarks: 冬季回老宅居住 Back in the old house for the winter");

    // the next visit comes on time while the rectification is still open
    complete(visitDueAfter(followUp, 6), passedVisit());
    assertThat(rectification).isNotEnded();
  }

  @Test
  void shouldRefuseAVisitWithoutItsAnswersNamingEachFieldAndKeepNothing() {
    ProcessInstance followUp = confirmRelocation();
    Task visit = visitDueAfter(followUp, 3);

    assertThatThrownBy(() -> taskService().complete(visit.getId(), Map.of(Vars.FOLLOW_UP_REMARKS, "")))
        .isInstanceOf(FormFieldValidationException.class)
        .satisfies(Refused.naming(Vars.VISIT_DATE + ": is required"))
        .satisfies(Refused.naming(Vars.VISITOR_NAME + ": is required"))
        .satisfies(Refused.naming(Vars.LIVES_IN_NEW_HOME + ": is required"))
        .satisfies(Refused.naming(Vars.LIVELIHOOD + ": is required"))
        .satisfies(Refused.naming(Vars.OLD_HOME_DEMOLISHED + ": is required"))
        .satisfies(Refused.naming(Vars.LAND_RECLAIMED + ": is required"));

    assertThat(followUp).isWaitingAt(TASK_FOLLOW_UP_VISIT);
    assertThat(task(followUp).getId()).isEqualTo(visit.getId());
    assertThat(taskService().getVariable(visit.getId(), Vars.FOLLOW_UP_REMARKS)).isNull();
  }

  @Test
  void shouldRefuseAVisitThatFoundNoWorkOrSupportWithoutRemarks() {
    ProcessInstance followUp = confirmRelocation();
    Task visit = visitDueAfter(followUp, 3);
    Map<String, Object> values = passedVisit();
    values.put(Vars.LIVELIHOOD, RelocationFollowUpProcess.Livelihood.NONE.name());

    assertThatThrownBy(() -> taskService().complete(visit.getId(), values))
        .satisfies(Refused.naming(Vars.FOLLOW_UP_REMARKS + ": is required when any answer is no"));
    values.put(Vars.LIVELIHOOD, "FARMING");
    assertThatThrownBy(() -> taskService().complete(visit.getId(), values)).satisfies(Refused.naming(Vars.LIVELIHOOD
        + ": must be one of [EMPLOYMENT, NONE, PUBLIC_WELFARE_JOB, SOCIAL_SUPPORT], not 'FARMING'"));

    assertThat(followUp).isWaitingAt(TASK_FOLLOW_UP_VISIT);
    assertThat(rectificationsOf(householdId)).isEmpty();
  }

  @Test
  void shouldRefuseAVisitDatedInTheFutureOrBeforeTheMoveIn() {
    ProcessInstance followUp = confirmRelocation();
    Task visit = visitDueAfter(followUp, 3);
    LocalDate tomorrow = AnjuClock.today().plusDays(1);
    LocalDate beforeMoveIn = moveIn.minusDays(1);
    Map<String, Object> values = passedVisit();

    values.put(Vars.VISIT_DATE, tomorrow.toString());
    assertThatThrownBy(() -> taskService().complete(visit.getId(), values))
        .satisfies(Refused.naming(Vars.VISIT_DATE + ": must not be in the future (" + tomorrow + ")"));
    values.put(Vars.VISIT_DATE, beforeMoveIn.toString());
    assertThatThrownBy(() -> taskService().complete(visit.getId(), values)).satisfies(Refused.naming(
        Vars.VISIT_DATE + ": (" + beforeMoveIn + ") must not be before the move-in date (" + moveIn + ")"));

    assertThat(followUp).isWaitingAt(TASK_FOLLOW_UP_VISIT);
  }

  // --- the case's confirmation, the clock and the visits

  /** The household case's relocation confirmed, with its variables as the case names them: the follow-up it started. */
  private ProcessInstance confirmRelocation() {
    startCaseStub();
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(RelocationFollowUpProcess.KEY)
        .processInstanceBusinessKey(householdId).singleResult();
  }

  private void startCaseStub() {
    Map<String, Object> caseVariables = new HashMap<>();
    caseVariables.put(HouseholdCaseProcess.Vars.HOUSEHOLD_ID, householdId);
    caseVariables.put(HouseholdCaseProcess.Vars.HEAD_NAME, HEAD);
    caseVariables.put(HouseholdCaseProcess.Vars.CITY_CODE, "1409");
    caseVariables.put(HouseholdCaseProcess.Vars.COUNTY_CODE, COUNTY);
    caseVariables.put(HouseholdCaseProcess.Vars.COUNTY_NAME, "岢岚县");
    caseVariables.put(HouseholdCaseProcess.Vars.TOWNSHIP_CODE, TOWNSHIP);
    caseVariables.put(HouseholdCaseProcess.Vars.TOWNSHIP_NAME, "宋家沟镇");
    caseVariables.put(HouseholdCaseProcess.Vars.VILLAGE, VILLAGE);
    caseVariables.put(HouseholdCaseProcess.Vars.RELOCATION_SITE, SITE);
    caseVariables.put(HouseholdCaseProcess.Vars.MOVE_IN_DATE, moveIn.toString());
    assertThat(runtimeService().startProcessInstanceByKey(CASE_STUB_KEY, householdId, caseVariables)).isEnded();
  }

  /** Moves the engine's clock to the visit's day, when its timer becomes due (not before), and fires it. */
  private Task visitDueAfter(ProcessInstance followUp, int months) {
    Job timer = visitTimer(followUp);
    Date due = AnjuClock.startOf(moveIn.plusMonths(months));
    assertThat(timer.getDuedate()).isEqualTo(due);
    ClockUtil.setCurrentTime(Date.from(due.toInstant().minus(Duration.ofMinutes(1))));
    assertThat(managementService().createJobQuery().processInstanceId(followUp.getId()).executable().count())
        .as("no visit before %s", due).isZero();
    ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofHours(9))));
    assertThat(managementService().createJobQuery().processInstanceId(followUp.getId()).executable().singleResult())
        .isNotNull();
    execute(timer);
    assertThat(followUp).isWaitingAt(TASK_FOLLOW_UP_VISIT);
    return task(followUp);
  }

  private Job visitTimer(ProcessInstance followUp) {
    assertThat(followUp).isWaitingAt(TIMER_VISIT_DUE);
    return managementService().createJobQuery().processInstanceId(followUp.getId()).timers().singleResult();
  }

  /** Every answer yes, visited today, as the township clerk submits the form. */
  private static Map<String, Object> passedVisit() {
    Map<String, Object> values = new HashMap<>(RelocationSteps.STEPS.get(0).demoValues().apply(AnjuClock.today()));
    values.put(Vars.VISIT_DATE, AnjuClock.today().toString());
    return values;
  }

  private List<ProcessInstance> rectificationsOf(String businessKey) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(ProblemRectificationProcess.KEY)
        .processInstanceBusinessKey(businessKey).list();
  }

  private static ProcessInstance single(List<ProcessInstance> instances) {
    assertThat(instances).hasSize(1);
    return instances.get(0);
  }

  private List<Object> historicValues(ProcessInstance followUp, String variable) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(followUp.getId())
        .variableName(variable).list().stream().map(HistoricVariableInstance::getValue)
        .filter(value -> value != null).toList();
  }
}
