package org.anju.household;

import static org.anju.household.HouseholdCaseProcess.Elements.*;
import static org.anju.household.HouseholdFileRecord.*;
import static org.anju.tasklist.Step.CampaignDeadline.COMPLETION;
import static org.anju.tasklist.Step.CampaignDeadline.START;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.VariableScope;

import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.region.SeismicZoning;
import org.anju.tasklist.FormOptions;
import org.anju.tasklist.Step;
import org.anju.tasklist.StepCatalogue;
import org.anju.tasklist.StepValues;
import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code household-case}, one entry each, and the server's check of each form, the
 * same whether it came from Tasklist or REST.
 */
@Component
public class HouseholdSteps implements StepCatalogue {

  static final Set<String> HOUSE_STRUCTURES = FormOptions.HOUSE_STRUCTURES;
  static final Set<String> SAFETY_GRADES = FormOptions.SAFETY_GRADES;
  static final Set<String> ALTERNATIVE_TYPES = FormOptions.ALTERNATIVE_TYPES;
  static final Set<String> BUILDER_TYPES = FormOptions.BUILDER_TYPES;
  /** The household builds itself, guided by a craftsman: only where verification found it can (有能力自建). */
  static final String SELF_BUILD = "SELF_BUILD";
  /** At most 18 m² per person for households of three or more people (domain.md, acceptance). */
  static final double MAX_AREA_PER_PERSON = 18.0;
  static final int MAX_DEFECT_LENGTH = 200;
  /** The grades of a dangerous house, whose appraisal report's scan the file must hold. */
  static final Set<String> DANGEROUS_GRADES = Set.of("C", "D");


