package org.anju.household;

import static org.anju.household.HouseholdCaseProcess.Elements.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.tasklist.StepRule;
import org.anju.tasklist.StepRules;
import org.anju.tasklist.StepValues;
import org.springframework.stereotype.Component;

/** The server's checks of each household-case form, the same whether it came from Tasklist or REST. */
@Component
public class HouseholdStepRules implements StepRules {

  static final Set<String> HOUSE_STRUCTURES =
      Set.of("EARTH_WOOD", "BRICK_WOOD", "BRICK_CONCRETE", "STONE", "CAVE", "OTHER");
  static final Set<String> SAFETY_GRADES = Set.of("A", "B", "C", "D");
  static final Set<String> ALTERNATIVE_TYPES = Set.of("PUBLIC_RENTAL", "SWAP", "LONG_LEASE");
  static final Set<String> BUILDER_TYPES = Set.of("CRAFTSMAN", "TEAM");
  /** At most 18 m² per person for households of three or more people (domain.md, acceptance). */
  static final double MAX_AREA_PER_PERSON = 18.0;
  static final int MAX_DEFECT_LENGTH = 200;

  @Override
  public Map<String, StepRule> byActivityId() {
    return Map.ofEntries(
        Map.entry(TASK_CONFIRM_IDENTIFICATION, HouseholdStepRules::confirmIdentification),
        Map.entry(TASK_VERIFY_HOUSING, HouseholdStepRules::verifyHousing),
        Map.entry(TASK_APPRAISE_HOUSE, HouseholdStepRules::appraiseHouse),
        Map.entry(TASK_CONFIRM_RELOCATION, HouseholdStepRules::confirmRelocation),
        Map.entry(TASK_ARRANGE_ALTERNATIVE_HOUSING, HouseholdStepRules::arrangeAlternativeHousing),
        Map.entry(TASK_VILLAGE_REVIEW, v -> review(v, Vars.VILLAGE_REVIEW_DATE, Vars.APPRAISAL_DATE,
            Vars.VILLAGE_REVIEW_APPROVED, Vars.VILLAGE_REVIEW_REMARKS)),
        Map.entry(TASK_TOWNSHIP_REVIEW, v -> review(v, Vars.HOME_VISIT_DATE, Vars.VILLAGE_REVIEW_DATE,
            Vars.TOWNSHIP_REVIEW_APPROVED, Vars.TOWNSHIP_REVIEW_REMARKS)),
        Map.entry(TASK_COUNTY_APPROVAL, v -> review(v, Vars.COUNTY_APPROVAL_DATE, Vars.HOME_VISIT_DATE,
            Vars.COUNTY_APPROVED, Vars.COUNTY_APPROVAL_REMARKS)),
        Map.entry(TASK_SIGN_AGREEMENT, HouseholdStepRules::signAgreement),
        Map.entry(TASK_START_CONSTRUCTION, HouseholdStepRules::startConstruction),
        Map.entry(TASK_INSPECT_CONSTRUCTION, HouseholdStepRules::inspectConstruction),
        Map.entry(TASK_INSPECT_ACCEPTANCE, HouseholdStepRules::inspectAcceptance),
        Map.entry(TASK_PAYOUT_SUBSIDY, HouseholdStepRules::payoutSubsidy),
        Map.entry(TASK_SUPPLY_ARCHIVE_DATA, HouseholdStepRules::supplyArchiveData),
        Map.entry(TASK_ARCHIVE_CASE, HouseholdStepRules::archiveCase));
  }

  @Override
  public Map<String, List<String>> freshOnEntry() {
    return Map.of(
        TASK_VILLAGE_REVIEW, List.of(Vars.VILLAGE_REVIEW_APPROVED, Vars.VILLAGE_REVIEW_REMARKS),
        TASK_TOWNSHIP_REVIEW, List.of(Vars.TOWNSHIP_REVIEW_APPROVED, Vars.TOWNSHIP_REVIEW_REMARKS),
        TASK_COUNTY_APPROVAL, List.of(Vars.COUNTY_APPROVED, Vars.COUNTY_APPROVAL_REMARKS),
        TASK_INSPECT_ACCEPTANCE, List.of(Vars.ACCEPTANCE_PASSED, Vars.ACCEPTANCE_DEFECTS));
  }

