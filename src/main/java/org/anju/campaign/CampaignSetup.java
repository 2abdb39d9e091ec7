package org.anju.campaign;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, opens a campaign so that households have one to belong to: the year of
 * {@code anju.campaign.year}, or the next whose end of May lies ahead, with 31 March and 31 May.
 */
@Component
@Order(2)
public class CampaignSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignSetup.class);

  private final CampaignCalendar calendar;
  private final Campaigns campaigns;
  private final Integer year;
  private final int warningDays;

  public CampaignSetup(CampaignCalendar calendar, Campaigns campaigns,
      @Value("${anju.campaign.year:#{null}}") Integer year, @Value("${anju.campaign.warning-days:7}") int warningDays) {
    this.calendar = calendar;
    this.campaigns = campaigns;
    this.year = year;
    this.warningDays = warningDays;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!calendar.all().isEmpty()) {
      return;
    }
    Campaign first = year != null ? Campaign.standard(year, warningDays)
        : Campaigns.next(CampaignCalendar.today(), warningDays);
    campaigns.open(first);
    LOG.info("Opened campaign {}: start deadline {}, completion deadline {}", first.year(), first.startDeadline(),
        first.completionDeadline());
  }

}