  /**
   * Limits are the notice periods of domain.md where a step is one, otherwise Anju's judgement; the
   * steps before construction serve the end-of-March deadline, construction and acceptance the end of
   * May, and every household is verified by the end of May, dynamic or not.
   */
  static final List<Step> STEPS = List.of(
      Step.of(TASK_CONFIRM_IDENTIFICATION, "confirm-identification", Vars.CONFIRMING_GROUP,
          HouseholdSteps::confirmIdentification)
          .limitDays(7).cappedForDynamicGuarantee(START)
          .produces(APPLICATION, ID_COPY, HOUSEHOLD_REGISTER_COPY, PROOF_OF_GROUP)
          .requiresWhere(yes(Vars.IDENTITY_CONFIRMED), "确认属于重点对象时", "when membership is confirmed", APPLICATION)
          .requiresWhere(yes(Vars.IDENTITY_CONFIRMED), "确认属于重点对象时", "when membership is confirmed", ID_COPY)
          .requiresWhere(yes(Vars.IDENTITY_CONFIRMED), "确认属于重点对象时", "when membership is confirmed", HOUSEHOLD_REGISTER_COPY)
          .requiresWhere(yes(Vars.IDENTITY_CONFIRMED), "确认属于重点对象时", "when membership is confirmed", PROOF_OF_GROUP)
          .demo(today -> Map.of(Vars.IDENTITY_CONFIRMED, true)),
      Step.of(TASK_VERIFY_HOUSING, "verify-housing", Vars.TOWNSHIP_GROUP, HouseholdSteps::verifyHousing)
          .limitDays(14).cappedForDynamicGuarantee(START).cappedForEveryCase(COMPLETION)
          .records(CaseMilestone.VERIFIED).produces(SURVEY_FORM, PHOTOS_BEFORE).requires(SURVEY_FORM, PHOTOS_BEFORE)
          .demo(today -> Map.of(
              Vars.VERIFICATION_DATE, day(today, 60),
              Vars.VERIFIER_NAME, "郝建军",
              Vars.HOUSE_STRUCTURE, "EARTH_WOOD",
              Vars.CAN_BUILD, true,
              Vars.IN_RELOCATION_PROGRAMME, false,
              Vars.VERIFICATION_NOTES, "墙体开裂，屋面漏雨 Cracked walls, leaking roof")),
      Step.of(TASK_APPRAISE_HOUSE, "appraise-house", Vars.APPRAISER_GROUP, HouseholdSteps::appraiseHouse)
          .limitDays(14).cappedForDynamicGuarantee(START).implies(CaseMilestone.VERIFIED).produces(APPRAISAL_REPORT)
          .requiresWhere(v -> v.getVariable(Vars.SAFETY_GRADE) instanceof String g && DANGEROUS_GRADES.contains(g),
              "鉴定为 C 级或 D 级时", "when the house is graded C or D", APPRAISAL_REPORT)
          .demo(today -> Map.of(
              Vars.SAFETY_GRADE, "D",
              Vars.SEISMICALLY_SAFE, true,
              Vars.APPRAISER_NAME, "高志明",
              Vars.APPRAISAL_DATE, day(today, 55),
              Vars.APPRAISAL_REPORT_REF, "JD-2020-0117")),
      Step.of(TASK_CONFIRM_RELOCATION, "confirm-relocation", Vars.POVERTY_GROUP, HouseholdSteps::confirmRelocation)
          .limitDays(14).implies(CaseMilestone.VERIFIED)
          .demo(today -> Map.of(
              Vars.RELOCATION_SITE, "县城广惠园移民新区 Guanghuiyuan resettlement area",
              Vars.MOVE_IN_DATE, day(today, 20))),
      Step.of(TASK_ARRANGE_ALTERNATIVE_HOUSING, "arrange-alternative-housing", Vars.HOUSING_GROUP,
          HouseholdSteps::arrangeAlternativeHousing)
          .limitDays(30).implies(CaseMilestone.VERIFIED).produces(AGREEMENT).requires(AGREEMENT)
          .demo(today -> Map.of(
              Vars.ALTERNATIVE_TYPE, "PUBLIC_RENTAL",
              Vars.ALTERNATIVE_ADDRESS, "村集体公租房 3 号 Village public rental flat 3",
              Vars.ALTERNATIVE_AGREEMENT_DATE, day(today, 30),
              Vars.MOVE_IN_DATE, day(today, 20))),
      Step.of(TASK_VILLAGE_REVIEW, "village-review", Vars.VILLAGE_GROUP,
          v -> review(v, Vars.VILLAGE_REVIEW_DATE, Vars.APPRAISAL_DATE, Vars.VILLAGE_REVIEW_APPROVED,
              Vars.VILLAGE_REVIEW_REMARKS))
          .fresh(Vars.VILLAGE_REVIEW_APPROVED, Vars.VILLAGE_REVIEW_REMARKS)
          .limitDays(7).cappedForDynamicGuarantee(START).implies(CaseMilestone.VERIFIED).produces(REVIEW_RECORD)
          .requiresWhere(yes(Vars.VILLAGE_REVIEW_APPROVED), "通过时", "when approved", REVIEW_RECORD)
          .demo(today -> Map.of(Vars.VILLAGE_REVIEW_DATE, day(today, 50), Vars.VILLAGE_REVIEW_APPROVED, true)),
      Step.of(TASK_TOWNSHIP_REVIEW, "township-review", Vars.TOWNSHIP_GROUP,
          v -> review(v, Vars.HOME_VISIT_DATE, Vars.VILLAGE_REVIEW_DATE, Vars.TOWNSHIP_REVIEW_APPROVED,
              Vars.TOWNSHIP_REVIEW_REMARKS))
          .fresh(Vars.TOWNSHIP_REVIEW_APPROVED, Vars.TOWNSHIP_REVIEW_REMARKS)
          .limitDays(7).cappedForDynamicGuarantee(START).implies(CaseMilestone.VERIFIED).produces(REVIEW_RECORD)
          .requiresWhere(yes(Vars.TOWNSHIP_REVIEW_APPROVED), "通过时", "when approved", REVIEW_RECORD)
          .demo(today -> Map.of(Vars.HOME_VISIT_DATE, day(today, 42), Vars.TOWNSHIP_REVIEW_APPROVED, true)),
      Step.of(TASK_COUNTY_APPROVAL, "county-approval", Vars.HOUSING_GROUP,
          v -> review(v, Vars.COUNTY_APPROVAL_DATE, Vars.HOME_VISIT_DATE, Vars.COUNTY_APPROVED,
              Vars.COUNTY_APPROVAL_REMARKS))
          .fresh(Vars.COUNTY_APPROVED, Vars.COUNTY_APPROVAL_REMARKS)
          .limitDays(7).cappedForDynamicGuarantee(START).implies(CaseMilestone.VERIFIED)
          .produces(APPROVAL_FORM, REVIEW_RECORD).requiresWhere(yes(Vars.COUNTY_APPROVED), "通过时", "when approved", APPROVAL_FORM)
          .demo(today -> Map.of(Vars.COUNTY_APPROVAL_DATE, day(today, 34), Vars.COUNTY_APPROVED, true)),
      Step.of(TASK_SIGN_AGREEMENT, "sign-agreement", Vars.TOWNSHIP_GROUP, HouseholdSteps::signAgreement)
          .limitDays(14).cappedForDynamicGuarantee(START).implies(CaseMilestone.VERIFIED).produces(AGREEMENT).requires(AGREEMENT)
          .demo(today -> Map.of(
              Vars.AGREEMENT_NUMBER, "GZ-2020-0088",
              Vars.AGREEMENT_DATE, day(today, 26),
              Vars.BUILDER_TYPE, "CRAFTSMAN",
              Vars.BUILDER_NAME, "张师傅 Master Zhang")),
      Step.of(TASK_START_CONSTRUCTION, "start-construction", Vars.TOWNSHIP_GROUP, HouseholdSteps::startConstruction)
          .limitDays(14).cappedForDynamicGuarantee(START).implies(CaseMilestone.VERIFIED)
          .records(CaseMilestone.CONSTRUCTION_STARTED)
          .demo(today -> Map.of(Vars.CONSTRUCTION_START_DATE, day(today, 25))),
      Step.of(TASK_INSPECT_CONSTRUCTION, "inspect-construction", Vars.TOWNSHIP_GROUP,
          HouseholdSteps::inspectConstruction)
          .limitDays(30).cappedForDynamicGuarantee(COMPLETION)
          .implies(CaseMilestone.VERIFIED, CaseMilestone.CONSTRUCTION_STARTED).produces(INSPECTION_LOG, PHOTOS_DURING)
          .requires(PHOTOS_DURING)
          .demo(today -> Map.of(
              Vars.INSPECTION_DATE, day(today, 12),
              Vars.INSPECTOR_NAME, "郝建军",
              Vars.QUALITY_OK, true,
              Vars.SAFETY_OK, true,
              Vars.INSPECTION_NOTES, "圈梁构造柱已按要求设置 Ring beams and tie columns in place",
              Vars.CONSTRUCTION_COMPLETED, true,
              Vars.CONSTRUCTION_COMPLETED_DATE, day(today, 10))),
      Step.of(TASK_INSPECT_ACCEPTANCE, "inspect-acceptance", Vars.HOUSING_GROUP, HouseholdSteps::inspectAcceptance)
          .fresh(Vars.ACCEPTANCE_PASSED, Vars.ACCEPTANCE_DEFECTS)
          .limitDays(14).cappedForDynamicGuarantee(COMPLETION)
          .implies(CaseMilestone.VERIFIED, CaseMilestone.CONSTRUCTION_STARTED).records(CaseMilestone.ACCEPTED)
          .produces(ACCEPTANCE_FORM, PHOTOS_AFTER, DEMOLITION_PHOTO)
          .requiresWhere(yes(Vars.ACCEPTANCE_PASSED), "验收合格时", "when acceptance passes", ACCEPTANCE_FORM)
          .requiresWhere(yes(Vars.ACCEPTANCE_PASSED), "验收合格时", "when acceptance passes", PHOTOS_AFTER)
          // one household, one house: a rebuild shows the old house gone
          .requiresWhere(v -> yes(Vars.ACCEPTANCE_PASSED).test(v)
              && RenovationMethod.REBUILD.name().equals(v.getVariable(Vars.RENOVATION_METHOD)),
              "拆除重建且验收合格时", "when a rebuilt house passes acceptance", DEMOLITION_PHOTO)
          .demo(today -> Map.of(
              Vars.ACCEPTANCE_DATE, day(today, 6),
              Vars.FLOOR_AREA, 52.5,
              Vars.HAS_SANITARY_TOILET, true,
              Vars.LIVESTOCK_SEPARATED, true,
              Vars.OLD_HOUSE_DEMOLISHED, true,
              Vars.SEISMIC_MEASURES, true,
              Vars.ACCEPTANCE_PASSED, true)),
      // due 30 days after acceptance, as the model's dueDate says: no limit of its own
      Step.of(TASK_PAYOUT_SUBSIDY, "payout-subsidy", Vars.FINANCE_GROUP, HouseholdSteps::payoutSubsidy)
          .implies(CaseMilestone.VERIFIED, CaseMilestone.CONSTRUCTION_STARTED, CaseMilestone.ACCEPTED)
          .produces(PAYMENT_PROOF).requires(PAYMENT_PROOF)
          .demo(today -> Map.of(Vars.PAYMENT_DATE, day(today, 2), Vars.PAYMENT_REFERENCE, "YKT-20200528-0042")),
      supplyingMissingRecords(Step.of(TASK_SUPPLY_ARCHIVE_DATA, "supply-archive-data", Vars.TOWNSHIP_GROUP,
          HouseholdSteps::supplyArchiveData).limitDays(14).implies(CaseMilestone.VERIFIED)
          .produces(HouseholdFileRecord.values())),
      Step.of(TASK_ARCHIVE_CASE, "archive-case", Vars.HOUSING_GROUP, HouseholdSteps::archiveCase)
          .limitDays(14).implies(CaseMilestone.VERIFIED)
          .demo(today -> Map.of(
              Vars.ARCHIVE_NUMBER, "宋家沟镇危改字[2020]42号",
              Vars.ARCHIVED_DATE, day(today, 0),
              Vars.SYSTEM_DATA_APPROVED, true)));

