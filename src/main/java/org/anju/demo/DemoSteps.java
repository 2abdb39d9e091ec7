package org.anju.demo;

import static org.anju.household.HouseholdCaseProcess.Elements.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.Registration;
import org.anju.region.ResidentIdNumber;

/**
 * Valid form values for every household-case step, as a clerk would enter them on the way to
 * "made safe by renovation": the demo data walks cases with them, and tests start from them and
 * change one value at a time. Dates lie before {@code today}, in the order the rules require.
 */
public final class DemoSteps {

  private DemoSteps() {}

  /** A registration in a demo county, with a valid resident ID derived from {@code sequence}. */
  public static Registration registration(DemoUsers.DemoCounty county, String headName, String village,
      KeyGroup group, int sequence, boolean dynamicGuarantee) {
    return new Registration(headName, residentId(county.countyCode(), 1950 + sequence % 50, sequence),
        group, county.cityCode(), county.countyCode(), county.townshipCode(), village,
        village + sequence + "号", 1 + sequence % 5, dynamicGuarantee);
  }

  /** A valid resident ID number: address code, birth date 1 March of {@code birthYear}, sequence. */
  public static String residentId(String addressCode, int birthYear, int sequence) {
    String first17 = "%s%d0301%03d".formatted(addressCode, birthYear, sequence % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** The values a clerk submits for {@code activityId} on a renovation path ending today. */
  public static Map<String, Object> valuesFor(String activityId, LocalDate today) {
    Map<String, Object> v = new HashMap<>();
    switch (activityId) {
      case TASK_CONFIRM_IDENTIFICATION -> v.put(Vars.IDENTITY_CONFIRMED, true);
      case TASK_VERIFY_HOUSING -> {
        v.put(Vars.VERIFICATION_DATE, day(today, 60));
        v.put(Vars.VERIFIER_NAME, "郝建军");
        v.put(Vars.HOUSE_STRUCTURE, "EARTH_WOOD");
        v.put(Vars.CAN_BUILD, true);
        v.put(Vars.IN_RELOCATION_PROGRAMME, false);
        v.put(Vars.VERIFICATION_NOTES, "墙体开裂，屋面漏雨 Cracked walls, leaking roof");
      }
      case TASK_APPRAISE_HOUSE -> {
        v.put(Vars.SAFETY_GRADE, "D");
        v.put(Vars.APPRAISER_NAME, "高志明");
        v.put(Vars.APPRAISAL_DATE, day(today, 55));
        v.put(Vars.APPRAISAL_REPORT_REF, "JD-2020-0117");
      }
      case TASK_CONFIRM_RELOCATION -> {
        v.put(Vars.RELOCATION_SITE, "县城广惠园移民新区 Guanghuiyuan resettlement area");
        v.put(Vars.MOVE_IN_DATE, day(today, 20));
      }
      case TASK_ARRANGE_ALTERNATIVE_HOUSING -> {
        v.put(Vars.ALTERNATIVE_TYPE, "PUBLIC_RENTAL");
        v.put(Vars.ALTERNATIVE_ADDRESS, "村集体公租房 3 号 Village public rental flat 3");
        v.put(Vars.ALTERNATIVE_AGREEMENT_DATE, day(today, 30));
        v.put(Vars.MOVE_IN_DATE, day(today, 20));
      }
      case TASK_VILLAGE_REVIEW -> {
        v.put(Vars.VILLAGE_REVIEW_DATE, day(today, 50));
        v.put(Vars.VILLAGE_REVIEW_APPROVED, true);
      }
      case TASK_TOWNSHIP_REVIEW -> {
        v.put(Vars.HOME_VISIT_DATE, day(today, 42));
        v.put(Vars.TOWNSHIP_REVIEW_APPROVED, true);
      }
      case TASK_COUNTY_APPROVAL -> {
        v.put(Vars.COUNTY_APPROVAL_DATE, day(today, 34));
        v.put(Vars.COUNTY_APPROVED, true);
      }
      case TASK_SIGN_AGREEMENT -> {
        v.put(Vars.AGREEMENT_NUMBER, "GZ-2020-0088");
        v.put(Vars.AGREEMENT_DATE, day(today, 26));
        v.put(Vars.BUILDER_TYPE, "CRAFTSMAN");
        v.put(Vars.BUILDER_NAME, "张师傅 Master Zhang");
      }
      case TASK_START_CONSTRUCTION -> v.put(Vars.CONSTRUCTION_START_DATE, day(today, 25));
      case TASK_INSPECT_CONSTRUCTION -> {
        v.put(Vars.INSPECTION_DATE, day(today, 12));
        v.put(Vars.INSPECTOR_NAME, "郝建军");
        v.put(Vars.QUALITY_OK, true);
        v.put(Vars.SAFETY_OK, true);
        v.put(Vars.INSPECTION_NOTES, "圈梁构造柱已按要求设置 Ring beams and tie columns in place");
        v.put(Vars.CONSTRUCTION_COMPLETED, true);
        v.put(Vars.CONSTRUCTION_COMPLETED_DATE, day(today, 10));
      }
      case TASK_INSPECT_ACCEPTANCE -> {
        v.put(Vars.ACCEPTANCE_DATE, day(today, 6));
        v.put(Vars.FLOOR_AREA, 52.5);
        v.put(Vars.HAS_SANITARY_TOILET, true);
        v.put(Vars.LIVESTOCK_SEPARATED, true);
        v.put(Vars.OLD_HOUSE_DEMOLISHED, true);
        v.put(Vars.SEISMIC_MEASURES, true);
        v.put(Vars.ACCEPTANCE_PASSED, true);
      }
      case TASK_PAYOUT_SUBSIDY -> {
        v.put(Vars.PAYMENT_DATE, day(today, 2));
        v.put(Vars.PAYMENT_REFERENCE, "YKT-20200528-0042");
      }
      case TASK_SUPPLY_ARCHIVE_DATA -> { }
      case TASK_ARCHIVE_CASE -> {
        v.put(Vars.ARCHIVE_NUMBER, "DA-140929-2020-0042");
        v.put(Vars.ARCHIVED_DATE, day(today, 0));
        v.put(Vars.SYSTEM_DATA_APPROVED, true);
      }
      default -> throw new IllegalArgumentException("no demo values for step " + activityId);
    }
    return v;
  }

  private static String day(LocalDate today, int daysBefore) {
    return today.minusDays(daysBefore).toString();
  }
}
