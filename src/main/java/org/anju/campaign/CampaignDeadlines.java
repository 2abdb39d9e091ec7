package org.anju.campaign;

import org.anju.clock.AnjuClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.anju.access.Role;
import org.anju.campaign.Campaign.Deadline;
import org.anju.campaign.CampaignProgress.LaggingCase;
import org.anju.escalation.NotificationRequest;
import org.anju.escalation.Notifier;
import org.anju.region.Divisions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Serves {@code housing-campaign}: the dates of its timers, the counties at risk or lagging at each
 * deadline with their lists of cases, and the notifications to those counties.
 */
@Component("campaignDeadlines")
public class CampaignDeadlines {

  private final CampaignCalendar calendar;
  private final CampaignProgress progress;
  private final Notifier notifier;
  private final Divisions divisions;
  private final TaskService tasks;
  private final String provinceAfter;

  public CampaignDeadlines(CampaignCalendar calendar, CampaignProgress progress, Notifier notifier,
      Divisions divisions, TaskService tasks, @Value("${anju.campaign.province-supervision-after:P14D}") String provinceAfter) {
    this.calendar = calendar;
    this.progress = progress;
    this.notifier = notifier;
    this.divisions = divisions;
    this.tasks = tasks;
    this.provinceAfter = provinceAfter;
  }

  /** The warning goes out {@code warningDays} before the deadline, at the start of that day. */
  public Date warningDate(Number year, String deadline) {
    Campaign campaign = campaign(year);
    return startOf(campaign.date(Deadline.valueOf(deadline)).minusDays(campaign.warningDays()));
  }

  /** Lagging cases named one by one in a list; the rest are counted. */
  public static final int LIST_LIMIT = 40;

  /** A deadline "by the end of March" has passed when 1 April begins. */
  public Date deadlineDate(Number year, String deadline) {
    return startOf(campaign(year).date(Deadline.valueOf(deadline)).plusDays(1));
  }

  public List<String> laggingCounties(Number year, String deadline) {
    return progress.laggingCounties(year.intValue(), Deadline.valueOf(deadline));
  }

  /**
   * The lagging cases of a county, one per line, with the step each waits at; beyond {@link #LIST_LIMIT}
   * cases a last line says how many more there are. A list is a task variable and a message, both of
   * which hold some 4,000 characters: a county with hundreds of lagging cases reads the rest in the
   * progress report, which lists them all.
   */
  public String laggingCaseList(Number year, String deadline, String countyCode) {
    List<LaggingCase> lagging = progress.laggingCases(year.intValue(), Deadline.valueOf(deadline), countyCode);
    String shown = lagging.stream().limit(LIST_LIMIT).map(this::describe).collect(Collectors.joining("\n"));
    int more = lagging.size() - LIST_LIMIT;
    String cases = more <= 0 ? shown : shown + "\n… 另有 " + more + " 户 and " + more
        + " more cases (进度报告 see the progress report)";
    if (Deadline.valueOf(deadline) != Deadline.COMPLETION) {
      return cases;
    }
    // the county's checks whose problems are not cleared to the bottom: one supervision covers both
    List<String> problems = progress.openProblems(year.intValue(), countyCode);
    if (problems.isEmpty()) {
      return cases;
    }
    int moreProblems = problems.size() - PROBLEM_LIST_LIMIT;
    return (cases.isEmpty() ? "" : cases + "\n") + "问题未清零 Problems not cleared: " + problems.size() + "\n"
        + problems.stream().limit(PROBLEM_LIST_LIMIT).collect(Collectors.joining("\n"))
        + (moreProblems <= 0 ? "" : "\n… 另有 " + moreProblems + " 个问题 and " + moreProblems + " more problems");
  }

  /** Open problems named one by one in a county's list at the completion deadline. */
  public static final int PROBLEM_LIST_LIMIT = 20;

  public String countyName(String countyCode) {
    return divisions.nameOf(countyCode);
  }

  public String citySupervisors(String countyCode) {
    return Role.CITY_SUPERVISOR.groupId(countyCode.substring(0, 4));
  }

  public String getProvinceAfter() {
    return provinceAfter;
  }

  /** Serves the warning tasks: every county at risk is told which of its cases would lag. */
  public void warnCountiesAtRisk(DelegateExecution execution, String deadline) {
    tellCounties(execution, Deadline.valueOf(deadline), "WARN", "即将到期预警 Deadline approaching");
  }

  /** Serves the reporting tasks: every lagging county gets its list; supervision follows. */
  public void reportLaggingCounties(DelegateExecution execution, String deadline) {
    tellCounties(execution, Deadline.valueOf(deadline), "LAGGING", "挂牌督战 Listed supervision: deadline passed");
  }

  private void tellCounties(DelegateExecution execution, Deadline deadline, String kind, String title) {
    int year = HousingCampaignProcess.Typed.CAMPAIGN_YEAR.get(execution);
    LocalDate date = campaign(year).date(deadline);
    for (String county : progress.laggingCounties(year, deadline)) {
      String list = laggingCaseList(year, deadline.name(), county);
      long count = progress.laggingCases(year, deadline, county).size();
      int problems = deadline == Deadline.COMPLETION ? progress.openProblems(year, county).size() : 0;
      notifier.notify(new NotificationRequest("campaign-" + year + ":" + deadline + ":" + kind + ":" + county, county,
          execution.getProcessBusinessKey(), execution.getProcessInstanceId(), deadline.name() + "_" + kind, 1,
          List.of(Role.LEADING_GROUP.groupId(county), Role.HOUSING.groupId(county)), null,
          title + " · " + divisions.nameOf(county) + " · " + count + " 户 cases"
              + (problems > 0 ? " · " + problems + " 个问题未清零 problems not cleared" : "") + " · " + date,
          "截止日 Deadline " + date + " (" + (deadline == Deadline.START ? "开工 start" : "竣工验收 completion")
              + ")\n" + list));
    }
  }

  private String describe(LaggingCase c) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(c.householdId()).list();
    String step = open.isEmpty() ? "" : " — " + open.get(0).getName().split(" · ")[0];
    return c.householdId() + " " + c.headName() + " " + c.village() + step;
  }

  private Campaign campaign(Number year) {
    return calendar.find(year.intValue())
        .orElseThrow(() -> new IllegalStateException("campaign " + year + " is not in the campaign table"));
  }

  private static Date startOf(LocalDate day) {
    return AnjuClock.startOf(day);
  }
}
