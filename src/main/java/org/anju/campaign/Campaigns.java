package org.anju.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a campaign: its row in the calendar and its {@code housing-campaign} instance, together. */
@Service
public class Campaigns {

  public static final String PROCESS_KEY = HousingCampaignProcess.KEY;

  private final CampaignCalendar calendar;
  private final RuntimeService runtime;

  public Campaigns(CampaignCalendar calendar, RuntimeService runtime) {
    this.calendar = calendar;
    this.runtime = runtime;
  }

  /** The problems that keep a campaign from being opened, each as "field: reason". */
  public List<String> problems(Campaign campaign) {
    List<String> problems = new ArrayList<>();
    if (campaign.year() < 2000 || campaign.year() > 2100) {
      problems.add("year: must be between 2000 and 2100");
    }
    if (campaign.startDeadline() == null) {
      problems.add("startDeadline: is required");
    }
    if (campaign.completionDeadline() == null) {
      problems.add("completionDeadline: is required");
    }
    if (campaign.startDeadline() != null && campaign.completionDeadline() != null
        && !campaign.startDeadline().isBefore(campaign.completionDeadline())) {
      problems.add("completionDeadline: must come after startDeadline");
    }
    if (campaign.warningDays() < 1 || campaign.warningDays() > 60) {
      problems.add("warningDays: must be between 1 and 60");
    }
    if (problems.isEmpty() && calendar.find(campaign.year()).isPresent()) {
      problems.add("year: campaign " + campaign.year() + " exists already");
    }
    return problems;
  }

  @Transactional
  public String open(Campaign campaign) {
    List<String> problems = problems(campaign);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    calendar.save(campaign, ClockUtil.getCurrentTime().toInstant());
    return runtime.startProcessInstanceByKey(PROCESS_KEY, "campaign-" + campaign.year(),
        Map.of("campaignYear", campaign.year())).getId();
  }

  /** The campaign to open on a first start: this year's if its end of May is still ahead, else next year's. */
  public static Campaign next(LocalDate today, int warningDays) {
    int year = today.isAfter(LocalDate.of(today.getYear(), 5, 31)) ? today.getYear() + 1 : today.getYear();
    return Campaign.standard(year, warningDays);
  }
}
