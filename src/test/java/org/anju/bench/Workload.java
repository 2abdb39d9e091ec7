package org.anju.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Outcome;
import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.region.Division;
import org.anju.region.Divisions;
import org.anju.region.ResidentIdNumber;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's households: a register of open dynamic-guarantee cases spread over Xinzhou's
 * counties (as the 2020 task was spread over the province), and archived households of earlier
 * work spread over every county of Shanxi.
 */
final class Workload {

  /** Xinzhou (忻州市): the city of both demo counties. */
  static final String CITY = "1409";
  static final String HEADER = "headName,residentId,keyGroup,cityCode,countyCode,townshipCode,village,"
      + "houseAddress,householdSize,dynamicGuarantee";
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "赵", "杨", "郭", "高", "郝", "武"};
  private static final String[] GIVEN = {"秀英", "建国", "桂芳", "志明", "玉兰", "俊峰", "翠花", "有福"};

  private final Divisions divisions;

  Workload(Divisions divisions) {
    this.divisions = divisions;
  }

  /** The counties of the register: Xinzhou's counties that have townships. */
  List<Division> registerCounties() {
    return divisions.childrenOf(CITY).stream().filter(c -> !divisions.childrenOf(c.code()).isEmpty()).toList();
  }

  /** A register of {@code size} valid rows, round robin over the counties and their townships. */
  byte[] register(int size) {
    return register(0, size);
  }

  /** Rows {@code from} to {@code to} (exclusive) of one numbering of such registers. */
  byte[] register(int from, int to) {
    List<Division> counties = registerCounties();
    StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (int n = from; n < to; n++) {
      Division county = counties.get(n % counties.size());
      List<Division> townships = divisions.childrenOf(county.code());
      Division township = townships.get((n / counties.size()) % townships.size());
      String village = township.name().replaceAll("(镇|乡|街道|办事处)$", "") + (1 + n % 7) + "村";
      KeyGroup group = KeyGroup.values()[n % KeyGroup.values().length];
      csv.append(String.join(",", name(n), residentId(county.code(), n), group.name(), CITY, county.code(),
          township.code(), village, village + (1 + n % 97) + "号", String.valueOf(1 + n % 6), "true"))
          .append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A register of the province for the scale run: rows {@code from} to {@code to} (exclusive) of one numbering,
   * round robin over every township of Shanxi's 121 counties, so that each county gets households in
   * proportion to its number of townships.
   */
  byte[] provinceRegister(int from, int to) {
    List<Division[]> places = provinceTownships();
    StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (int n = from; n < to; n++) {
      Division[] place = places.get(n % places.size());
      String village = place[2].name().replaceAll("(镇|乡|街道|办事处)$", "") + (1 + (n / places.size()) % 7) + "村";
      // not n % 4 alone: the townships are a multiple of 4, and each would always get the same key group
      KeyGroup group = KeyGroup.values()[(n + n / 4) % KeyGroup.values().length];
      csv.append(String.join(",", name(n), residentId(place[1].code(), 2_000_000 + n), group.name(),
          place[0].code(), place[1].code(), place[2].code(), village, village + (1 + n % 97) + "号",
          String.valueOf(1 + n % 6), "true")).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The counties of the province. */
  List<Division> provinceCounties() {
    return divisions.childrenOf("14").stream().flatMap(city -> divisions.childrenOf(city.code()).stream()).toList();
  }

  /** Every township of the province, as {city, county, township}. */
  private List<Division[]> provinceTownships() {
    List<Division[]> places = new ArrayList<>();
    for (Division city : divisions.childrenOf("14")) {
      for (Division county : divisions.childrenOf(city.code())) {
        for (Division township : divisions.childrenOf(county.code())) {
          places.add(new Division[] {city, county, township});
        }
      }
    }
    return places;
  }

  int seedArchived(JdbcTemplate jdbc, int count, int campaignYear, LocalDate today) {
    return seedArchived(jdbc, 0, count, campaignYear, today);
  }

  /**
   * Inserts {@code count} archived households of {@code campaignYear} directly into the household
   * table, spread over every county of the province: the state that the progress report and the task
   * list face after a campaign's earlier work: rows {@code first} to {@code first + count} of one numbering.
   * Returns the number of rows written.
   */
  int seedArchived(JdbcTemplate jdbc, int first, int count, int campaignYear, LocalDate today) {
    List<Division[]> places = provinceTownships();
    Outcome[] outcomes = {Outcome.MADE_SAFE_BY_RENOVATION, Outcome.MADE_SAFE_BY_RENOVATION, Outcome.APPRAISED_SAFE,
        Outcome.SECURED_OTHER_WAY};
    int batch = 2_000;
    for (int from = first; from < first + count; from += batch) {
      List<Object[]> rows = new ArrayList<>();
      for (int n = from; n < Math.min(first + count, from + batch); n++) {
        Division[] place = places.get(n % places.size());
        Outcome outcome = outcomes[n % outcomes.length];
        boolean renovated = outcome == Outcome.MADE_SAFE_BY_RENOVATION;
        LocalDate closed = today.minusDays(1 + n % 120);
        rows.add(new Object[] {place[1].code() + "-" + campaignYear + "-A" + n, campaignYear,
            residentId(place[1].code(), 1_000_000 + n), name(n), KeyGroup.values()[n % 4].name(), place[0].code(),
            place[1].code(), place[2].code(), "档案村", "档案村" + n % 97 + "号", 1 + n % 6, n % 10 == 0,
            outcome.name(), Timestamp.from(Instant.from(closed.minusDays(150).atStartOfDay(java.time.ZoneOffset.UTC))),
            Timestamp.from(closed.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
            renovated ? RenovationMethod.REBUILD.name() : outcome == Outcome.APPRAISED_SAFE
                ? RenovationMethod.APPRAISED_SAFE.name() : RenovationMethod.RELOCATION.name(),
            Date.valueOf(closed.minusDays(140)), renovated ? Date.valueOf(closed.minusDays(90)) : null,
            renovated ? Date.valueOf(closed.minusDays(20)) : null});
      }
      jdbc.batchUpdate("""
          insert into household (household_id, campaign_year, resident_id, head_name, key_group, city_code,
            county_code, township_code, village, house_address, household_size, dynamic_guarantee, outcome,
            registered_at, closed_at, renovation_method, verified_on, construction_started_on, accepted_on)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }
    return count;
  }

  /** Uploads a register to {@code /api/intake/registers} as a clerk does, and waits until all its rows are in. */
  static void importRegister(Http admin, byte[] register, int rows) throws InterruptedException {
    Object id = Http.map(admin.postFile("/api/intake/registers", "register.csv", register)).get("id");
    java.util.Map<String, Object> status;
    do {
      Thread.sleep(100);
      status = Http.map(admin.get("/api/intake/registers/" + id));
    } while ("RUNNING".equals(status.get("status")));
    if (!"DONE".equals(status.get("status")) || ((Number) status.get("rowsImported")).intValue() != rows) {
      throw new IllegalStateException("intake did not import all " + rows + " rows: " + status);
    }
  }

  private static String name(int n) {
    return SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length];
  }

  /** A valid, unique resident ID number: county address code, a birth date and a sequence per n. */
  static String residentId(String countyCode, int n) {
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays((n / 1000) % 23_000);
    String first17 = "%s%s%03d".formatted(countyCode, birth.toString().replace("-", ""), n % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }
}