  static void confirmIdentification(StepValues v) {
    Optional<Boolean> confirmed = v.decision(Vars.IDENTITY_CONFIRMED);
    requireRemarksUnless(v, confirmed, Vars.IDENTITY_REMARKS, "is required when membership is not confirmed");
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
    v.oneOf(Vars.SAFETY_GRADE, SAFETY_GRADES);
    v.line(Vars.APPRAISER_NAME, 50);
    v.notBefore(Vars.APPRAISAL_DATE, v.pastDate(Vars.APPRAISAL_DATE), Vars.VERIFICATION_DATE);
    v.line(Vars.APPRAISAL_REPORT_REF, 50);
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
    requireRemarksUnless(v, approved, remarksVar, "is required when the case is not approved");
  }

  static void signAgreement(StepValues v) {
    v.line(Vars.AGREEMENT_NUMBER, 50);
    v.notBefore(Vars.AGREEMENT_DATE, v.pastDate(Vars.AGREEMENT_DATE), Vars.COUNTY_APPROVAL_DATE);
    v.oneOf(Vars.BUILDER_TYPE, BUILDER_TYPES);
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
      v.errors().add(Vars.FLOOR_AREA, "(" + area.get() + " m²) exceeds " + MAX_AREA_PER_PERSON
          + " m² per person for " + people.longValue() + " people");
    }
    boolean toilet = v.flag(Vars.HAS_SANITARY_TOILET);
    boolean livestock = v.flag(Vars.LIVESTOCK_SEPARATED);
    boolean demolished = v.flag(Vars.OLD_HOUSE_DEMOLISHED);
    v.flag(Vars.SEISMIC_MEASURES);
    Optional<Boolean> passed = v.decision(Vars.ACCEPTANCE_PASSED);
    if (passed.orElse(false)) {
      if (!toilet) {
        v.errors().add(Vars.HAS_SANITARY_TOILET, "a house without a sanitary toilet cannot pass acceptance");
      }
      if (!livestock) {
        v.errors().add(Vars.LIVESTOCK_SEPARATED, "people must be separated from livestock to pass acceptance");
      }
      if (!demolished) {
        v.errors().add(Vars.OLD_HOUSE_DEMOLISHED, "the old house must be demolished (one household, one house)");
      }
    }
    if (passed.isPresent() && !passed.get()) {
      Optional<String> defects = v.optionalText(Vars.ACCEPTANCE_DEFECTS, 2000);
      if (defects.isEmpty()) {
        v.errors().add(Vars.ACCEPTANCE_DEFECTS, "list at least one defect when acceptance fails");
      } else {
        defects.get().lines().filter(line -> line.strip().length() > MAX_DEFECT_LENGTH).findFirst()
            .ifPresent(line -> v.errors().add(Vars.ACCEPTANCE_DEFECTS,
                "each defect may have at most " + MAX_DEFECT_LENGTH + " characters"));
      }
    }
  }

  static void payoutSubsidy(StepValues v) {
    Optional<Long> paid = v.wholeNumber(Vars.PAID_AMOUNT, 0, 1_000_000);
    Object approved = v.raw(Vars.SUBSIDY_AMOUNT);
    if (paid.isPresent() && approved instanceof Number amount && paid.get() != amount.longValue()) {
      v.errors().add(Vars.PAID_AMOUNT, "(" + paid.get() + ") must equal the approved subsidy of "
          + amount.longValue() + " yuan");
    }
    v.notBefore(Vars.PAYMENT_DATE, v.pastDate(Vars.PAYMENT_DATE), Vars.ACCEPTANCE_DATE);
    v.line(Vars.PAYMENT_REFERENCE, 50);
  }

  static void supplyArchiveData(StepValues v) {
    // what is still missing is judged by ServiceTask_CheckArchiveCompleteness; here only the shape
    for (String text : new String[] {Vars.APPRAISAL_REPORT_REF, Vars.AGREEMENT_NUMBER, Vars.PAYMENT_REFERENCE}) {
      v.optionalText(text, 50);
    }
    v.optionalText(Vars.RELOCATION_SITE, 200);
    v.optionalText(Vars.ALTERNATIVE_ADDRESS, 200);
    for (String date : CheckArchiveCompletenessDelegate.DATE_ITEMS) {
      v.optionalDate(date);
    }
  }

  static void archiveCase(StepValues v) {
    v.line(Vars.ARCHIVE_NUMBER, 50);
    v.pastDate(Vars.ARCHIVED_DATE);
    if (!v.flag(Vars.SYSTEM_DATA_APPROVED)) {
      v.errors().add(Vars.SYSTEM_DATA_APPROVED, "the data must be approved in the information system before archiving");
    }
  }

  private static void requireRemarksUnless(StepValues v, Optional<Boolean> decision, String remarksVar, String reason) {
    Optional<String> remarks = v.optionalText(remarksVar, 500);
    if (decision.isPresent() && !decision.get() && remarks.isEmpty()) {
      v.errors().add(remarksVar, reason);
    }
  }
}
