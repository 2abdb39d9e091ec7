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
    List<Division> counties = registerCounties();
    StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (int n = 0; n < size; n++) {
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
   * Inserts {@code count} archived households of {@code campaignYear} directly into the household
   * table, spread over every county of the province: the state that the progress report and the task
   * list face after a campaign's earlier work. Returns the number of rows written.
   */
  int seedArchived(JdbcTemplate jdbc, int count, int campaignYear, LocalDate today) {
    List<Division[]> places = new ArrayList<>();
    for (Division city : divisions.childrenOf("14")) {
      for (Division county : divisions.childrenOf(city.code())) {
        for (Division township : divisions.childrenOf(county.code())) {
          places.add(new Division[] {city, county, township});
        }
      }
    }
    Outcome[] outcomes = {Outcome.MADE_SAFE_BY_RENOVATION, Outcome.MADE_SAFE_BY_RENOVATION, Outcome.APPRAISED_SAFE,
        Outcome.SECURED_OTHER_WAY};
    int batch = 2_000;
    for (int from = 0; from < count; from += batch) {
      List<Object[]> rows = new ArrayList<>();
      for (int n = from; n < Math.min(count, from + batch); n++) {
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
