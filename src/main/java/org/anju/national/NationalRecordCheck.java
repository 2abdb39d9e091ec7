package org.anju.national;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.national.NationalIndicators.Indicator;
import org.anju.national.NationalIndicators.Required;
import org.anju.national.NationalIndicators.Source;
import org.anju.region.ResidentIdNumber;
import org.anju.region.SeismicZoning;

/**
 * "Approve the information-system data" as a check: what of a case's national record ({@link NationalIndicators})
 * is missing, or has a value the national system would refuse, each gap named by indicator and by the field the
 * township supplies it in. A pure function of the case's variables and its household file's document counts.
 */
public final class NationalRecordCheck {

  /**
   * The dates of a renovation's path in the order they happen: each must not be before the one it follows,
   * or the national system's record tells an impossible story.
   */
  private static final List<String> DATE_ORDER = List.of("B09", "C02", "C06", "C07", "C08", "D03");

  private NationalRecordCheck() {}

  /**
   * One thing the national record lacks or would refuse.
   *
   * @param field the case variable or household file record that supplies it
   */
  public record Gap(String code, String field, String reasonZh, String reasonEn) {

    public Indicator indicator() {
      return NationalIndicators.byCode(code).orElseThrow();
    }

    /** {@code A04 乡镇：缺失 / township: missing}. */
    public String message() {
      return code + " " + indicator().zh() + "：" + reasonZh + " / " + indicator().en() + ": " + reasonEn;
    }
  }

  /**
   * The gaps of one case's national record, in the indicators' order.
   *
   * @param caseVariables the case's variables by {@code Vars} name, as stored (dates as ISO strings)
   * @param documentCountsByRecord how many documents the household file holds per record name
   *     ({@code PHOTOS_BEFORE} → 3); a record it lacks may be absent
   */
  public static List<Gap> gaps(Map<String, Object> caseVariables, Map<String, Integer> documentCountsByRecord) {
    RenovationMethod method = method(caseVariables.get(Vars.RENOVATION_METHOD));
    List<Gap> gaps = new ArrayList<>();
    for (Indicator indicator : NationalIndicators.ALL) {
      boolean required = applies(indicator.required(), method, caseVariables);
      if (indicator.source() == Source.NOT_COLLECTED) {
        continue;
      }
      if (indicator.source() == Source.DOCUMENTS) {
        int count = documentCountsByRecord.getOrDefault(indicator.field(), 0);
        if (required && count < 1) {
          gaps.add(gap(indicator, "档案中没有，至少需要 1 份", "the household file holds none; at least 1 is needed"));
        }
        continue;
      }
      Object value = caseVariables.get(indicator.field());
      if (blank(value)) {
        if (required) {
          gaps.add(gap(indicator, "缺失", "missing"));
        }
        continue;
      }
      shapeProblem(indicator, value, caseVariables).ifPresent(gaps::add);
    }
    if (method != null && method.renovates()) {
      bottomLines(method, caseVariables, gaps);
    }
    paidAsApproved(caseVariables, gaps);
    datesInOrder(caseVariables, gaps);
    gaps.sort(java.util.Comparator.comparing(Gap::code));
    return gaps;
  }

  private static boolean applies(Required required, RenovationMethod method, Map<String, Object> variables) {
    boolean renovates = method != null && method.renovates();
    return switch (required) {
      case ALWAYS -> true;
      case RENOVATES -> renovates;
      case REBUILD -> method == RenovationMethod.REBUILD;
      case SUBSIDY -> renovates || !blank(variables.get(Vars.SUBSIDY_AMOUNT));
      case DEMONSTRATION_ONLY, NOT_COLLECTED -> false;
    };
  }

  /** What the national system would refuse in a value that is there. */
  private static Optional<Gap> shapeProblem(Indicator indicator, Object value, Map<String, Object> variables) {
    return switch (indicator.shape()) {
      case TEXT -> indicator.source() == Source.DERIVED ? placeCode(indicator, value, variables)
          : value instanceof String ? Optional.empty() : Optional.of(gap(indicator, "须为文字", "must be text"));
      case CHOICE -> value instanceof String text && indicator.choices().contains(text) ? Optional.empty()
          : Optional.of(gap(indicator, "“" + value + "”不是可选值（" + String.join("、", indicator.choices()) + "）",
              "'" + value + "' is not one of " + String.join(", ", indicator.choices())));
      case RESIDENT_ID -> value instanceof String id
          // the birth date's upper bound was checked against the day of registration; the national system
          // checks length, digits, area, birth date and the check character, as this does
          ? ResidentIdNumber.reason(id, LocalDate.MAX).map(p -> gap(indicator, p.zh(), p.en()))
          : Optional.of(gap(indicator, "须为 18 位文字", "must be 18 characters of text"));
      case DATE -> date(value).isPresent() ? Optional.empty()
          : Optional.of(gap(indicator, "“" + value + "”不是 yyyy-MM-dd 格式的日期",
              "'" + value + "' is not a date in the form yyyy-MM-dd"));
      case WHOLE -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= 1
          ? Optional.empty() : Optional.of(gap(indicator, "（" + value + "）须为正整数", "(" + value + ") must be a whole number of 1 or more"));
      case AMOUNT -> value instanceof Number n && n.doubleValue() >= 0 ? Optional.empty()
          : Optional.of(gap(indicator, "（" + value + "）须为非负数", "(" + value + ") must be a number of 0 or more"));
      case AREA -> value instanceof Number n && n.doubleValue() > 0 ? Optional.empty()
          : Optional.of(gap(indicator, "（" + value + "）须为大于 0 的数", "(" + value + ") must be a number above 0"));
      case FLAG -> value instanceof Boolean ? Optional.empty()
          : Optional.of(gap(indicator, "（" + value + "）须为是或否", "(" + value + ") must be yes or no"));
      case COUNT -> Optional.empty();
    };
  }

