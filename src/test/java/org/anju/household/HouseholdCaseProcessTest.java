package org.anju.household;

import org.anju.clock.AnjuClock;
import org.anju.support.Refused;
import static org.anju.household.HouseholdCaseProcess.Elements.*;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.anju.ProcessTestEngine;
import org.anju.campaign.Campaign.Deadline;
import org.anju.campaign.CampaignProgress;
import org.anju.demo.CaseWalker;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.escalation.NotificationDeliveryProcess;
import org.anju.rectification.ProblemRectificationProcess;
import org.anju.relocation.RelocationFollowUpProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The paths of {@code household-case}, one test each, on the real delegates and step rules. */
@Deployment(resources = {HouseholdCaseProcess.RESOURCE, ProblemRectificationProcess.RESOURCE,
    "processes/renovation-plan.dmn", "processes/renovation-subsidy.dmn", NotificationDeliveryProcess.RESOURCE,
    RelocationFollowUpProcess.RESOURCE})
class HouseholdCaseProcessTest {

  static final ProcessTestEngine ENGINE = new ProcessTestEngine("householdCaseProcessTest");
  static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration())
      .excludeProcessDefinitionKeys(ProblemRectificationProcess.KEY, NotificationDeliveryProcess.KEY,
          RelocationFollowUpProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  ProcessEngine engine;
  CaseWalker walker;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    walker = new CaseWalker(engine, ENGINE.domain().demoDocuments());
  }

  @Test
  void shouldGiveTheCaseItsHouseholdIdAndTheConfirmingOfficesTask() {
    ProcessInstance pi = register(KeyGroup.DIBAO);

    assertThat(pi.getBusinessKey()).matches("140929-\\d{4}-\\d{6}");
    assertThat(pi).isWaitingAt(TASK_CONFIRM_IDENTIFICATION).variables()
        .containsEntry(Vars.HOUSEHOLD_ID, pi.getBusinessKey())
        .containsEntry(Vars.TOWNSHIP_NAME, "宋家沟镇")
        .containsEntry(Vars.COUNTY_NAME, "岢岚县");
    assertThat(task(pi)).hasCandidateGroup("civilaffairs140929");
    assertThat(task(pi).getName()).isEqualTo("确认对象身份 Confirm identification · 测试户主 · 宋家沟村");
    assertThat(task(pi).getDescription()).startsWith("编号 Case id: " + pi.getBusinessKey() + "\n\n");
  }

  @Test
  void shouldTakeAVerificationDatedTodayInBeijingOnAServerWhoseClockIsInUtc() {
    java.util.TimeZone jvm = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    // 07:30 in Beijing on 3 December is still 2 December in UTC
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-02T23:30:00Z")));
    try {
      ProcessInstance pi = register(KeyGroup.POOR);
      Task verify = walker.walkTo(pi.getId(), TASK_VERIFY_HOUSING);
      Map<String, Object> values = new java.util.HashMap<>(DemoSteps.valuesFor(TASK_VERIFY_HOUSING, today()));
      values.put(Vars.VERIFICATION_DATE, "2026-12-03");

      complete(verify, values);

      assertThat(pi).hasPassed(TASK_VERIFY_HOUSING);
      assertThat(new CaseDeadlines().subsidyDue("2026-12-03").toInstant())
          .as("due at the end of the day in Beijing").isEqualTo(java.time.Instant.parse("2027-01-01T16:00:00Z"));
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      java.util.TimeZone.setDefault(jvm);
    }
  }

  @Test
  void shouldRecordACaseDeletedInCockpitAsCancelledSoThatItIsNoLongerOpen() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkTo(pi.getId(), TASK_APPRAISE_HOUSE);

    runtimeService().deleteProcessInstance(pi.getId(), "registered twice", true); // Cockpit's "skip listeners"

    assertThat(ENGINE.domain().households().outcomeOf(pi.getBusinessKey())).contains("CANCELLED");
  }

  @Test
  void shouldEndNotEligibleWhenIdentityIsNotConfirmed() {
    ProcessInstance pi = register(KeyGroup.POOR);
    assertThat(task(pi)).hasCandidateGroup("poverty140929");

    complete(task(pi), Map.of(Vars.IDENTITY_CONFIRMED, false, Vars.IDENTITY_REMARKS, "已脱贫退出 Left the register"));

    assertThat(pi).isEnded().hasPassed(END_NOT_ELIGIBLE);
    assertThat(ENGINE.domain().households().outcomeOf(pi.getBusinessKey())).contains("NOT_ELIGIBLE");
  }

  @Test
  void shouldArchiveAppraisedSafeHouse() {
    ProcessInstance pi = register(KeyGroup.DIBAO);
    walker.walkTo(pi.getId(), TASK_ARCHIVE_CASE, grade("B"));

    assertThat(pi).hasPassed(DECIDE_RENOVATION_PLAN, SERVICE_CHECK_ARCHIVE).hasNotPassed(TASK_VILLAGE_REVIEW)
        .variables().containsEntry(Vars.RENOVATION_METHOD, "APPRAISED_SAFE");
    walker.walkToEnd(pi.getId());

    assertThat(pi).isEnded().hasPassed(END_APPRAISED_SAFE);
    assertThat(ENGINE.domain().households().outcomeOf(pi.getBusinessKey())).contains("APPRAISED_SAFE");
  }

  @Test
  void shouldSecureRelocatedHouseholdAnotherWay() {
    ProcessInstance pi = register(KeyGroup.POOR);
    Task task = walker.walkTo(pi.getId(), TASK_CONFIRM_RELOCATION,
        step -> step.equals(TASK_VERIFY_HOUSING) ? Map.of(Vars.IN_RELOCATION_PROGRAMME, true) : Map.of());
    assertThat(task).hasCandidateGroup("poverty140929");

    walker.walkToEnd(pi.getId());

    assertThat(pi).isEnded().hasPassed(TASK_CONFIRM_RELOCATION, SERVICE_START_RELOCATION_FOLLOW_UP, END_SECURED_OTHER_WAY)
        .hasNotPassed(TASK_VILLAGE_REVIEW);
    assertThat(ENGINE.domain().households().outcomeOf(pi.getBusinessKey())).contains("SECURED_OTHER_WAY");
    // the case is archived; its follow-up visits wait for their months
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(RelocationFollowUpProcess.KEY)
        .processInstanceBusinessKey(pi.getBusinessKey()).active().count()).isEqualTo(1);
  }

  @Test
  void shouldHouseAHouseholdThatCannotBuildInAlternativeHousing() {
    ProcessInstance pi = register(KeyGroup.POOR);
    Task task = walker.walkTo(pi.getId(), TASK_ARRANGE_ALTERNATIVE_HOUSING,
        step -> step.equals(TASK_VERIFY_HOUSING) ? Map.of(Vars.CAN_BUILD, false) : Map.of());
    assertThat(task).hasCandidateGroup("housing140929");

    walker.walkToEnd(pi.getId());

    assertThat(pi).isEnded().hasPassed(TASK_ARRANGE_ALTERNATIVE_HOUSING, END_SECURED_OTHER_WAY);
  }

  @Test
  void shouldMakeHouseSafeByRenovationWithEveryInspectionLogged() {
    ProcessInstance pi = register(KeyGroup.TEKUN);
    walker.walkTo(pi.getId(), TASK_VILLAGE_REVIEW);
    assertThat(task(pi)).hasCandidateGroup("village140929102");
    complete(task(pi), DemoSteps.valuesFor(TASK_VILLAGE_REVIEW, today()));

    // the village notice runs for 7 days before the township may review
    assertThat(pi).isWaitingAt(TIMER_VILLAGE_NOTICE);
    assertThat(job(TIMER_VILLAGE_NOTICE, pi).getDuedate())
        .isAfter(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(6))));
    execute(job(TIMER_VILLAGE_NOTICE, pi));
    assertThat(pi).isWaitingAt(TASK_TOWNSHIP_REVIEW);

    walker.walkTo(pi.getId(), TASK_COUNTY_APPROVAL);
    // TEKUN household rebuilding: the province default is 35,000 yuan
    assertThat(pi).variables().containsEntry(Vars.RENOVATION_METHOD, "REBUILD").containsEntry(Vars.SUBSIDY_AMOUNT, 35000L);

    walker.walkTo(pi.getId(), TASK_INSPECT_CONSTRUCTION);
    Map<String, Object> firstInspection = new HashMap<>(DemoSteps.valuesFor(TASK_INSPECT_CONSTRUCTION, today()));
    firstInspection.put(Vars.CONSTRUCTION_COMPLETED, false);
    firstInspection.remove(Vars.CONSTRUCTION_COMPLETED_DATE);
    complete(task(pi), firstInspection);
    assertThat(pi).isWaitingAt(TASK_INSPECT_CONSTRUCTION).variables()
        .containsEntry(Vars.INSPECTION_COUNT, 1L).doesNotContainKey(Vars.INSPECTION_DATE);

    walker.walkTo(pi.getId(), TASK_PAYOUT_SUBSIDY);
    LocalDate acceptance = LocalDate.parse((String) runtimeService().getVariable(pi.getId(), Vars.ACCEPTANCE_DATE));
    assertThat(task(pi)).hasCandidateGroup("finance140929")
        .hasDueDate(Date.from(acceptance.plusDays(30).atStartOfDay(AnjuClock.zone()).toInstant()));

    walker.walkToEnd(pi.getId());
    assertThat(pi).isEnded().hasPassed(END_MADE_SAFE);
    assertThat(ENGINE.domain().households().inspectionCount(pi.getBusinessKey())).isEqualTo(2);
    assertThat(ENGINE.domain().households().outcomeOf(pi.getBusinessKey())).contains("MADE_SAFE_BY_RENOVATION");
  }

  @Test
  void shouldReappraiseWhenTheVillageRejects() {
    assertRejectionLeadsToReappraisal(TASK_VILLAGE_REVIEW, Vars.VILLAGE_REVIEW_APPROVED, Vars.VILLAGE_REVIEW_REMARKS);
  }

  @Test
  void shouldReappraiseWhenTheTownshipRejects() {
    assertRejectionLeadsToReappraisal(TASK_TOWNSHIP_REVIEW, Vars.TOWNSHIP_REVIEW_APPROVED, Vars.TOWNSHIP_REVIEW_REMARKS);
  }

  @Test
  void shouldReappraiseWhenTheCountyRejects() {
    assertRejectionLeadsToReappraisal(TASK_COUNTY_APPROVAL, Vars.COUNTY_APPROVED, Vars.COUNTY_APPROVAL_REMARKS);
  }

  @Test
  void shouldRectifyDefectsAndInspectAgainWhenAcceptanceFails() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkTo(pi.getId(), TASK_INSPECT_ACCEPTANCE);
    Map<String, Object> failed = new HashMap<>(DemoSteps.valuesFor(TASK_INSPECT_ACCEPTANCE, today()));
    failed.put(Vars.ACCEPTANCE_PASSED, false);
    failed.put(Vars.HAS_SANITARY_TOILET, false);
    failed.put(Vars.ACCEPTANCE_DEFECTS, "未建卫生厕所 No sanitary toilet\n\n屋面防水不合格 Roof leaks");
    complete(task(pi), failed);

    assertThat(pi).isWaitingAt(CALL_RECTIFY_DEFECTS);
    ProcessInstance rectification = calledProcessInstance(pi);
    assertThat(rectification.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    assertThat(taskQuery().processInstanceId(rectification.getId()).list()).hasSize(2)
        .allSatisfy(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("UserTask_RectifyProblem"));
    closeEveryProblem(rectification.getId());

    assertThat(rectification).isEnded();
    assertThat(pi).isWaitingAt(TASK_INSPECT_ACCEPTANCE);
    walker.walkToEnd(pi.getId());
    assertThat(pi).isEnded().hasPassed(CALL_RECTIFY_DEFECTS, END_MADE_SAFE);
  }

  @Test
  void shouldAskForMissingArchiveDataBeforeArchiving() {
    // a case whose file lacks the appraisal report, e.g. one taken over from paper records
    Map<String, Object> variables = new HashMap<>(DemoSteps.registration(DemoUsers.KELAN, "测试户主", "宋家沟村",
        KeyGroup.POOR, SEQUENCE.incrementAndGet(), false).toVariables());
    variables.put(Vars.RENOVATION_METHOD, "APPRAISED_SAFE");
    variables.put(Vars.VERIFICATION_DATE, today().minusDays(9).toString());
    variables.put(Vars.APPRAISAL_DATE, today().minusDays(5).toString());
    variables.put(Vars.HOUSEHOLD_ID, "140929-2020-000999");
    variables.put(Vars.COUNTY_NAME, "岢岚县");
    variables.put(Vars.TOWNSHIP_NAME, "宋家沟镇");
    variables.put(Vars.HOUSE_STRUCTURE, "BRICK_WOOD");
    variables.put(Vars.SAFETY_GRADE, "B");
    variables.put(Vars.TOWNSHIP_GROUP, "township140929102");
    variables.put(Vars.HOUSING_GROUP, "housing140929");
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(HouseholdCaseProcess.KEY)
        .startBeforeActivity(SERVICE_CHECK_ARCHIVE).setVariables(variables).execute();

    // the national system's record lacks the report's number and a photo of the house too (docs/national-system.md)
    assertThat(pi).isWaitingAt(TASK_SUPPLY_ARCHIVE_DATA).variables()
        .containsEntry(Vars.ARCHIVE_COMPLETE, false)
        .containsEntry(Vars.ARCHIVE_MISSING, Vars.APPRAISAL_REPORT_REF + ",PHOTOS_BEFORE");
    assertThat((String) runtimeService().getVariable(pi.getId(), "nationalRecordGaps"))
        .contains("B10 鉴定报告编号：缺失 / appraisal report number: missing", "F01 改造前照片");
    complete(task(pi), Map.of(Vars.APPRAISAL_REPORT_REF, "JD-2020-0999")); // and the photo, on the Documents tab

    assertThat(pi).isWaitingAt(TASK_ARCHIVE_CASE).variables().containsEntry(Vars.ARCHIVE_COMPLETE, true);
    complete(task(pi), DemoSteps.valuesFor(TASK_ARCHIVE_CASE, today()));
    assertThat(pi).isWaitingAt(SERVICE_COMPILE_HOUSEHOLD_FILE); // after the archiving is committed
    execute(job(SERVICE_COMPILE_HOUSEHOLD_FILE, pi));
    assertThat(pi).isEnded().hasPassed(END_APPRAISED_SAFE);
  }

  @Test
  void shouldSendACaseWhoseFileLacksAStepsPhotosToTheTownshipBeforeArchiving() {
    ProcessInstance pi = register(KeyGroup.TEKUN);
    walker.walkTo(pi.getId(), TASK_PAYOUT_SUBSIDY);
    // the construction photos lost: a case moved past its inspection in Cockpit never had them
    ENGINE.domain().jdbc().update("delete from case_document where process_instance_id = ? and record = 'PHOTOS_DURING'",
        pi.getId());
    walker.walkTo(pi.getId(), TASK_SUPPLY_ARCHIVE_DATA);

    assertThat(pi).variables().containsEntry(Vars.ARCHIVE_COMPLETE, false).containsEntry(Vars.ARCHIVE_MISSING, "PHOTOS_DURING");
    Task supply = task(pi);
    assertThatThrownBy(() -> taskService().complete(supply.getId(), Map.of()))
        .hasMessageContaining("缺少改造中照片");
    complete(supply, Map.of()); // the township uploads them on the Documents tab
    assertThat(pi).isWaitingAt(TASK_ARCHIVE_CASE).variables().containsEntry(Vars.ARCHIVE_COMPLETE, true);
  }

  @Test
  void shouldKeepTheArchivedHouseholdFileAsOnePdfWithEveryRecordAndPhoto() throws java.io.IOException {
    ProcessInstance pi = register(KeyGroup.TEKUN);
    walker.walkToEnd(pi.getId());
    assertThat(pi).isEnded().hasPassed(SERVICE_COMPILE_HOUSEHOLD_FILE, END_MADE_SAFE);

    var documents = ENGINE.domain().documents();
    var all = documents.ofCase(pi.getId());
    var file = all.stream().filter(d -> org.anju.documents.CaseDocuments.HOUSEHOLD_FILE.equals(d.record()))
        .collect(java.util.stream.Collectors.toList());
    assertThat(file).singleElement().satisfies(f -> assertThat(f.mediaType()).isEqualTo("application/pdf"));
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Vars.HOUSEHOLD_FILE_SHA256).singleResult().getValue()).isEqualTo(file.get(0).sha256());
    var given = all.stream().filter(d -> !d.record().equals(org.anju.documents.CaseDocuments.HOUSEHOLD_FILE)).toList();
    try (var in = documents.store().get(file.get(0).sha256());
        var pdf = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      String head = (String) historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName(Vars.HEAD_NAME).singleResult().getValue();
      assertThat(text).contains(head, "岢岚县", "农户基本信息表", "入户核验调查表", "改造协议", "竣工验收表", "补助资金发放凭证",
          "改造前照片", "改造中照片", "改造后照片", "宋家沟镇危改字[2020]42号");
      given.forEach(d -> assertThat(text).as("the SHA-256 of %s", d.fileName()).contains(d.sha256()));
      int images = 0;
      for (var page : pdf.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
            images++;
          }
        }
      }
      assertThat(images).as("every photo and scan printed").isEqualTo(given.size());
    }
  }

  @Test
  void shouldRejectARegistrationWithAWrongCheckCharacterAndRecordNothing() {
    Map<String, Object> variables = DemoSteps.registration(DemoUsers.KELAN, "测试户主", "宋家沟村", KeyGroup.POOR,
        SEQUENCE.incrementAndGet(), false).toVariables();
    String valid = (String) variables.get(Vars.RESIDENT_ID);
    variables.put(Vars.RESIDENT_ID, valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'));
    long before = runtimeService().createProcessInstanceQuery().count();

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(HouseholdCaseProcess.KEY, variables))
        .isInstanceOf(FormFieldValidationException.class)
        .satisfies(Refused.naming("residentId: has a wrong check character"));
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void shouldRejectATownshipOutsideTheCounty() {
    Map<String, Object> variables = DemoSteps.registration(DemoUsers.KELAN, "测试户主", "宋家沟村", KeyGroup.POOR,
        SEQUENCE.incrementAndGet(), false).toVariables();
    variables.put(Vars.TOWNSHIP_CODE, DemoUsers.JINGLE.townshipCode());

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(HouseholdCaseProcess.KEY, variables))
        .hasMessageContaining("乡镇：“140926100”不是岢岚县的乡镇 / Township: '140926100' is not a township of county 140929 (岢岚县)");
  }

  @Test
  void shouldRejectTheSameResidentTwiceInOneCampaign() {
    Map<String, Object> variables = DemoSteps.registration(DemoUsers.KELAN, "测试户主", "宋家沟村", KeyGroup.POOR,
        SEQUENCE.incrementAndGet(), false).toVariables();
    ProcessInstance first = runtimeService().startProcessInstanceByKey(HouseholdCaseProcess.KEY, variables);

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(HouseholdCaseProcess.KEY, variables))
        .satisfies(Refused.naming("residentId: is already registered")).hasMessageContaining(first.getBusinessKey());
  }

  @Test
  void shouldRejectACompletionDateBeforeTheStartAndKeepTheTaskOpen() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkTo(pi.getId(), TASK_INSPECT_CONSTRUCTION);
    Task task = task(pi);
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(TASK_INSPECT_CONSTRUCTION, today()));
    values.put(Vars.CONSTRUCTION_COMPLETED_DATE, today().minusDays(200).toString());

    assertThatThrownBy(() -> taskService().complete(task.getId(), values))
        .isInstanceOf(FormFieldValidationException.class)
        .satisfies(Refused.naming("constructionCompletedDate: ("))
        .hasMessageContaining("must not be before the construction start date");
    assertThat(pi).isWaitingAt(TASK_INSPECT_CONSTRUCTION).variables()
        .doesNotContainKey(Vars.CONSTRUCTION_COMPLETED_DATE).containsEntry(Vars.INSPECTION_COUNT, 0L);
    assertThat(ENGINE.domain().households().inspectionCount(pi.getBusinessKey())).isZero();
  }

  @Test
  void shouldRefuseToPassAHouseWithoutASanitaryToilet() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkTo(pi.getId(), TASK_INSPECT_ACCEPTANCE);
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(TASK_INSPECT_ACCEPTANCE, today()));
    values.put(Vars.HAS_SANITARY_TOILET, false);

    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), values))
        .satisfies(Refused.naming("hasSanitaryToilet: a house without a sanitary toilet cannot pass acceptance"));
    assertThat(pi).isWaitingAt(TASK_INSPECT_ACCEPTANCE);
  }

  @Test
  void shouldAskForTheOldHousesDemolitionOnlyWhenTheHouseWasRebuilt() {
    // grade D: rebuilt, so the old house must go (one household, one house)
    ProcessInstance rebuilt = register(KeyGroup.POOR);
    walker.walkTo(rebuilt.getId(), TASK_INSPECT_ACCEPTANCE);
    assertThat(rebuilt).variables().containsEntry(Vars.RENOVATION_METHOD, "REBUILD");
    Map<String, Object> standing = new HashMap<>(DemoSteps.valuesFor(TASK_INSPECT_ACCEPTANCE, today()));
    standing.put(Vars.OLD_HOUSE_DEMOLISHED, false);
    assertThatThrownBy(() -> taskService().complete(task(rebuilt).getId(), standing))
        .satisfies(Refused.naming("oldHouseDemolished: the old house must be demolished (one household, one house)"));
    assertThat(rebuilt).isWaitingAt(TASK_INSPECT_ACCEPTANCE);

    // grade C: reinforced, the reinforced house is the old house
    ProcessInstance reinforced = register(KeyGroup.POOR);
    walker.walkTo(reinforced.getId(), TASK_INSPECT_ACCEPTANCE, grade("C"));
    assertThat(reinforced).variables().containsEntry(Vars.RENOVATION_METHOD, "REINFORCE");
    Map<String, Object> kept = new HashMap<>(standing);
    kept.remove(Vars.OLD_HOUSE_DEMOLISHED); // the form does not show the box for a reinforcement
    complete(task(reinforced), kept);
    assertThat(reinforced).isWaitingAt(TASK_PAYOUT_SUBSIDY);
  }

  @Test
  void shouldOfferSelfBuildOnlyToAHouseholdThatCanBuild() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkTo(pi.getId(), TASK_SIGN_AGREEMENT);
    // the province's plan houses a household that cannot build another way; a county's own plan may
    // renovate it anyway, with a craftsman or a team
    runtimeService().setVariable(pi.getId(), Vars.CAN_BUILD, false);
    Map<String, Object> selfBuild = new HashMap<>(DemoSteps.valuesFor(TASK_SIGN_AGREEMENT, today()));
    selfBuild.put(Vars.BUILDER_TYPE, "SELF_BUILD");
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), selfBuild))
        .satisfies(Refused.naming("builderType: self-build needs the household to be able to build"));
    assertThat(pi).isWaitingAt(TASK_SIGN_AGREEMENT);

    runtimeService().setVariable(pi.getId(), Vars.CAN_BUILD, true); // as verification found on the demo path
    complete(task(pi), selfBuild);
    assertThat(pi).isWaitingAt(TASK_START_CONSTRUCTION).variables().containsEntry(Vars.BUILDER_TYPE, "SELF_BUILD");
  }

  @Test
  void shouldRefuseAPaperNumberNotWrittenInItsFormat() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkTo(pi.getId(), TASK_SIGN_AGREEMENT);
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(TASK_SIGN_AGREEMENT, today()));
    values.put(Vars.AGREEMENT_NUMBER, "第88号");
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), values))
        .satisfies(Refused.naming("agreementNumber: must be written as GZ-{year}-{n}, e.g. GZ-" + today().getYear()
            + "-17, not '第88号'"))
        .hasMessageContaining("协议编号：应按本县格式 GZ-年度-序号 填写，如 GZ-" + today().getYear() + "-17");
    assertThat(pi).isWaitingAt(TASK_SIGN_AGREEMENT).variables().doesNotContainKey(Vars.AGREEMENT_NUMBER);
  }

  private void assertRejectionLeadsToReappraisal(String reviewStep, String approvedVar, String remarksVar) {
    ProcessInstance pi = register(KeyGroup.DISABLED);
    walker.walkTo(pi.getId(), reviewStep);
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(reviewStep, today()));
    values.put(approvedVar, false);
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), values))
        .satisfies(Refused.naming(remarksVar + ": is required when the case is not approved"));

    values.put(remarksVar, "公示期间有异议，需重新鉴定 Objection during the notice: appraise again");
    complete(task(pi), values);

    assertThat(pi).isWaitingAt(TASK_APPRAISE_HOUSE);
    assertThat(task(pi)).hasCandidateGroup("appraiser140929");

    // after the new appraisal the review is asked afresh: no answer of the last round is pre-filled
    Task again = walker.walkTo(pi.getId(), reviewStep);
    assertThat(taskService().getVariable(again.getId(), approvedVar)).isNull();
    assertThat(taskService().getVariable(again.getId(), remarksVar)).isNull();
  }

  @Test
  void shouldRecordACaseDeletedFromOutsideAsCancelledSoThatItNoLongerLags() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkTo(pi.getId(), TASK_APPRAISE_HOUSE);
    int year = ((Number) runtimeService().getVariable(pi.getId(), Vars.CAMPAIGN_YEAR)).intValue();
    CampaignProgress progress = new CampaignProgress(ENGINE.domain().jdbc());
    assertThat(laggingIds(progress, year, Deadline.START)).contains(pi.getBusinessKey());

    // as Cockpit's "cancel process instance" does, skipping the model's own listeners
    runtimeService().deleteProcessInstance(pi.getId(), "登记有误 Registered by mistake", true);

    assertThat(ENGINE.domain().households().outcomeOf(pi.getBusinessKey())).contains("CANCELLED");
    assertThat(laggingIds(progress, year, Deadline.START)).doesNotContain(pi.getBusinessKey());
    assertThat(laggingIds(progress, year, Deadline.COMPLETION)).doesNotContain(pi.getBusinessKey());
    assertThat(ENGINE.domain().jdbc().queryForObject(
        "select count(*) from household where household_id = ? and outcome is null", Long.class, pi.getBusinessKey()))
        .isZero();
  }

  @Test
  void shouldKeepTheOutcomeOfACaseThatEndedNormally() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkToEnd(pi.getId());

    assertThat(ENGINE.domain().households().outcomeOf(pi.getBusinessKey())).contains("MADE_SAFE_BY_RENOVATION");
  }

  @Test
  void shouldRecordConstructionStartedWhenACaseIsMovedPastItByAModification() {
    ProcessInstance pi = register(KeyGroup.POOR);
    walker.walkTo(pi.getId(), TASK_START_CONSTRUCTION);
    int year = ((Number) runtimeService().getVariable(pi.getId(), Vars.CAMPAIGN_YEAR)).intValue();
    CampaignProgress progress = new CampaignProgress(ENGINE.domain().jdbc());
    assertThat(laggingIds(progress, year, Deadline.START)).contains(pi.getBusinessKey());

    // as Cockpit's modification does: the start step is cancelled unanswered, the inspection started
    runtimeService().createProcessInstanceModification(pi.getId())
        .cancelAllForActivity(TASK_START_CONSTRUCTION)
        .startBeforeActivity(TASK_INSPECT_CONSTRUCTION)
        .execute(true, true);

    assertThat(pi).isWaitingAt(TASK_INSPECT_CONSTRUCTION);
    assertThat(ENGINE.domain().jdbc().queryForObject(
        "select construction_started_on from household where household_id = ?", java.sql.Date.class,
        pi.getBusinessKey()).toLocalDate()).isEqualTo(today());
    assertThat(laggingIds(progress, year, Deadline.START)).doesNotContain(pi.getBusinessKey());
  }

  @Test
  void shouldReinforceAgainstEarthquakesASafeHouseNotBuiltForThemWhereTheIntensityIsSevenOrMore() {
    // 岢岚县 lies in a zone of intensity 7 (data/seismic-intensity.csv)
    ProcessInstance pi = register(KeyGroup.POOR);
    assertThat(pi).variables().containsEntry(Vars.SEISMIC_INTENSITY, 7);
    Task appraise = walker.walkTo(pi.getId(), TASK_APPRAISE_HOUSE);
    Map<String, Object> unanswered = new HashMap<>(DemoSteps.valuesFor(TASK_APPRAISE_HOUSE, today()));
    unanswered.put(Vars.SAFETY_GRADE, "B");
    unanswered.remove(Vars.SEISMICALLY_SAFE);
    assertThatThrownBy(() -> taskService().complete(appraise.getId(), unanswered))
        .satisfies(Refused.naming("seismicallySafe: is required"));
    assertThat(pi).isWaitingAt(TASK_APPRAISE_HOUSE);

    Function<String, Map<String, Object>> notBuiltForEarthquakes = step -> step.equals(TASK_APPRAISE_HOUSE)
        ? Map.of(Vars.SAFETY_GRADE, "B", Vars.SEISMICALLY_SAFE, false) : Map.of();
    Task accept = walker.walkTo(pi.getId(), TASK_INSPECT_ACCEPTANCE, notBuiltForEarthquakes);
    assertThat(pi).hasPassed(TASK_VILLAGE_REVIEW, TASK_COUNTY_APPROVAL, TASK_START_CONSTRUCTION).variables()
        .containsEntry(Vars.RENOVATION_METHOD, "SEISMIC_REINFORCE").containsEntry(Vars.SUBSIDY_AMOUNT, 10000L);
    Map<String, Object> withoutMeasures = new HashMap<>(DemoSteps.valuesFor(TASK_INSPECT_ACCEPTANCE, today()));
    withoutMeasures.put(Vars.SEISMIC_MEASURES, false);
    assertThatThrownBy(() -> taskService().complete(accept.getId(), withoutMeasures))
        .satisfies(Refused.naming("seismicMeasures: a county of seismic intensity 7 or more needs anti-seismic measures"));
    assertThat(pi).isWaitingAt(TASK_INSPECT_ACCEPTANCE);

    walker.walkTo(pi.getId(), CaseWalker.END, notBuiltForEarthquakes);
    assertThat(pi).isEnded().hasPassed(END_MADE_SAFE);
    assertThat(ENGINE.domain().households().outcomeOf(pi.getBusinessKey())).contains("MADE_SAFE_BY_RENOVATION");
  }

  @Test
  void shouldNeitherAskNorRequireAntiSeismicMeasuresWhereTheIntensityIsBelowSeven() {
    // 静乐县: intensity 6 in the demo's zoning data
    Map<String, Object> variables = new HashMap<>(DemoSteps.registration(DemoUsers.JINGLE, "测试户主", "鹅城村",
        KeyGroup.POOR, SEQUENCE.incrementAndGet(), true).toVariables());
    ProcessInstance safe = runtimeService().startProcessInstanceByKey(HouseholdCaseProcess.KEY, variables);
    Task appraise = walker.walkTo(safe.getId(), TASK_APPRAISE_HOUSE);
    Map<String, Object> gradeB = new HashMap<>(DemoSteps.valuesFor(TASK_APPRAISE_HOUSE, today()));
    gradeB.put(Vars.SAFETY_GRADE, "B");
    gradeB.remove(Vars.SEISMICALLY_SAFE);
    complete(appraise, gradeB);
    assertThat(safe).variables().containsEntry(Vars.RENOVATION_METHOD, "APPRAISED_SAFE");

    variables.put(Vars.RESIDENT_ID, DemoSteps.residentId(DemoUsers.JINGLE.countyCode(), 1950, SEQUENCE.incrementAndGet()));
    ProcessInstance rebuilt = runtimeService().startProcessInstanceByKey(HouseholdCaseProcess.KEY, variables);
    Task accept = walker.walkTo(rebuilt.getId(), TASK_INSPECT_ACCEPTANCE);
    Map<String, Object> withoutMeasures = new HashMap<>(DemoSteps.valuesFor(TASK_INSPECT_ACCEPTANCE, today()));
    withoutMeasures.put(Vars.SEISMIC_MEASURES, false);
    complete(accept, withoutMeasures);
    assertThat(rebuilt).isWaitingAt(TASK_PAYOUT_SUBSIDY);
  }

  @Test
  void shouldRecordEachMissedCampaignDeadlineOnceAndShowItUntilTheCaseCatchesUp() {
    int year = ENGINE.domain().jdbc().queryForObject("select max(campaign_year) from campaign", Integer.class);
    ProcessInstance late = register(KeyGroup.POOR); // dynamic guarantee, still being verified at the end of March
    walker.walkTo(late.getId(), TASK_VERIFY_HOUSING);
    ProcessInstance atCounty = register(KeyGroup.POOR); // dynamic, waiting for the county's approval
    walker.walkTo(atCounty.getId(), TASK_COUNTY_APPROVAL, grade("D"));
    Map<String, Object> stock = new HashMap<>(DemoSteps.registration(DemoUsers.KELAN, "存量户", "宋家沟村",
        KeyGroup.DIBAO, SEQUENCE.incrementAndGet(), false).toVariables());
    ProcessInstance onTime = runtimeService().startProcessInstanceByKey(HouseholdCaseProcess.KEY, stock);
    walker.walkTo(onTime.getId(), TASK_APPRAISE_HOUSE); // verified: on time at both deadlines
    try {
      // 1 April 00:30 in Beijing: the end-of-March timers are due, and only they
      clockAt(LocalDate.of(year, 4, 1).atTime(0, 30));
      runDueTimers(late, atCounty, onTime);

      assertThat(late).hasPassed(TIMER_START_DEADLINE, GATEWAY_START_LAGGING, SERVICE_RECORD_START_MISSED)
          .isWaitingAt(TASK_VERIFY_HOUSING, EVENT_START_CAUGHT_UP); // non-interrupting: the case goes on
      assertThat(onTime).hasPassed(END_START_MET).hasNotPassed(SERVICE_RECORD_START_MISSED);
      assertThat(missed(late, "missed_start_deadline")).isTrue();
      assertThat(missed(onTime, "missed_start_deadline")).isFalse();
      assertThat(waitingPast(late)).containsExactly("START");
      assertThat(waitingPast(atCounty)).containsExactly("START");
      assertThat(waitingPast(onTime)).isEmpty();
      // the township holds the late case's step: told once; the county bureau holds the other, and the
      // campaign's county list already names it to the bureau and the leading group
      assertThat(notified(late)).containsExactly("START_MISSED → township140929102");
      assertThat(notified(atCounty)).isEmpty();

      // construction starts in April: the wait ends, the record of the miss stays
      walker.walkTo(late.getId(), TASK_INSPECT_CONSTRUCTION, grade("D"));
      assertThat(late).hasPassed(END_START_MISSED).isWaitingAt(TASK_INSPECT_CONSTRUCTION);
      assertThat(waitingPast(late)).isEmpty();
      assertThat(missed(late, "missed_start_deadline")).isTrue();

      // 1 June: neither dynamic case is accepted, the verified stock case is on time
      clockAt(LocalDate.of(year, 6, 1).atTime(0, 30));
      runDueTimers(late, atCounty, onTime);

      assertThat(late).hasPassed(TIMER_COMPLETION_DEADLINE, GATEWAY_COMPLETION_LAGGING,
          SERVICE_RECORD_COMPLETION_MISSED).isWaitingAt(TASK_INSPECT_CONSTRUCTION, EVENT_COMPLETION_CAUGHT_UP);
      assertThat(onTime).hasPassed(END_COMPLETION_MET);
      assertThat(waitingPast(late)).containsExactly("COMPLETION");
      assertThat(waitingPast(atCounty)).containsExactlyInAnyOrder("START", "COMPLETION");
      assertThat(notified(late)).containsExactly("START_MISSED → township140929102",
          "COMPLETION_MISSED → township140929102");
      assertThat(missed(onTime, "missed_completion_deadline")).isFalse();

      walker.walkTo(late.getId(), TASK_PAYOUT_SUBSIDY, grade("D"));
      assertThat(late).hasPassed(END_COMPLETION_MISSED).isWaitingAt(TASK_PAYOUT_SUBSIDY);
      assertThat(waitingPast(late)).isEmpty();
      assertThat(missed(late, "missed_completion_deadline")).isTrue();
      assertThat(managementService().createJobQuery().processInstanceId(late.getId()).timers().count())
          .as("both deadline timers have fired").isZero();
      // a case that ends while it waits past both deadlines ends whole: no wait keeps it open
      walker.walkTo(atCounty.getId(), CaseWalker.END, grade("D"));
      assertThat(atCounty).isEnded();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  private static void clockAt(java.time.LocalDateTime time) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(time.atZone(AnjuClock.zone()).toInstant()));
  }

  /** What the job executor would do now: every timer of these cases that is due. */
  private void runDueTimers(ProcessInstance... cases) {
    for (ProcessInstance pi : cases) {
      managementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().list()
          .forEach(job -> managementService().executeJob(job.getId()));
    }
  }

  private static boolean missed(ProcessInstance pi, String column) {
    return ENGINE.domain().jdbc().queryForObject("select " + column + " from household where household_id = ?",
        Boolean.class, pi.getBusinessKey());
  }

  /** The deadlines the case waits past, as Cockpit shows them: tokens at the deadline sub-processes' events. */
  private java.util.List<String> waitingPast(ProcessInstance pi) {
    java.util.List<String> active = runtimeService().getActiveActivityIds(pi.getId());
    return java.util.stream.Stream.of(EVENT_START_CAUGHT_UP, EVENT_COMPLETION_CAUGHT_UP).filter(active::contains)
        .map(id -> id.equals(EVENT_START_CAUGHT_UP) ? "START" : "COMPLETION").toList();
  }

  private static java.util.List<String> notified(ProcessInstance pi) {
    return ENGINE.domain().jdbc().queryForList("select step, recipients from notification where case_key = ? "
        + "and step like '%MISSED' order by id", pi.getBusinessKey()).stream()
        .map(row -> row.get("STEP") + " → " + row.get("RECIPIENTS")).toList();
  }

  private static java.util.List<String> laggingIds(CampaignProgress progress, int year, Deadline deadline) {
    return progress.laggingCases(year, deadline, DemoUsers.KELAN.countyCode()).stream()
        .map(CampaignProgress.LaggingCase::householdId).toList();
  }

  private void closeEveryProblem(String rectificationId) {
    for (Task rectify : taskQuery().processInstanceId(rectificationId).list()) {
      complete(rectify, Map.of("rectificationMeasures", "已整改 Done", "rectifiedDate", today().toString()));
    }
    for (Task verify : taskQuery().processInstanceId(rectificationId).list()) {
      complete(verify, Map.of("rectificationVerified", true));
    }
    for (Task closeOut : taskQuery().processInstanceId(rectificationId).list()) {
      complete(closeOut, Map.of("closeOutDate", today().toString()));
    }
  }

  private ProcessInstance register(KeyGroup group) {
    return runtimeService().startProcessInstanceByKey(HouseholdCaseProcess.KEY, DemoSteps.registration(
        DemoUsers.KELAN, "测试户主", "宋家沟村", group, SEQUENCE.incrementAndGet(), true).toVariables());
  }

  private static java.util.function.Function<String, Map<String, Object>> grade(String grade) {
    return step -> step.equals(TASK_APPRAISE_HOUSE) ? Map.of(Vars.SAFETY_GRADE, grade) : Map.of();
  }

  /** As a clerk completes a step: its required documents first (the Documents tab), then the form. */
  private static void complete(Task task, Map<String, Object> values) {
    ENGINE.domain().demoDocuments().attachRequired(taskService(), task, values);
    BpmnAwareTests.complete(task, values);
  }

  private static LocalDate today() {
    return AnjuClock.today();
  }
}
