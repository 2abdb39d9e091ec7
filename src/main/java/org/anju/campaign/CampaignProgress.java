package org.anju.campaign;

import java.util.List;

import org.anju.campaign.Campaign.Deadline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which open cases lag behind a campaign deadline, from the household table's milestones. */
@Repository
public class CampaignProgress {

  /** A renovation case: not yet decided, or decided to reinforce or rebuild. */
  private static final String RENOVATION = "(renovation_method is null or renovation_method in ('REINFORCE', 'REBUILD'))";

  /** START: dynamic-guarantee renovations not started. COMPLETION: not verified, or renovations not accepted. */
  static String lagging(Deadline deadline) {
    return deadline == Deadline.START
        ? "outcome is null and dynamic_guarantee = true and construction_started_on is null and " + RENOVATION
        : "outcome is null and (verified_on is null or (dynamic_guarantee = true and accepted_on is null and "
            + RENOVATION + "))";
  }

  /** One lagging case. */
  public record LaggingCase(String householdId, String headName, String village, String countyCode) {}

  private final JdbcTemplate jdbc;

  public CampaignProgress(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The counties lagging behind a deadline: with a lagging case, and at the completion deadline also with
   * a problem of the campaign's checks still open (not cleared to the bottom, 清零见底).
   */
  public List<String> laggingCounties(int year, Deadline deadline) {
    java.util.SortedSet<String> counties = new java.util.TreeSet<>(jdbc.queryForList(
        "select distinct county_code from household where campaign_year = ? and " + lagging(deadline),
        String.class, year));
    if (deadline == Deadline.COMPLETION) {
      counties.addAll(jdbc.queryForList("select distinct county_code from problem where campaign_year = ? "
          + "and status = 'OPEN'", String.class, year));
    }
    return List.copyOf(counties);
  }

  /** The problems of the campaign's checks in a county still open, one line each: id, village, description. */
  public List<String> openProblems(int year, String countyCode) {
    return jdbc.query("select problem_id, village, description from problem where campaign_year = ? and "
        + "county_code = ? and status = 'OPEN' order by id", (rs, n) -> rs.getString(1) + " "
        + (rs.getString(2) == null ? "" : rs.getString(2) + " ") + rs.getString(3), year, countyCode);
  }

  /** Whether one household lags behind a deadline: the same rule as the county lists, so both agree. */
  public boolean isLagging(String householdId, Deadline deadline) {
    Integer hit = jdbc.query("select 1 from household where household_id = ? and " + lagging(deadline),
        rs -> rs.next() ? 1 : null, householdId);
    return hit != null;
  }

  public List<LaggingCase> laggingCases(int year, Deadline deadline, String countyCode) {
    return jdbc.query("select household_id, head_name, village, county_code from household where campaign_year = ? "
        + "and county_code = ? and " + lagging(deadline) + " order by household_id",
        (rs, n) -> new LaggingCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        year, countyCode);
  }
}
