package org.anju.national;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdFileRecord;
import org.anju.tasklist.FormOptions;

/**
 * Anju's mapping of the national information system's household record (全国农村危房改造信息系统): 6 groups,
 * 41 indicators, each with where Anju takes its value from and when the national system needs it. The
 * official field layout is not public; this one follows the household file (一户一档) and the path of a case,
 * and {@code docs/national-system.md} explains each choice.
 */
public final class NationalIndicators {

  private NationalIndicators() {}

  /** The record's six groups, in its order; each indicator's code starts with its group's letter. */
  public enum Group {
    ADDRESS("A", "地址信息", "address"),
    HOUSEHOLD("B", "农户信息", "household"),
    RENOVATION("C", "改造信息", "renovation"),
    FUNDING("D", "资金信息", "funding"),
    ENERGY_SAVING("E", "建筑节能示范", "energy-saving demonstration"),
    PHOTOS("F", "照片", "photos");

    private final String letter;
    private final String zh;
    private final String en;

    Group(String letter, String zh, String en) {
      this.letter = letter;
      this.zh = zh;
      this.en = en;
    }

    public String letter() {
      return letter;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }
  }

  /** Where Anju takes an indicator's value from. */
  public enum Source {
    /** A variable of the case, named by {@link Indicator#field()}. */
    VARIABLE,
    /** The number of documents of the household file's record named by {@link Indicator#field()}. */
    DOCUMENTS,
    /** Worked out from the variable named by {@link Indicator#field()} (a name from a division code). */
    DERIVED,
    /** Anju does not collect it; the county enters it in the national system itself. */
    NOT_COLLECTED
  }

  /** The value's shape, which decides the format checks and how the export writes it. */
  public enum Shape { TEXT, CHOICE, RESIDENT_ID, DATE, WHOLE, AMOUNT, AREA, FLAG, COUNT }

  /** When the national system needs an indicator filled in: by the path the case took. */
  public enum Required {
    ALWAYS("每户必填", "every household"),
    /** The method renovates the house ({@link RenovationMethod#renovates()}): reinforce, rebuild, seismic reinforce. */
    RENOVATES("改造户（加固、重建、抗震加固）必填", "when the method renovates the house (reinforce, rebuild, seismic reinforce)"),
    /** One household, one house: only a rebuild replaces the old house. */
    REBUILD("拆除重建户必填", "when the house is demolished and rebuilt"),
    /** The county decided a subsidy: on the renovation path, or wherever a subsidy amount was set. */
    SUBSIDY("享受补助的农户必填", "when a subsidy applies (the method renovates, or a subsidy was decided)"),
    /** Applies to demonstration households only, and Anju knows of none: never a gap, left for the county. */
    DEMONSTRATION_ONLY("仅节能示范户填写（Anju 不采集，由县级在系统中填写）",
        "demonstration households only (not collected by Anju; the county enters it)"),
    /** Anju does not collect it: never a gap, left for the county. */
    NOT_COLLECTED("Anju 不采集，由县级在系统中填写", "not collected by Anju; the county enters it");

    private final String zh;
    private final String en;

    Required(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }
  }

  /**
   * One indicator of the national record.
   *
   * @param field the case variable ({@link Vars}) or household file record ({@link HouseholdFileRecord}) it
   *     comes from; null when Anju does not collect it
   * @param choices the values a {@link Shape#CHOICE} may take; empty otherwise
   */
  public record Indicator(String code, Group group, String zh, String en, Source source, String field,
      Shape shape, Required required, Set<String> choices) {}

  private static final Set<String> KEY_GROUPS = names(KeyGroup.values());
  private static final Set<String> METHODS = names(RenovationMethod.values());

