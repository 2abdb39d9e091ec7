package org.anju.rectification;

import org.anju.clock.AnjuClock;
import org.anju.support.Refused;
import static org.anju.rectification.ProblemRectificationProcess.Elements.*;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anju.ProcessTestEngine;
import org.anju.escalation.NotificationDeliveryProcess;
import org.anju.rectification.ProblemRectificationProcess.CheckLevel;
import org.anju.rectification.ProblemRectificationProcess.Vars;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of {@code problem-rectification}, the "three three" method, one test each, on the real
 * delegates, step rules and problem ledger.
 */
@Deployment(resources = {ProblemRectificationProcess.RESOURCE, "forms/start-rectification-check.form",
    "forms/conduct-check.form", "forms/rectify-problem.form", "forms/verify-rectification.form",
    "forms/close-out-problem.form", NotificationDeliveryProcess.RESOURCE})
class ProblemRectificationProcessTest {

  static final ProcessTestEngine ENGINE = new ProcessTestEngine("problemRectificationProcessTest");

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration())
      .excludeProcessDefinitionKeys(NotificationDeliveryProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String CITY = "1409";
  static final String COUNTY = "140929";
  static final String TOWNSHIP = "140929102";
  static final String VILLAGE = "宋家沟村";

  static final String VILLAGE_GROUP = "village140929102";
  static final String TOWNSHIP_GROUP = "township140929102";
  static final String HOUSING_GROUP = "housing140929";

  static final String OLD_HOUSE = "王家旧房未拆除";
  static final String LIVESTOCK = "李家人畜未分离";
  static final String TOILET = "张家无卫生厕所";

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
  }

  @Test
  void shouldStartBothRectificationsOfOnePassAtOnceWhileTheVillageCheckGoesOn() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    assertThat(pi.getBusinessKey()).isEqualTo("CHECK-" + COUNTY + "-" + pi.getId());
    assertThat(pi).isWaitingAtExactly(TASK_CONDUCT_CHECK);
    assertThat(task(pi)).hasCandidateGroup(VILLAGE_GROUP).hasName("排查 Conduct check · " + VILLAGE);

    recordProblems(pi, OLD_HOUSE + "\n\n   \n  " + LIVESTOCK + "  \n", null, false);

    assertThat(openSteps(pi)).containsExactlyInAnyOrder(TASK_CONDUCT_CHECK, TASK_RECTIFY_PROBLEM, TASK_RECTIFY_PROBLEM);
    assertThat(pi).variables().doesNotContainKey(Vars.PROBLEMS_FOUND).doesNotContainKey(Vars.RECTIFY_DEADLINE);
    assertThat(openTasks(pi)).extracting(Task::getName).containsExactlyInAnyOrder(
        "排查 Conduct check · " + VILLAGE,
        "整改 Rectify problem · " + VILLAGE + " · " + OLD_HOUSE,
        "整改 Rectify problem · " + VILLAGE + " · " + LIVESTOCK);
    assertThat(task(TASK_CONDUCT_CHECK, pi)).hasCandidateGroup(VILLAGE_GROUP);
    Date defaultDue = startOf(today().plusDays(15));
    assertThat(tasksAt(pi, TASK_RECTIFY_PROBLEM)).hasSize(2).allSatisfy(rectify -> {
      assertThat(rectify).hasCandidateGroup(VILLAGE_GROUP).hasDueDate(defaultDue);
      assertThat(ledger().statusOf(problemIdOf(rectify))).isEqualTo(ProblemLedger.OPEN);
    });
    assertThat(tasksAt(pi, TASK_RECTIFY_PROBLEM)).extracting(t -> ledger().descriptionOf(problemIdOf(t)))
        .containsExactlyInAnyOrder(OLD_HOUSE, LIVESTOCK);
    assertThat(problemCount(pi)).isEqualTo(2);

    // the two rectifications run independently of each other
    rectify(rectifyTaskOf(pi, OLD_HOUSE));
    assertThat(openTasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(
        TASK_CONDUCT_CHECK, TASK_RECTIFY_PROBLEM, TASK_VERIFY_RECTIFICATION);
    assertThat(rectifyTaskOf(pi, LIVESTOCK)).hasCandidateGroup(VILLAGE_GROUP);
  }

  @Test
  void shouldRectifyALaterBatchAlongsideTheFirstThatIsStillOpen() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    recordProblems(pi, OLD_HOUSE + "\n" + LIVESTOCK, null, false);
    rectify(rectifyTaskOf(pi, OLD_HOUSE));

    LocalDate deadline = today().plusDays(5);
    recordProblems(pi, TOILET, deadline.toString(), false);

    assertThat(openTasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(
        TASK_CONDUCT_CHECK, TASK_VERIFY_RECTIFICATION, TASK_RECTIFY_PROBLEM, TASK_RECTIFY_PROBLEM);
    assertThat(rectifyTaskOf(pi, TOILET)).hasCandidateGroup(VILLAGE_GROUP).hasDueDate(startOf(deadline))
        .hasName("整改 Rectify problem · " + VILLAGE + " · " + TOILET);
    assertThat(rectifyTaskOf(pi, LIVESTOCK)).hasDueDate(startOf(today().plusDays(15)));
    assertThat(problemCount(pi)).isEqualTo(3);

    // the later problem may be closed before the earlier ones
    closeProblem(pi, TOILET);
    assertThat(pi).isNotEnded();
    closeProblem(pi, OLD_HOUSE);
    closeProblem(pi, LIVESTOCK);
    assertThat(pi).isWaitingAtExactly(TASK_CONDUCT_CHECK);
    assertThat(ledger().openCount(pi.getId())).isZero();

    recordProblems(pi, null, null, true);
    assertThat(pi).isEnded().hasPassed(END_PROBLEMS_CLOSED, END_CHECK_FINISHED);
  }

  @Test
  void shouldSendTheRectificationBackWhenVerificationRejectsItAndCloseItOutAtTheCounty() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    recordProblems(pi, OLD_HOUSE, null, true);
    Task firstRectify = task(TASK_RECTIFY_PROBLEM, pi);
    String problemId = problemIdOf(firstRectify);
    rectify(firstRectify);

    Task verify = task(TASK_VERIFY_RECTIFICATION, pi);
    assertThat(verify).hasCandidateGroup(TOWNSHIP_GROUP)
        .hasName("复核 Verify rectification · " + VILLAGE + " · " + OLD_HOUSE);
    assertThatThrownBy(() -> taskService().complete(verify.getId(), Map.of(Vars.RECTIFICATION_VERIFIED, false)))
        .isInstanceOf(FormFieldValidationException.class)
        .satisfies(Refused.naming(Vars.VERIFICATION_REMARKS + ": is required when the rectification is not verified"));
    assertThat(openSteps(pi)).containsExactly(TASK_VERIFY_RECTIFICATION);
    assertThat(task(TASK_VERIFY_RECTIFICATION, pi).getId()).isEqualTo(verify.getId());
    assertThat(taskService().getVariable(verify.getId(), Vars.RECTIFICATION_VERIFIED)).isNull();

    complete(verify, Map.of(Vars.RECTIFICATION_VERIFIED, false,
        Vars.VERIFICATION_REMARKS, "旧房仍未拆除 The old house still stands"));

    assertThat(openSteps(pi)).containsExactly(TASK_RECTIFY_PROBLEM);
    Task secondRectify = task(TASK_RECTIFY_PROBLEM, pi);
    assertThat(secondRectify.getId()).isNotEqualTo(firstRectify.getId());
    assertThat(secondRectify).hasCandidateGroup(VILLAGE_GROUP).hasDueDate(firstRectify.getDueDate());
    assertThat(taskService().getVariable(secondRectify.getId(), Vars.VERIFICATION_REMARKS))
        .isEqualTo("旧房仍未拆除 The old house still stands");
    assertThat(ledger().statusOf(problemId)).isEqualTo(ProblemLedger.OPEN);

    rectify(secondRectify);
    Task secondVerify = task(TASK_VERIFY_RECTIFICATION, pi);
    assertThat(taskService().getVariable(secondVerify.getId(), Vars.VERIFICATION_REMARKS)).as("asked afresh").isNull();
    assertThatThrownBy(() -> taskService().complete(secondVerify.getId(), Map.of(Vars.RECTIFICATION_VERIFIED, false)))
        .satisfies(Refused.naming(Vars.VERIFICATION_REMARKS + ": is required when the rectification is not verified"));
    complete(secondVerify, Map.of(Vars.RECTIFICATION_VERIFIED, true));

    assertThat(openSteps(pi)).containsExactly(TASK_CLOSE_OUT_PROBLEM);
    assertThat(task(pi)).hasCandidateGroup(HOUSING_GROUP);
    assertThat(ledger().statusOf(problemId)).isEqualTo(ProblemLedger.OPEN);
    complete(task(pi), Map.of(Vars.CLOSE_OUT_DATE, today().toString(), Vars.CLOSE_OUT_REMARKS, "已销号 Closed"));

    assertThat(pi).isEnded().hasPassed(TASK_CLOSE_OUT_PROBLEM, SERVICE_RECORD_CLOSE_OUT, END_PROBLEM_CLOSED);
    assertThat(ledger().statusOf(problemId)).isEqualTo(ProblemLedger.CLOSED);
    assertThat(ENGINE.domain().jdbc().queryForMap(
        "select rectification_measures, closed_on, close_out_remarks from problem where problem_id = ?", problemId))
        .containsEntry("RECTIFICATION_MEASURES", "已拆除 Demolished")
        .containsEntry("CLOSED_ON", java.sql.Date.valueOf(today()))
        .containsEntry("CLOSE_OUT_REMARKS", "已销号 Closed");
  }

  @Test
  void shouldKeepRunningWhileAProblemIsOpenAfterTheCheckIsFinished() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    recordProblems(pi, OLD_HOUSE, null, false);
    String problemId = problemIdOf(task(TASK_RECTIFY_PROBLEM, pi));

    recordProblems(pi, null, null, true);

    assertThat(pi).isNotEnded().hasPassed(END_CHECK_FINISHED);
    assertThat(openSteps(pi)).containsExactly(TASK_RECTIFY_PROBLEM);
    assertThat(ledger().statusOf(problemId)).isEqualTo(ProblemLedger.OPEN);

    closeProblem(pi, OLD_HOUSE);
    assertThat(pi).isEnded();
    assertThat(ledger().statusOf(problemId)).isEqualTo(ProblemLedger.CLOSED);
  }

  @Test
  void shouldKeepRunningWhenEveryProblemIsClosedButTheCheckIsNotFinished() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    recordProblems(pi, OLD_HOUSE + "\n" + LIVESTOCK, null, false);
    List<String> problemIds = tasksAt(pi, TASK_RECTIFY_PROBLEM).stream().map(t -> problemIdOf(t)).toList();

    closeProblem(pi, OLD_HOUSE);
    closeProblem(pi, LIVESTOCK);

    assertThat(pi).isNotEnded().isWaitingAtExactly(TASK_CONDUCT_CHECK).hasPassed(END_PROBLEMS_CLOSED)
        .hasNotPassed(END_CHECK_FINISHED);
    assertThat(problemIds).allSatisfy(id -> assertThat(ledger().statusOf(id)).isEqualTo(ProblemLedger.CLOSED));

    recordProblems(pi, null, null, true);
    assertThat(pi).isEnded().hasPassed(END_CHECK_FINISHED);
  }

  @Test
  void shouldEndAtOnceWhenTheCheckIsFinishedWithoutProblems() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);

    recordProblems(pi, null, null, true);

    assertThat(pi).isEnded().hasPassed(END_CHECK_FINISHED, END_PROBLEMS_CLOSED).hasNotPassed(TASK_RECTIFY_PROBLEM);
    assertThat(problemCount(pi)).isZero();
  }

  @Test
  void shouldLetTheTownshipCheckTheVillageAndTheVillageRectify() {
    ProcessInstance pi = startCheck(CheckLevel.TOWNSHIP);
    assertThat(task(pi)).hasCandidateGroup(TOWNSHIP_GROUP).hasName("排查 Conduct check · " + VILLAGE);

    recordProblems(pi, OLD_HOUSE, null, true);
    assertThat(task(pi)).hasCandidateGroup(VILLAGE_GROUP)
        .hasName("整改 Rectify problem · " + VILLAGE + " · " + OLD_HOUSE);
    rectify(task(pi));
    assertThat(task(pi)).hasCandidateGroup(TOWNSHIP_GROUP);
    complete(task(pi), Map.of(Vars.RECTIFICATION_VERIFIED, true));
    assertThat(task(pi)).hasCandidateGroup(HOUSING_GROUP);
    complete(task(pi), Map.of(Vars.CLOSE_OUT_DATE, today().toString()));

    assertThat(pi).isEnded();
  }

  @Test
  void shouldLetTheCountySpotCheckTheTownshipWithoutNamingAVillage() {
    Map<String, Object> values = startValues(CheckLevel.COUNTY);
    values.remove(Vars.VILLAGE);
    ProcessInstance pi = formService().submitStartForm(definitionId(), values);
    assertThat(task(pi)).hasCandidateGroup(HOUSING_GROUP).hasName("排查 Conduct check");

    recordProblems(pi, OLD_HOUSE, null, true);
    assertThat(task(pi)).hasCandidateGroup(TOWNSHIP_GROUP).hasName("整改 Rectify problem · " + OLD_HOUSE);
    rectify(task(pi));
    assertThat(task(pi)).hasCandidateGroup(HOUSING_GROUP);
    complete(task(pi), Map.of(Vars.RECTIFICATION_VERIFIED, true));
    assertThat(task(pi)).hasCandidateGroup(HOUSING_GROUP);
    complete(task(pi), Map.of(Vars.CLOSE_OUT_DATE, today().toString()));

    assertThat(pi).isEnded();
  }

  @Test
  void shouldShowOnlyTheBeginningOfALongProblemInTheTaskName() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    String longProblem = "王秀英家旧房未拆除 Old house of Wang Xiuying still stands";

    recordProblems(pi, longProblem, null, true);

    assertThat(task(pi)).hasName("整改 Rectify problem · " + VILLAGE + " · " + longProblem.substring(0, 24) + "…");
    assertThat(ledger().descriptionOf(problemIdOf(task(pi)))).isEqualTo(longProblem);
  }

  @Test
  void shouldDueTheRectificationOnTheDeadlineTheCheckerSets() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    LocalDate deadline = today().plusDays(3);

    recordProblems(pi, OLD_HOUSE + "\n" + LIVESTOCK, deadline.toString(), true);

    assertThat(tasksAt(pi, TASK_RECTIFY_PROBLEM)).hasSize(2)
        .allSatisfy(rectify -> assertThat(rectify).hasDueDate(startOf(deadline)));
    assertThat(taskService().getVariable(tasksAt(pi, TASK_RECTIFY_PROBLEM).get(0).getId(), Vars.RECTIFY_DEADLINE))
        .isEqualTo(deadline.toString());
  }

  @Test
  void shouldRejectAnUnknownCheckLevelAndStartNothing() {
    Map<String, Object> values = startValues(CheckLevel.VILLAGE);
    values.put(Vars.CHECK_LEVEL, "PROVINCE");

    assertStartRefused(values, Vars.CHECK_LEVEL + ": must be one of [COUNTY, TOWNSHIP, VILLAGE], not 'PROVINCE'");
  }

  @Test
  void shouldRejectATownshipOutsideTheCountyAndStartNothing() {
    Map<String, Object> values = startValues(CheckLevel.TOWNSHIP);
    values.put(Vars.TOWNSHIP_CODE, "140926100");

    assertStartRefused(values, Vars.TOWNSHIP_CODE + ": '140926100' is not a township of county 140929 (岢岚县)");
  }

  @Test
  void shouldRejectAVillageCheckWithoutAVillageAndStartNothing() {
    Map<String, Object> values = startValues(CheckLevel.VILLAGE);
    values.put(Vars.VILLAGE, "  ");

    assertStartRefused(values, Vars.VILLAGE + ": is required for a village or township check");
  }

  @Test
  void shouldRejectARectifyDeadlineInThePastAndKeepTheCheckOpen() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    Task check = task(pi);
    LocalDate yesterday = today().minusDays(1);
    Map<String, Object> values = Map.of(Vars.PROBLEMS_FOUND, OLD_HOUSE,
        Vars.RECTIFY_DEADLINE, yesterday.toString(), Vars.CHECK_FINISHED, false);

    assertThatThrownBy(() -> taskService().complete(check.getId(), values))
        .isInstanceOf(FormFieldValidationException.class)
        .satisfies(Refused.naming(Vars.RECTIFY_DEADLINE + ": (" + yesterday + ") must not be in the past"));

    assertThat(pi).isWaitingAtExactly(TASK_CONDUCT_CHECK).variables()
        .doesNotContainKey(Vars.PROBLEMS_FOUND).doesNotContainKey(Vars.RECTIFY_DEADLINE);
    assertThat(task(pi).getId()).isEqualTo(check.getId());
    assertThat(problemCount(pi)).isZero();
  }

  @Test
  void shouldRejectProblemsGivenAtTheStartThatTheLedgerCannotHold() {
    Map<String, Object> values = startValues(CheckLevel.VILLAGE);
    values.put(Vars.PROBLEMS_FOUND, "墙".repeat(201));
    values.put(Vars.RECTIFY_DEADLINE, today().minusDays(1).toString());

    assertStartRefused(values, Vars.PROBLEMS_FOUND + ": each problem may have at most 200 characters");
    assertStartRefused(values, Vars.RECTIFY_DEADLINE + ": (" + today().minusDays(1) + ") must not be in the past");
  }

  @Test
  void shouldRejectAProblemTooLongForTheLedger() {
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    String tooLong = "漏".repeat(RectificationSteps.MAX_PROBLEM_LENGTH + 1);

    assertThatThrownBy(() -> taskService().complete(task(pi).getId(),
        Map.of(Vars.PROBLEMS_FOUND, OLD_HOUSE + "\n" + tooLong, Vars.CHECK_FINISHED, false)))
        .isInstanceOf(FormFieldValidationException.class)
        .satisfies(Refused.naming(Vars.PROBLEMS_FOUND + ": each problem may have at most 200 characters"));
    assertThat(pi).isWaitingAtExactly(TASK_CONDUCT_CHECK);
    assertThat(problemCount(pi)).isZero();
  }

  @Test
  void shouldOpenTheFormOfEveryStepFromTheDeployment() {
    assertThat(formJson(formService().getDeployedStartForm(definitionId())))
        .contains("\"id\": \"start-rectification-check\"");
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    assertThat(formJson(formService().getDeployedTaskForm(task(pi).getId()))).contains("\"id\": \"conduct-check\"");
    recordProblems(pi, OLD_HOUSE, null, true);
    assertThat(formJson(formService().getDeployedTaskForm(task(pi).getId()))).contains("\"id\": \"rectify-problem\"");
    rectify(task(pi));
    assertThat(formJson(formService().getDeployedTaskForm(task(pi).getId())))
        .contains("\"id\": \"verify-rectification\"");
    complete(task(pi), Map.of(Vars.RECTIFICATION_VERIFIED, true));
    assertThat(formJson(formService().getDeployedTaskForm(task(pi).getId())))
        .contains("\"id\": \"close-out-problem\"");
  }

  // --- steps as the forms submit them

  @Test
  void shouldRecordEachHazardFindingWithItsCategoryAndRefuseOneWithout() {
    Map<String, Object> values = startValues(CheckLevel.TOWNSHIP);
    values.put(Vars.CHECK_KIND, "EARTHQUAKE");
    assertStartRefused(values, Vars.CHECK_KIND + ": must be one of [HOUSING_SECURITY, SAFETY_HAZARD], not 'EARTHQUAKE'");
    values.put(Vars.CHECK_KIND, "SAFETY_HAZARD");
    values.put(Vars.CHECK_SCOPE, "全乡农房安全隐患排查 Every rural house of the township");
    ProcessInstance pi = formService().submitStartForm(definitionId(), values);
    assertThat(pi).variables().containsEntry(Vars.CHECK_KIND, "SAFETY_HAZARD");

    // every finding of a hazard check names its category; a list with one that does not is refused whole
    Map<String, Object> uncategorised = new HashMap<>(Map.of(Vars.PROBLEMS_FOUND, "屋面：刘家屋顶漏雨\n王家电线老化",
        Vars.CHECK_FINISHED, false));
    assertThatThrownBy(() -> taskService().complete(task(TASK_CONDUCT_CHECK, pi).getId(), uncategorised))
        .satisfies(Refused.naming(Vars.PROBLEMS_FOUND + ": finding 2 does not start with its category"));
    assertThat(problemCount(pi)).isZero();

    recordProblems(pi, "屋面：刘家屋顶漏雨\nFire: 王家电线老化\n地质灾害: 后山滑坡隐患", null, false);
    assertThat(ENGINE.domain().jdbc().queryForList("select category from problem where process_instance_id = ? "
        + "order by id", String.class, pi.getId())).containsExactly("ROOF", "FIRE", "GEOLOGICAL");
    assertThat(ENGINE.domain().jdbc().queryForList("select distinct check_kind from problem where "
        + "process_instance_id = ?", String.class, pi.getId())).containsExactly("SAFETY_HAZARD");
    assertThat(tasksAt(pi, TASK_RECTIFY_PROBLEM)).hasSize(3);
    // a housing-security check takes lines as they come
    ProcessInstance security = startCheck(CheckLevel.VILLAGE);
    assertThat(security).variables().containsEntry(Vars.CHECK_KIND, "HOUSING_SECURITY");
  }

  @Test
  void shouldEscalateWhatIsOpenAtTheEndOfMarchAndReportWhatIsOpenAtTheEndOfMayWhileTheCheckGoesOn() {
    int year = ENGINE.domain().jdbc().queryForObject("select max(campaign_year) from campaign", Integer.class);
    ProcessInstance pi = startCheck(CheckLevel.VILLAGE);
    assertThat(pi).variables().containsEntry(Vars.CAMPAIGN_YEAR, year);
    recordProblems(pi, OLD_HOUSE + "\n" + LIVESTOCK, null, false);
    ProcessInstance quiet = startCheck(CheckLevel.VILLAGE); // has found nothing when the deadlines pass
    try {
      clockAt(LocalDate.of(year, 4, 1).atTime(0, 30));
      runDueTimers(pi, quiet);

      assertThat(pi).hasPassed(TIMER_START_DEADLINE, GATEWAY_START_PROBLEMS_OPEN, SERVICE_ESCALATE_OPEN_PROBLEMS,
          END_OPEN_PROBLEMS_ESCALATED);
      assertThat(quiet).hasPassed(END_NONE_OPEN_AT_START).hasNotPassed(SERVICE_ESCALATE_OPEN_PROBLEMS);
      assertThat(openSteps(pi)).containsExactlyInAnyOrder(TASK_CONDUCT_CHECK, TASK_RECTIFY_PROBLEM, TASK_RECTIFY_PROBLEM);
      assertThat(flagged(pi, "missed_start_deadline")).containsExactlyInAnyOrder(OLD_HOUSE, LIVESTOCK);
      // up the chain: the township verifies the village's rectification, the county's leading group above it
      Map<String, Object> escalated = notice(pi, "START_OPEN_PROBLEMS");
      assertThat((String) escalated.get("RECIPIENTS")).contains(TOWNSHIP_GROUP, "leadinggroup" + COUNTY);
      assertThat((String) escalated.get("BODY")).contains(OLD_HOUSE, LIVESTOCK);

      // April: one problem is closed, a new one found after the start deadline
      closeProblem(pi, LIVESTOCK);
      recordProblems(pi, TOILET, null, false);
      clockAt(LocalDate.of(year, 6, 1).atTime(0, 30));
      runDueTimers(pi, quiet);

      assertThat(pi).hasPassed(TIMER_COMPLETION_DEADLINE, GATEWAY_COMPLETION_PROBLEMS_OPEN, SERVICE_REPORT_NOT_CLEARED,
          END_PROBLEMS_NOT_CLEARED).isNotEnded();
      assertThat(quiet).hasPassed(END_PROBLEMS_CLEARED).isWaitingAt(TASK_CONDUCT_CHECK);
      assertThat(flagged(pi, "missed_completion_deadline")).containsExactlyInAnyOrder(OLD_HOUSE, TOILET);
      assertThat(flagged(pi, "missed_start_deadline")).as("found after the start deadline: not late for it")
          .containsExactlyInAnyOrder(OLD_HOUSE, LIVESTOCK);
      Map<String, Object> notCleared = notice(pi, "COMPLETION_OPEN_PROBLEMS");
      assertThat((String) notCleared.get("RECIPIENTS")).startsWith(VILLAGE_GROUP); // the party that must rectify
      assertThat((String) notCleared.get("BODY")).contains(OLD_HOUSE, TOILET).doesNotContain(LIVESTOCK);
      assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  private static void clockAt(java.time.LocalDateTime time) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(time.atZone(AnjuClock.zone()).toInstant()));
  }

  /** What the job executor would do now: every timer of these checks that is due. */
  private static void runDueTimers(ProcessInstance... checks) {
    for (ProcessInstance pi : checks) {
      managementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().list()
          .forEach(job -> managementService().executeJob(job.getId()));
    }
  }

  private static List<String> flagged(ProcessInstance pi, String column) {
    return ENGINE.domain().jdbc().queryForList("select description from problem where process_instance_id = ? and "
        + column + " = true", String.class, pi.getId());
  }

  /** The one notification of this kind about the check. */
  private static Map<String, Object> notice(ProcessInstance pi, String step) {
    List<Map<String, Object>> rows = ENGINE.domain().jdbc().queryForList(
        "select recipients, body from notification where process_instance_id = ? and step = ?", pi.getId(), step);
    assertThat(rows).as("%s notifications", step).hasSize(1);
    return rows.get(0);
  }

  private ProcessInstance startCheck(CheckLevel level) {
    return formService().submitStartForm(definitionId(), startValues(level));
  }

  private static Map<String, Object> startValues(CheckLevel level) {
    Map<String, Object> values = new HashMap<>();
    values.put(Vars.CHECK_LEVEL, level.name());
    values.put(Vars.CITY_CODE, CITY);
    values.put(Vars.COUNTY_CODE, COUNTY);
    values.put(Vars.TOWNSHIP_CODE, TOWNSHIP);
    values.put(Vars.VILLAGE, VILLAGE);
    values.put(Vars.CHECK_SCOPE, "全村农房安全排查 Housing safety of the whole village");
    values.put(Vars.CHECKER_NAME, "李检查");
    return values;
  }

  /** Completes the open conduct-check task; {@code problems} and {@code deadline} may be null. */
  private static void recordProblems(ProcessInstance pi, String problems, String deadline, boolean finished) {
    Map<String, Object> values = new HashMap<>();
    if (problems != null) {
      values.put(Vars.PROBLEMS_FOUND, problems);
    }
    if (deadline != null) {
      values.put(Vars.RECTIFY_DEADLINE, deadline);
    }
    values.put(Vars.CHECK_FINISHED, finished);
    complete(task(TASK_CONDUCT_CHECK, pi), values);
  }

  private static void rectify(Task rectify) {
    complete(rectify, Map.of(Vars.RECTIFICATION_MEASURES, "已拆除 Demolished", Vars.RECTIFIED_DATE, today().toString()));
  }

  /** Rectifies, verifies and closes out the open problem with this description. */
  private static void closeProblem(ProcessInstance pi, String description) {
    Task rectify = tasksOf(pi, description).stream()
        .filter(t -> t.getTaskDefinitionKey().equals(TASK_RECTIFY_PROBLEM)).findFirst().orElse(null);
    if (rectify != null) {
      rectify(rectify);
    }
    complete(taskOf(pi, description, TASK_VERIFY_RECTIFICATION), Map.of(Vars.RECTIFICATION_VERIFIED, true));
    complete(taskOf(pi, description, TASK_CLOSE_OUT_PROBLEM), Map.of(Vars.CLOSE_OUT_DATE, today().toString()));
  }

  private static void assertStartRefused(Map<String, Object> values, String message) {
    long started = historyService().createHistoricProcessInstanceQuery().count();
    long problems = ENGINE.domain().jdbc().queryForObject("select count(*) from problem", Long.class);

    assertThatThrownBy(() -> formService().submitStartForm(definitionId(), values))
        .isInstanceOf(FormFieldValidationException.class)
        .satisfies(Refused.naming(message));

    assertThat(historyService().createHistoricProcessInstanceQuery().count()).isEqualTo(started);
    assertThat(ENGINE.domain().jdbc().queryForObject("select count(*) from problem", Long.class)).isEqualTo(problems);
  }

  // --- lookups

  private static String definitionId() {
    return repositoryService().createProcessDefinitionQuery().processDefinitionKey(ProblemRectificationProcess.KEY)
        .latestVersion().singleResult().getId();
  }

  private static List<Task> openTasks(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).list();
  }

  private static List<String> openSteps(ProcessInstance pi) {
    return openTasks(pi).stream().map(Task::getTaskDefinitionKey).toList();
  }

  private static List<Task> tasksAt(ProcessInstance pi, String activityId) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
  }

  private static List<Task> tasksOf(ProcessInstance pi, String description) {
    return openTasks(pi).stream()
        .filter(t -> description.equals(taskService().getVariable(t.getId(), Vars.PROBLEM_DESCRIPTION))).toList();
  }

  private static Task taskOf(ProcessInstance pi, String description, String activityId) {
    List<Task> tasks = tasksOf(pi, description).stream()
        .filter(t -> t.getTaskDefinitionKey().equals(activityId)).toList();
    assertThat(tasks).as("open %s tasks of problem '%s'", activityId, description).hasSize(1);
    return tasks.get(0);
  }

  private static Task rectifyTaskOf(ProcessInstance pi, String description) {
    return taskOf(pi, description, TASK_RECTIFY_PROBLEM);
  }

  private static String problemIdOf(Task task) {
    return (String) taskService().getVariable(task.getId(), Vars.PROBLEM_ID);
  }

  private static ProblemLedger ledger() {
    return ENGINE.domain().problems();
  }

  private static long problemCount(ProcessInstance pi) {
    return ENGINE.domain().jdbc().queryForObject("select count(*) from problem where process_instance_id = ?",
        Long.class, pi.getId());
  }

  private static String formJson(InputStream form) {
    try (form) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Date startOf(LocalDate date) {
    return Date.from(date.atStartOfDay(AnjuClock.zone()).toInstant());
  }

  private static LocalDate today() {
    return AnjuClock.today();
  }
}
