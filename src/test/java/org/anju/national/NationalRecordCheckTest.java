package org.anju.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.national.NationalIndicators.Group;
import org.anju.national.NationalIndicators.Indicator;
import org.anju.national.NationalRecordCheck.Gap;
import org.junit.jupiter.api.Test;

/**
 * The national record's check as the township reads its result: a complete case has no gap, and each gap names
 * the indicator, the field to supply and why, in Chinese and English.
 */
class NationalRecordCheckTest {

  @Test
  void shouldMapSixGroupsAndFortyOneIndicatorsEachWithItsOwnCode() {
    assertThat(NationalIndicators.ALL).hasSize(41);
    assertThat(NationalIndicators.ALL).extracting(Indicator::group).containsOnly(Group.values()).hasSize(41);
    assertThat(Group.values()).hasSize(6);
    assertThat(NationalIndicators.ALL).extracting(Indicator::code).doesNotHaveDuplicates()
        .allSatisfy(code -> assertThat(code).matches("[A-F]\\d{2}"));
    for (Indicator indicator : NationalIndicators.ALL) {
      assertThat(indicator.code()).as("code of %s", indicator.en()).startsWith(indicator.group().letter());
    }
    assertThat(NationalIndicators.of(Group.ADDRESS)).extracting(Indicator::en)
        .containsExactly("province", "city", "county", "township", "village", "house address");
  }

  @Test
  void shouldFindNoGapInACompleteRenovation() {
    assertThat(NationalRecordCheck.gaps(rebuild(), rebuildPhotos())).isEmpty();
  }

  @Test
  void shouldNameAMissingValueByIndicatorAndField() {
    Map<String, Object> variables = rebuild();
    variables.remove(Vars.TOWNSHIP_NAME);
    variables.put(Vars.PAYMENT_REFERENCE, " ");

    List<Gap> gaps = NationalRecordCheck.gaps(variables, rebuildPhotos());

    assertThat(gaps).extracting(Gap::code, Gap::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("A04", Vars.TOWNSHIP_NAME),
        org.assertj.core.groups.Tuple.tuple("D04", Vars.PAYMENT_REFERENCE));
    assertThat(gaps.get(0).message()).isEqualTo("A04 乡镇：缺失 / township: missing");
  }

  @Test
  void shouldRefuseWhatTheNationalSystemWouldRefuse() {
    Map<String, Object> variables = rebuild();
    variables.put(Vars.RESIDENT_ID, "11010519491231002");
    variables.put(Vars.APPRAISAL_DATE, "2020/03/01");
    variables.put(Vars.SUBSIDY_AMOUNT, -20000L);
    variables.put(Vars.HOUSEHOLD_SIZE, 0L);
    variables.put(Vars.KEY_GROUP, "RICH");

    assertThat(messages(NationalRecordCheck.gaps(variables, rebuildPhotos()))).containsExactly(
        "B02 身份证号码：应为 18 位，现为 17 位 / resident ID number: must have 18 characters, not 17",
        "B03 家庭人口：（0）须为正整数 / household size: (0) must be a whole number of 1 or more",
        "B04 重点对象类型：“RICH”不是可选值（POOR、DIBAO、TEKUN、DISABLED） / key group: 'RICH' is not one of POOR, DIBAO, "
            + "TEKUN, DISABLED",
        "B09 鉴定日期：“2020/03/01”不是 yyyy-MM-dd 格式的日期 / appraisal date: '2020/03/01' is not a date in the form yyyy-MM-dd",
        "D01 批准补助金额（元）：（-20000）须为非负数 / approved subsidy (yuan): (-20000) must be a number of 0 or more");
  }

  @Test
  void shouldRefuseAPaymentThatDiffersFromTheApprovedSubsidy() {
    Map<String, Object> variables = rebuild();
    variables.put(Vars.PAID_AMOUNT, 15000L);

    assertThat(messages(NationalRecordCheck.gaps(variables, rebuildPhotos()))).containsExactly(
        "D02 已发放金额（元）：（15000 元）与批准的补助金额 20000 元不一致 / amount paid (yuan): (15000 yuan) differs from "
            + "the approved subsidy of 20000 yuan");
  }

  @Test
  void shouldRefuseAResidentIdWithAWrongCheckCharacter() {
    Map<String, Object> variables = rebuild();
    variables.put(Vars.RESIDENT_ID, "110105194912310021");

    assertThat(NationalRecordCheck.gaps(variables, rebuildPhotos())).singleElement()
        .satisfies(gap -> assertThat(gap.message()).contains("B02", "X"));
  }

  @Test
  void shouldRefuseARenovationBelowTheBottomLineOrWithDatesOutOfOrder() {
    Map<String, Object> variables = rebuild();
    variables.put(Vars.HAS_SANITARY_TOILET, false);
    variables.put(Vars.OLD_HOUSE_DEMOLISHED, false);
    variables.put(Vars.SEISMIC_MEASURES, false); // 岢岚县 lies in a zone of intensity 7
    variables.put(Vars.ACCEPTANCE_DATE, "2020-05-01"); // before the completion on 05-10

    assertThat(NationalRecordCheck.gaps(variables, rebuildPhotos())).extracting(Gap::code)
        .containsExactly("C08", "C10", "C11", "C13");
    assertThat(messages(NationalRecordCheck.gaps(variables, rebuildPhotos())).get(0))
        .isEqualTo("C08 竣工验收日期：（2020-05-01）早于竣工日期（2020-05-10） / acceptance date: (2020-05-01) is before the "
            + "completion date (2020-05-10)");
  }