  /** The 41 indicators in the record's order. */
  public static final List<Indicator> ALL = List.of(
      // 地址信息: the national system names places; Anju holds the codes and the names it derived from them
      derived("A01", Group.ADDRESS, "省", "province", Vars.COUNTY_CODE),
      derived("A02", Group.ADDRESS, "市", "city", Vars.CITY_CODE),
      variable("A03", Group.ADDRESS, "县（市、区）", "county", Vars.COUNTY_NAME, Shape.TEXT, Required.ALWAYS),
      variable("A04", Group.ADDRESS, "乡镇", "township", Vars.TOWNSHIP_NAME, Shape.TEXT, Required.ALWAYS),
      variable("A05", Group.ADDRESS, "行政村", "village", Vars.VILLAGE, Shape.TEXT, Required.ALWAYS),
      variable("A06", Group.ADDRESS, "住房地址", "house address", Vars.HOUSE_ADDRESS, Shape.TEXT, Required.ALWAYS),
      // 农户信息: the household and the house as verification and appraisal found it
      variable("B01", Group.HOUSEHOLD, "户主姓名", "head of household", Vars.HEAD_NAME, Shape.TEXT, Required.ALWAYS),
      variable("B02", Group.HOUSEHOLD, "身份证号码", "resident ID number", Vars.RESIDENT_ID, Shape.RESIDENT_ID,
          Required.ALWAYS),
      variable("B03", Group.HOUSEHOLD, "家庭人口", "household size", Vars.HOUSEHOLD_SIZE, Shape.WHOLE, Required.ALWAYS),
      choice("B04", Group.HOUSEHOLD, "重点对象类型", "key group", Vars.KEY_GROUP, Required.ALWAYS, KEY_GROUPS),
      variable("B05", Group.HOUSEHOLD, "是否动态保障", "dynamic guarantee", Vars.DYNAMIC_GUARANTEE, Shape.FLAG,
          Required.ALWAYS),
      notCollected("B06", Group.HOUSEHOLD, "联系电话", "phone number", Required.NOT_COLLECTED),
      choice("B07", Group.HOUSEHOLD, "房屋结构", "house structure", Vars.HOUSE_STRUCTURE, Required.ALWAYS,
          FormOptions.HOUSE_STRUCTURES),
      choice("B08", Group.HOUSEHOLD, "危险等级", "safety grade", Vars.SAFETY_GRADE, Required.ALWAYS,
          FormOptions.SAFETY_GRADES),
      variable("B09", Group.HOUSEHOLD, "鉴定日期", "appraisal date", Vars.APPRAISAL_DATE, Shape.DATE, Required.ALWAYS),
      variable("B10", Group.HOUSEHOLD, "鉴定报告编号", "appraisal report number", Vars.APPRAISAL_REPORT_REF, Shape.TEXT,
          Required.ALWAYS),
      // 改造信息: every case says how it was secured; the rest is the renovation path's
      choice("C01", Group.RENOVATION, "改造方式", "renovation method", Vars.RENOVATION_METHOD, Required.ALWAYS, METHODS),
      variable("C02", Group.RENOVATION, "县级批准日期", "county approval date", Vars.COUNTY_APPROVAL_DATE, Shape.DATE,
          Required.RENOVATES),
      variable("C03", Group.RENOVATION, "改造协议编号", "agreement number", Vars.AGREEMENT_NUMBER, Shape.TEXT,
          Required.RENOVATES),
      choice("C04", Group.RENOVATION, "建设方式", "builder type", Vars.BUILDER_TYPE, Required.RENOVATES,
          FormOptions.BUILDER_TYPES),
      variable("C05", Group.RENOVATION, "施工工匠或队伍", "builder", Vars.BUILDER_NAME, Shape.TEXT, Required.RENOVATES),
      variable("C06", Group.RENOVATION, "开工日期", "construction start date", Vars.CONSTRUCTION_START_DATE, Shape.DATE,
          Required.RENOVATES),
      variable("C07", Group.RENOVATION, "竣工日期", "completion date", Vars.CONSTRUCTION_COMPLETED_DATE, Shape.DATE,
          Required.RENOVATES),
      variable("C08", Group.RENOVATION, "竣工验收日期", "acceptance date", Vars.ACCEPTANCE_DATE, Shape.DATE,
          Required.RENOVATES),
      variable("C09", Group.RENOVATION, "改造后建筑面积（平方米）", "floor area (m²)", Vars.FLOOR_AREA, Shape.AREA,
          Required.RENOVATES),
      variable("C10", Group.RENOVATION, "抗震构造措施", "anti-seismic measures", Vars.SEISMIC_MEASURES, Shape.FLAG,
          Required.RENOVATES),
      variable("C11", Group.RENOVATION, "卫生厕所", "sanitary toilet", Vars.HAS_SANITARY_TOILET, Shape.FLAG,
          Required.RENOVATES),
      variable("C12", Group.RENOVATION, "人畜分离", "people separated from livestock", Vars.LIVESTOCK_SEPARATED,
          Shape.FLAG, Required.RENOVATES),
      variable("C13", Group.RENOVATION, "旧房拆除", "old house demolished", Vars.OLD_HOUSE_DEMOLISHED, Shape.FLAG,
          Required.RENOVATES),
      // 资金信息: paid to the one-card account, so the reference is the bank's
      variable("D01", Group.FUNDING, "批准补助金额（元）", "approved subsidy (yuan)", Vars.SUBSIDY_AMOUNT, Shape.AMOUNT,
          Required.SUBSIDY),
      variable("D02", Group.FUNDING, "已发放金额（元）", "amount paid (yuan)", Vars.PAID_AMOUNT, Shape.AMOUNT,
          Required.SUBSIDY),
      variable("D03", Group.FUNDING, "发放日期", "payment date", Vars.PAYMENT_DATE, Shape.DATE, Required.SUBSIDY),
      variable("D04", Group.FUNDING, "一卡通发放凭证号", "payment reference", Vars.PAYMENT_REFERENCE, Shape.TEXT,
          Required.SUBSIDY),
      // 建筑节能示范: Anju runs no demonstration programme and records none
      notCollected("E01", Group.ENERGY_SAVING, "是否建筑节能示范户", "energy-saving demonstration household",
          Required.NOT_COLLECTED),
      notCollected("E02", Group.ENERGY_SAVING, "节能措施", "energy-saving measures", Required.DEMONSTRATION_ONLY),
      notCollected("E03", Group.ENERGY_SAVING, "节能示范补助金额（元）", "demonstration subsidy (yuan)",
          Required.DEMONSTRATION_ONLY),
      // 照片: how many the household file holds; the national system takes the pictures themselves
      photos("F01", "改造前照片", "photos before", HouseholdFileRecord.PHOTOS_BEFORE, Required.ALWAYS),
      photos("F02", "改造中照片", "photos during", HouseholdFileRecord.PHOTOS_DURING, Required.RENOVATES),
      photos("F03", "改造后照片", "photos after", HouseholdFileRecord.PHOTOS_AFTER, Required.RENOVATES),
      photos("F04", "旧房拆除照片", "demolition photo", HouseholdFileRecord.DEMOLITION_PHOTO, Required.REBUILD),
      photos("F05", "评议公示记录及照片", "review and notice records", HouseholdFileRecord.REVIEW_RECORD,
          Required.RENOVATES));

