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

  public List<String> laggingCounties(int year, Deadline deadline) {
    return jdbc.queryForList("select distinct county_code from household where campaign_year = ? and "
        + lagging(deadline) + " order by county_code", String.class, year);
  }

  public List<LaggingCase> laggingCases(int year, Deadline deadline, String countyCode) {
    return jdbc.query("select household_id, head_name, village, county_code from household where campaign_year = ? "
        + "and county_code = ? and " + lagging(deadline) + " order by household_id",
        (rs, n) -> new LaggingCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        year, countyCode);
  }
}