  @Test
  void shouldNeedEveryRenovationPhotoAndTheDemolitionPhotoOfARebuild() {
    Map<String, Integer> photos = new HashMap<>(rebuildPhotos());
    photos.remove("DEMOLITION_PHOTO");
    photos.put("PHOTOS_DURING", 0);

    List<Gap> gaps = NationalRecordCheck.gaps(rebuild(), photos);

    assertThat(gaps).extracting(Gap::code, Gap::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("F02", "PHOTOS_DURING"),
        org.assertj.core.groups.Tuple.tuple("F04", "DEMOLITION_PHOTO"));
    assertThat(gaps.get(1).message())
        .isEqualTo("F04 旧房拆除照片：档案中没有，至少需要 1 份 / demolition photo: the household file holds none; at least 1 is needed");
  }

  @Test
  void shouldNotNeedTheDemolitionPhotoOfAReinforcedHouseThatKeepsIt() {
    Map<String, Object> variables = rebuild();
    variables.put(Vars.RENOVATION_METHOD, "REINFORCE");
    variables.put(Vars.OLD_HOUSE_DEMOLISHED, false);
    Map<String, Integer> photos = new HashMap<>(rebuildPhotos());
    photos.remove("DEMOLITION_PHOTO");

    assertThat(NationalRecordCheck.gaps(variables, photos)).isEmpty();
  }

  @Test
  void shouldAskNothingOfTheRenovationOrFundingOfARelocatedHousehold() {
    Map<String, Object> variables = household();
    variables.put(Vars.RENOVATION_METHOD, "RELOCATION");
    variables.put(Vars.RELOCATION_SITE, "县城广惠园移民新区");

    assertThat(NationalRecordCheck.gaps(variables, Map.of("PHOTOS_BEFORE", 2))).isEmpty();
    assertThat(NationalRecordCheck.gaps(variables, Map.of())).extracting(Gap::code).containsExactly("F01");
  }

  @Test
  void shouldNameTheMethodWhenItIsMissingAndAskOnlyWhatEveryCaseNeeds() {
    Map<String, Object> variables = household();

    assertThat(NationalRecordCheck.gaps(variables, Map.of("PHOTOS_BEFORE", 1))).extracting(Gap::code, Gap::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("C01", Vars.RENOVATION_METHOD));
  }

  @Test
  void shouldNeverAskWhatAnjuDoesNotCollect() {
    Map<String, Object> nothing = new HashMap<>();
    List<String> codes = NationalRecordCheck.gaps(nothing, Map.of()).stream().map(Gap::code).toList();

    assertThat(codes).doesNotContain("B06", "E01", "E02", "E03")
        .contains("A01", "A02", "A03", "A04", "A05", "A06", "B01", "B02", "C01", "F01");
  }

  /** What every case holds by the time it is archived: registration, verification and appraisal. */
  private static Map<String, Object> household() {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.HOUSEHOLD_ID, "140929-2020-00042");
    v.put(Vars.CITY_CODE, "1409");
    v.put(Vars.COUNTY_CODE, "140929");
    v.put(Vars.TOWNSHIP_CODE, "140929102");
    v.put(Vars.COUNTY_NAME, "岢岚县");
    v.put(Vars.TOWNSHIP_NAME, "宋家沟镇");
    v.put(Vars.VILLAGE, "宋家沟村");
    v.put(Vars.HOUSE_ADDRESS, "宋家沟村 12 号");
    v.put(Vars.HEAD_NAME, "王二小");
    v.put(Vars.RESIDENT_ID, "11010519491231002X");
    v.put(Vars.HOUSEHOLD_SIZE, 3L);
    v.put(Vars.KEY_GROUP, "POOR");
    v.put(Vars.DYNAMIC_GUARANTEE, true);
    v.put(Vars.HOUSE_STRUCTURE, "EARTH_WOOD");
    v.put(Vars.SAFETY_GRADE, "D");
    v.put(Vars.APPRAISAL_DATE, "2020-03-01");
    v.put(Vars.APPRAISAL_REPORT_REF, "JD-2020-0117");
    return v;
  }

  /** A rebuilt house, accepted and paid. */
  private static Map<String, Object> rebuild() {
    Map<String, Object> v = household();
    v.put(Vars.RENOVATION_METHOD, "REBUILD");
    v.put(Vars.COUNTY_APPROVAL_DATE, "2020-03-10");
    v.put(Vars.AGREEMENT_NUMBER, "GZ-2020-0088");
    v.put(Vars.BUILDER_TYPE, "CRAFTSMAN");
    v.put(Vars.BUILDER_NAME, "张师傅");
    v.put(Vars.CONSTRUCTION_START_DATE, "2020-03-20");
    v.put(Vars.CONSTRUCTION_COMPLETED_DATE, "2020-05-10");
    v.put(Vars.ACCEPTANCE_DATE, "2020-05-15");
    v.put(Vars.FLOOR_AREA, 52.5);
    v.put(Vars.SEISMIC_MEASURES, true);
    v.put(Vars.HAS_SANITARY_TOILET, true);
    v.put(Vars.LIVESTOCK_SEPARATED, true);
    v.put(Vars.OLD_HOUSE_DEMOLISHED, true);
    v.put(Vars.SUBSIDY_AMOUNT, 20000L);
    v.put(Vars.PAID_AMOUNT, 20000L);
    v.put(Vars.PAYMENT_DATE, "2020-05-28");
    v.put(Vars.PAYMENT_REFERENCE, "YKT-20200528-0042");
    return v;
  }

  private static Map<String, Integer> rebuildPhotos() {
    return Map.of("PHOTOS_BEFORE", 2, "PHOTOS_DURING", 1, "PHOTOS_AFTER", 2, "DEMOLITION_PHOTO", 1, "REVIEW_RECORD", 3);
  }

  private static List<String> messages(List<Gap> gaps) {
    return gaps.stream().map(Gap::message).toList();
  }
}