  /** The steps by element id. */
  public static final Map<String, Step> STEPS_BY_ID = STEPS.stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(Step::elementId, s -> s));

  /** The township supplies what the archive check found missing, any record of the file. */
  private static Step supplyingMissingRecords(Step step) {
    for (HouseholdFileRecord record : HouseholdFileRecord.values()) {
      step = step.requiresWhere(v -> v.getVariable(Vars.ARCHIVE_MISSING) instanceof String missing
          && java.util.Arrays.asList(missing.split(",")).contains(record.name()),
          "档案检查发现缺少时", "when the archive check found it missing", record);
    }
    return step;
  }

  private static Predicate<VariableScope> yes(String decision) {
    return v -> Boolean.TRUE.equals(v.getVariable(decision));
  }

  @Override
  public String processKey() {
    return HouseholdCaseProcess.KEY;
  }

  @Override
  public List<Step> steps() {
    return STEPS;
  }

  @Override
  public List<NamePart> nameParts() {
    return List.of(NamePart.whole(Vars.HEAD_NAME), NamePart.whole(Vars.VILLAGE));
  }

  @Override
  public List<String> derivedVariables() {
    return List.of(Vars.HOUSEHOLD_SIZE, Vars.SUBSIDY_AMOUNT, Vars.TOWNSHIP_NAME, Vars.RENOVATION_METHOD);
  }

  static void confirmIdentification(StepValues v) {
    Optional<Boolean> confirmed = v.decision(Vars.IDENTITY_CONFIRMED);
    requireRemarksUnless(v, confirmed, Vars.IDENTITY_REMARKS, "不确认时必填", "is required when membership is not confirmed");
  }

  static void verifyHousing(StepValues v) {
    v.pastDate(Vars.VERIFICATION_DATE);
    v.line(Vars.VERIFIER_NAME, 50);
    v.oneOf(Vars.HOUSE_STRUCTURE, HOUSE_STRUCTURES);
    v.flag(Vars.CAN_BUILD);
    v.flag(Vars.IN_RELOCATION_PROGRAMME);
    v.optionalText(Vars.VERIFICATION_NOTES, 500);
  }

  static void appraiseHouse(StepValues v) {
    Optional<String> grade = v.oneOf(Vars.SAFETY_GRADE, SAFETY_GRADES);
    // a house that is not dangerous still needs reinforcing where earthquakes threaten it (农房抗震改造)
    if (grade.filter(g -> g.equals("A") || g.equals("B")).isPresent()
        && SeismicZoning.requiresMeasures((String) v.raw(Vars.COUNTY_CODE))) {
      v.decision(Vars.SEISMICALLY_SAFE);
    } else {
      v.flag(Vars.SEISMICALLY_SAFE); // not asked here: only its type is checked
    }
    v.line(Vars.APPRAISER_NAME, 50);
    v.notBefore(Vars.APPRAISAL_DATE, v.pastDate(Vars.APPRAISAL_DATE), Vars.VERIFICATION_DATE);
    v.reference(Vars.APPRAISAL_REPORT_REF, 50);
  }

  static void confirmRelocation(StepValues v) {
    v.line(Vars.RELOCATION_SITE, 200);
    v.date(Vars.MOVE_IN_DATE);
  }

  static void arrangeAlternativeHousing(StepValues v) {
    v.oneOf(Vars.ALTERNATIVE_TYPE, ALTERNATIVE_TYPES);
    v.line(Vars.ALTERNATIVE_ADDRESS, 200);
    v.notBefore(Vars.ALTERNATIVE_AGREEMENT_DATE, v.pastDate(Vars.ALTERNATIVE_AGREEMENT_DATE), Vars.APPRAISAL_DATE);
    v.notBefore(Vars.MOVE_IN_DATE, v.date(Vars.MOVE_IN_DATE), Vars.ALTERNATIVE_AGREEMENT_DATE);
  }

  /** A review step of the approval: its date follows the step before, a rejection says why. */
  static void review(StepValues v, String dateVar, String previousDateVar, String approvedVar, String remarksVar) {
    v.notBefore(dateVar, v.pastDate(dateVar), previousDateVar);
    Optional<Boolean> approved = v.decision(approvedVar);
    requireRemarksUnless(v, approved, remarksVar, "不通过时必填", "is required when the case is not approved");
  }

  static void signAgreement(StepValues v) {
    v.reference(Vars.AGREEMENT_NUMBER, 50);
    v.notBefore(Vars.AGREEMENT_DATE, v.pastDate(Vars.AGREEMENT_DATE), Vars.COUNTY_APPROVAL_DATE);
    Optional<String> builder = v.oneOf(Vars.BUILDER_TYPE, BUILDER_TYPES);
    if (builder.filter(SELF_BUILD::equals).isPresent() && !v.flag(Vars.CAN_BUILD)) {
      v.errors().add(Vars.BUILDER_TYPE, "入户核验认定农户无自建能力，不能选择自建",
          "self-build needs the household to be able to build, and verification found it cannot");
    }
    v.line(Vars.BUILDER_NAME, 100);
  }

  static void startConstruction(StepValues v) {
    Optional<LocalDate> start = v.pastDate(Vars.CONSTRUCTION_START_DATE);
    v.notBefore(Vars.CONSTRUCTION_START_DATE, start, Vars.COUNTY_APPROVAL_DATE);
    v.notBefore(Vars.CONSTRUCTION_START_DATE, start, Vars.AGREEMENT_DATE);
  }

  static void inspectConstruction(StepValues v) {
    v.notBefore(Vars.INSPECTION_DATE, v.pastDate(Vars.INSPECTION_DATE), Vars.CONSTRUCTION_START_DATE);
    v.line(Vars.INSPECTOR_NAME, 50);
    v.flag(Vars.QUALITY_OK);
    v.flag(Vars.SAFETY_OK);
    v.optionalText(Vars.INSPECTION_NOTES, 1000);
    if (v.flag(Vars.CONSTRUCTION_COMPLETED)) {
      v.notBefore(Vars.CONSTRUCTION_COMPLETED_DATE, v.pastDate(Vars.CONSTRUCTION_COMPLETED_DATE),
          Vars.CONSTRUCTION_START_DATE);
    }
  }

  static void inspectAcceptance(StepValues v) {
    v.notBefore(Vars.ACCEPTANCE_DATE, v.pastDate(Vars.ACCEPTANCE_DATE), Vars.CONSTRUCTION_COMPLETED_DATE);
    Optional<Double> area = v.number(Vars.FLOOR_AREA, 10, 300);
    Object size = v.raw(Vars.HOUSEHOLD_SIZE);
    if (area.isPresent() && size instanceof Number people && people.longValue() >= 3
        && area.get() > MAX_AREA_PER_PERSON * people.longValue()) {
      v.errors().add(Vars.FLOOR_AREA, "（" + area.get() + " 平方米）超过 " + people.longValue() + " 口人每人 "
          + MAX_AREA_PER_PERSON + " 平方米的上限", "(" + area.get() + " m²) exceeds " + MAX_AREA_PER_PERSON
          + " m² per person for " + people.longValue() + " people");
    }
    boolean toilet = v.flag(Vars.HAS_SANITARY_TOILET);
    boolean livestock = v.flag(Vars.LIVESTOCK_SEPARATED);
    // one household, one house: a rebuild replaces the old house, a reinforcement keeps it
    boolean rebuild = RenovationMethod.REBUILD.name().equals(v.raw(Vars.RENOVATION_METHOD));
    boolean demolished = v.flag(Vars.OLD_HOUSE_DEMOLISHED);
    boolean seismic = v.flag(Vars.SEISMIC_MEASURES);
    Optional<Boolean> passed = v.decision(Vars.ACCEPTANCE_PASSED);
    if (passed.orElse(false)) {
      if (!seismic && SeismicZoning.requiresMeasures((String) v.raw(Vars.COUNTY_CODE))) {
        v.errors().add(Vars.SEISMIC_MEASURES, "抗震设防烈度 " + SeismicZoning.REINFORCE_FROM
            + " 度及以上的县，须落实抗震构造措施才能通过验收", "a county of seismic intensity "
            + SeismicZoning.REINFORCE_FROM + " or more needs anti-seismic measures to pass acceptance");
      }
      if (!toilet) {
        v.errors().add(Vars.HAS_SANITARY_TOILET, "没有卫生厕所的住房不能通过验收", "a house without a sanitary toilet cannot pass acceptance");
      }
      if (!livestock) {
        v.errors().add(Vars.LIVESTOCK_SEPARATED, "人畜未分离的住房不能通过验收", "people must be separated from livestock to pass acceptance");
      }
      if (rebuild && !demolished) {
        v.errors().add(Vars.OLD_HOUSE_DEMOLISHED, "旧房须拆除（一户一宅）", "the old house must be demolished (one household, one house)");
      }
    }
    if (passed.isPresent() && !passed.get()) {
      Optional<String> defects = v.optionalText(Vars.ACCEPTANCE_DEFECTS, 2000);
      if (defects.isEmpty()) {
        v.errors().add(Vars.ACCEPTANCE_DEFECTS, "验收不通过时至少列出一项问题", "list at least one defect when acceptance fails");
      } else {
        defects.get().lines().filter(line -> line.strip().length() > MAX_DEFECT_LENGTH).findFirst()
            .ifPresent(line -> v.errors().add(Vars.ACCEPTANCE_DEFECTS,
                "每项问题最多 " + MAX_DEFECT_LENGTH + " 个字", "each defect may have at most " + MAX_DEFECT_LENGTH + " characters"));
      }
    }
  }

  static void payoutSubsidy(StepValues v) {
    Optional<Long> paid = v.wholeNumber(Vars.PAID_AMOUNT, 0, 1_000_000);
    Object approved = v.raw(Vars.SUBSIDY_AMOUNT);
    if (paid.isPresent() && approved instanceof Number amount && paid.get() != amount.longValue()) {
      v.errors().add(Vars.PAID_AMOUNT, "（" + paid.get() + "）须等于批准的补助金额 " + amount.longValue() + " 元",
          "(" + paid.get() + ") must equal the approved subsidy of "
          + amount.longValue() + " yuan");
    }
    v.notBefore(Vars.PAYMENT_DATE, v.pastDate(Vars.PAYMENT_DATE), Vars.ACCEPTANCE_DATE);
    v.line(Vars.PAYMENT_REFERENCE, 50);
  }

  static void supplyArchiveData(StepValues v) {
    // what is still missing is judged by ServiceTask_CheckArchiveCompleteness; here only the shape
    v.optionalReference(Vars.APPRAISAL_REPORT_REF, 50);
    v.optionalReference(Vars.AGREEMENT_NUMBER, 50);
    v.optionalText(Vars.PAYMENT_REFERENCE, 50);
    v.optionalText(Vars.RELOCATION_SITE, 200);
    v.optionalText(Vars.ALTERNATIVE_ADDRESS, 200);
    for (String date : CheckArchiveCompletenessDelegate.DATE_ITEMS) {
      v.optionalDate(date);
    }
  }

  static void archiveCase(StepValues v) {
    v.reference(Vars.ARCHIVE_NUMBER, 50);
    v.pastDate(Vars.ARCHIVED_DATE);
    if (!v.flag(Vars.SYSTEM_DATA_APPROVED)) {
      v.errors().add(Vars.SYSTEM_DATA_APPROVED, "归档前须在信息系统中核准数据", "the data must be approved in the information system before archiving");
    }
  }

  private static void requireRemarksUnless(StepValues v, Optional<Boolean> decision, String remarksVar, String reasonZh,
      String reasonEn) {
    Optional<String> remarks = v.optionalText(remarksVar, 500);
    if (decision.isPresent() && !decision.get() && remarks.isEmpty()) {
      v.errors().add(remarksVar, reasonZh, reasonEn);
    }
  }

  private static String day(LocalDate today, int daysBefore) {
    return today.minusDays(daysBefore).toString();
  }
}
