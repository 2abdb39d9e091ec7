package org.anju.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.campaign.Campaign.Deadline;
import org.anju.clock.AnjuClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a campaign: its row in the calendar and its {@code housing-campaign} instance, together. */
@Service
public class Campaigns {

  public static final String PROCESS_KEY = HousingCampaignProcess.KEY;

  /**
   * The timers that wait for a campaign's dates, by element id: the campaign's own, and the deadline
   * sub-processes of every case and every check (their ids are the same in both models).
   */
  static final Set<String> DATED_TIMERS = Set.of(HousingCampaignProcess.Elements.TIMER_START_WARNING,
      HousingCampaignProcess.Elements.TIMER_START_DEADLINE, HousingCampaignProcess.Elements.TIMER_COMPLETION_WARNING,
      HousingCampaignProcess.Elements.TIMER_COMPLETION_DEADLINE, "StartEvent_StartDeadlinePassed",
      "StartEvent_CompletionDeadlinePassed");

  private static final int PAGE = 500;

  private final CampaignCalendar calendar;
  private final RuntimeService runtime;
  private final ManagementService management;

  public Campaigns(CampaignCalendar calendar, RuntimeService runtime, ManagementService management) {
    this.calendar = calendar;
    this.runtime = runtime;
    this.management = management;
  }

  /** The problems that keep a campaign from being opened, each as "field: reason". */
  public List<String> problems(Campaign campaign) {
    List<String> problems = fieldProblems(campaign);
    if (problems.isEmpty() && calendar.find(campaign.year()).isPresent()) {
      problems.add("year: campaign " + campaign.year() + " exists already");
    }
    return problems;
  }

  /**
   * The problems that keep a campaign's dates from being moved: a deadline that has passed has fired its
   * timers (the lists went out, the cases were judged), and a new date must lie ahead.
   */
  public List<String> moveProblems(Campaign changed) {
    List<String> problems = fieldProblems(changed);
    Optional<Campaign> current = calendar.find(changed.year());
    if (current.isEmpty() || !problems.isEmpty()) {
      return problems;
    }
    LocalDate today = CampaignCalendar.today();
    for (Deadline deadline : Deadline.values()) {
      String field = deadline == Deadline.START ? "startDeadline" : "completionDeadline";
      LocalDate before = current.get().date(deadline);
      LocalDate after = changed.date(deadline);
      if (before.equals(after)) {
        continue;
      }
      if (before.isBefore(today)) {
        problems.add(field + ": " + before + " has passed and its timers have fired; it cannot be moved");
      } else if (after.isBefore(today)) {
        problems.add(field + ": must not lie in the past");
      }
    }
    return problems;
  }

  /**
   * Moves a campaign's dates and every timer still waiting for them, in one transaction: the rows of
   * the calendar, then each waiting timer re-evaluated from its model's expression. Returns how many
   * timers moved. Only the timers due at one of the old dates are touched, a page at a time.
   */
  @Transactional
  public int move(Campaign changed) {
    List<String> problems = moveProblems(changed);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Campaign before = calendar.find(changed.year()).orElseThrow();
    calendar.update(changed);
    Set<Date> old = new LinkedHashSet<>();
    for (Deadline deadline : Deadline.values()) {
      if (!before.date(deadline).equals(changed.date(deadline)) || before.warningDays() != changed.warningDays()) {
        old.add(AnjuClock.startOf(before.date(deadline).plusDays(1)));
        old.add(AnjuClock.startOf(before.date(deadline).minusDays(before.warningDays())));
      }
    }
    int moved = 0;
    for (Date due : old) {
      for (String timer : DATED_TIMERS) {
        List<Job> page;
        do { // a moved timer leaves the window, so the next page starts at 0 again
          page = management.createJobQuery().timers().activityId(timer).duedateHigherThan(new Date(due.getTime() - 1))
              .duedateLowerThan(new Date(due.getTime() + 1)).listPage(0, PAGE);
          page.forEach(job -> management.recalculateJobDuedate(job.getId(), false));
          moved += page.size();
        } while (page.size() == PAGE);
      }
    }
    return moved;
  }

  private List<String> fieldProblems(Campaign campaign) {
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