  private static final Map<String, Indicator> BY_CODE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Indicator::code, Function.identity()));

  public static Optional<Indicator> byCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** The indicators of {@code group}, in order. */
  public static List<Indicator> of(Group group) {
    return ALL.stream().filter(i -> i.group() == group).toList();
  }

  private static Indicator variable(String code, Group group, String zh, String en, String variable, Shape shape,
      Required required) {
    return new Indicator(code, group, zh, en, Source.VARIABLE, variable, shape, required, Set.of());
  }

  private static Indicator choice(String code, Group group, String zh, String en, String variable, Required required,
      Set<String> choices) {
    return new Indicator(code, group, zh, en, Source.VARIABLE, variable, Shape.CHOICE, required, choices);
  }

  private static Indicator derived(String code, Group group, String zh, String en, String fromCode) {
    return new Indicator(code, group, zh, en, Source.DERIVED, fromCode, Shape.TEXT, Required.ALWAYS, Set.of());
  }

  private static Indicator notCollected(String code, Group group, String zh, String en, Required required) {
    return new Indicator(code, group, zh, en, Source.NOT_COLLECTED, null, Shape.TEXT, required, Set.of());
  }

  private static Indicator photos(String code, String zh, String en, HouseholdFileRecord record, Required required) {
    return new Indicator(code, Group.PHOTOS, zh, en, Source.DOCUMENTS, record.name(), Shape.COUNT, required, Set.of());
  }

  private static Set<String> names(Enum<?>[] values) {
    // in the enum's order, so that a message lists them as the forms do
    java.util.LinkedHashSet<String> names = Arrays.stream(values).map(Enum::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    return java.util.Collections.unmodifiableSet(names);
  }
}
