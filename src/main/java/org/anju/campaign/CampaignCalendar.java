package org.anju.campaign;

import org.anju.clock.AnjuClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.anju.escalation.CampaignDeadlineDates;
import org.anju.tasklist.Step.CampaignDeadline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The campaigns (table {@code campaign}) and which one a new household belongs to. */
@Repository("campaignCalendar")
public class CampaignCalendar implements CampaignDeadlineDates {

  private static final RowMapper<Campaign> ROW = (rs, n) -> new Campaign(rs.getInt("campaign_year"),
      rs.getDate("start_deadline").toLocalDate(), rs.getDate("completion_deadline").toLocalDate(),
      rs.getInt("warning_days"));

  private final JdbcTemplate jdbc;

  public CampaignCalendar(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void save(Campaign campaign, Instant now) {
    jdbc.update("insert into campaign (campaign_year, start_deadline, completion_deadline, warning_days, opened_at) "
        + "values (?, ?, ?, ?, ?)", campaign.year(), Date.valueOf(campaign.startDeadline()),
        Date.valueOf(campaign.completionDeadline()), campaign.warningDays(), Timestamp.from(now));
  }

  public void update(Campaign campaign) {
    jdbc.update("update campaign set start_deadline = ?, completion_deadline = ?, warning_days = ? where campaign_year = ?",
        Date.valueOf(campaign.startDeadline()), Date.valueOf(campaign.completionDeadline()), campaign.warningDays(),
        campaign.year());
  }

  public Optional<Campaign> find(int year) {
    return jdbc.query("select * from campaign where campaign_year = ?", ROW, year).stream().findFirst();
  }

  @Override
  public Optional<LocalDate> lastDay(int year, CampaignDeadline deadline) {
    return find(year).map(campaign -> campaign.date(Campaign.Deadline.valueOf(deadline.name())));
  }

  public List<Campaign> all() {
    return jdbc.query("select * from campaign order by campaign_year", ROW);
  }

  /**
   * The campaign a household registered today belongs to: the earliest whose completion deadline has
   * not passed; when every campaign is over, the latest; the current year when there is none.
   */
  public int currentYear() {
    LocalDate today = today();
    List<Campaign> campaigns = all();
    return campaigns.stream().filter(c -> !c.completionDeadline().isBefore(today)).map(Campaign::year).findFirst()
        .orElse(campaigns.isEmpty() ? today.getYear() : campaigns.get(campaigns.size() - 1).year());
  }

  public static LocalDate today() {
    return AnjuClock.today();
  }
}