  /** A01 and A02 are names the export derives from the codes: the codes must be Shanxi's and nest. */
  private static Optional<Gap> placeCode(Indicator indicator, Object value, Map<String, Object> variables) {
    String code = value instanceof String text ? text : "";
    if (indicator.field().equals(Vars.COUNTY_CODE) && !code.matches("14\\d{4}")) {
      return Optional.of(gap(indicator, "县代码“" + value + "”不是山西省的 6 位代码",
          "county code '" + value + "' is not a 6-digit code of Shanxi"));
    }
    if (indicator.field().equals(Vars.CITY_CODE) && !(code.matches("14\\d{2}")
        && variables.get(Vars.COUNTY_CODE) instanceof String county && county.startsWith(code))) {
      return Optional.of(gap(indicator, "市代码“" + value + "”与县代码不符",
          "city code '" + value + "' does not contain the county"));
    }
    return Optional.empty();
  }

  /** The bottom line a renovated house must meet to be recorded as made safe. */
  private static void bottomLines(RenovationMethod method, Map<String, Object> variables, List<Gap> gaps) {
    mustBeYes("C11", variables, "没有卫生厕所的改造不能录入", "a renovation without a sanitary toilet cannot be entered", gaps);
    mustBeYes("C12", variables, "人畜未分离的改造不能录入", "a renovation that leaves people with livestock cannot be entered", gaps);
    if (method == RenovationMethod.REBUILD) {
      mustBeYes("C13", variables, "拆除重建须拆除旧房（一户一宅）", "a rebuild must demolish the old house (one household, one house)", gaps);
    }
    if (seismicZone(variables.get(Vars.COUNTY_CODE))) {
      mustBeYes("C10", variables, "抗震设防烈度 " + SeismicZoning.REINFORCE_FROM + " 度及以上的县须落实抗震措施",
          "a county of seismic intensity " + SeismicZoning.REINFORCE_FROM + " or more needs anti-seismic measures", gaps);
    }
  }

  private static void mustBeYes(String code, Map<String, Object> variables, String zh, String en, List<Gap> gaps) {
    Indicator indicator = NationalIndicators.byCode(code).orElseThrow();
    // a missing or malformed value is already a gap of its own
    if (Boolean.FALSE.equals(variables.get(indicator.field()))) {
      gaps.add(gap(indicator, "为“否”：" + zh, "is no: " + en));
    }
  }

  private static boolean seismicZone(Object countyCode) {
    if (!(countyCode instanceof String code) || !code.matches("\\d{6}")) {
      return false;
    }
    try {
      return SeismicZoning.requiresMeasures(code);
    } catch (IllegalArgumentException unknownCounty) {
      return false; // A01 names the bad code
    }
  }

  private static void paidAsApproved(Map<String, Object> variables, List<Gap> gaps) {
    if (variables.get(Vars.SUBSIDY_AMOUNT) instanceof Number approved && variables.get(Vars.PAID_AMOUNT) instanceof Number paid
        && approved.doubleValue() >= 0 && paid.doubleValue() >= 0
        && Double.compare(approved.doubleValue(), paid.doubleValue()) != 0) {
      gaps.add(gap(NationalIndicators.byCode("D02").orElseThrow(),
          "（" + amount(paid) + " 元）与批准的补助金额 " + amount(approved) + " 元不一致",
          "(" + amount(paid) + " yuan) differs from the approved subsidy of " + amount(approved) + " yuan"));
    }
  }

  private static void datesInOrder(Map<String, Object> variables, List<Gap> gaps) {
    Indicator earlier = null;
    LocalDate earlierDate = null;
    for (String code : DATE_ORDER) {
      Indicator indicator = NationalIndicators.byCode(code).orElseThrow();
      Optional<LocalDate> date = date(variables.get(indicator.field()));
      if (date.isEmpty()) {
        continue;
      }
      if (earlierDate != null && date.get().isBefore(earlierDate)) {
        gaps.add(gap(indicator, "（" + date.get() + "）早于" + earlier.zh() + "（" + earlierDate + "）",
            "(" + date.get() + ") is before the " + earlier.en() + " (" + earlierDate + ")"));
      }
      earlier = indicator;
      earlierDate = date.get();
    }
  }

  private static Optional<LocalDate> date(Object value) {
    if (!(value instanceof String text) || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static RenovationMethod method(Object value) {
    try {
      return value instanceof String name ? RenovationMethod.valueOf(name) : null;
    } catch (IllegalArgumentException e) {
      return null; // C01 names it
    }
  }

  private static boolean blank(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }

  private static String amount(Number n) {
    return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : n.toString();
  }

  private static Gap gap(Indicator indicator, String zh, String en) {
    return new Gap(indicator.code(), indicator.field(), zh, en);
  }
}
