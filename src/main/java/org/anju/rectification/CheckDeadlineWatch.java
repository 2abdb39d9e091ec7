package org.anju.rectification;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.anju.access.Role;
import org.anju.campaign.Campaign.Deadline;
import org.anju.campaign.CampaignCalendar;
import org.anju.campaign.CampaignDeadlines;
import org.anju.escalation.NotificationRequest;
import org.anju.escalation.Notifier;
import org.anju.rectification.ProblemRectificationProcess.Typed;
import org.anju.rectification.ProblemRectificationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serves the two deadline event sub-processes of {@code problem-rectification}: which problems of a check
 * were still open when a campaign deadline passed, and what follows. At the end of March they are
 * flagged in the ledger and escalated to the level above the party checked and to the county leading
 * group; at the end of May they are flagged not cleared (清零见底 failed) and the party that must rectify
 * them is told, while the county's listed supervision comes once per county with the campaign's list
 * ({@code housing-campaign}), which counts the county's problems not cleared.
 */
@Component("checkDeadlineWatch")
public class CheckDeadlineWatch {

  private final CampaignCalendar calendar;
  private final CampaignDeadlines deadlines;
  private final Notifier notifier;
  private final JdbcTemplate jdbc;

  public CheckDeadlineWatch(CampaignCalendar calendar, @Lazy CampaignDeadlines deadlines, @Lazy Notifier notifier,
      JdbcTemplate jdbc) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.notifier = notifier;
    this.jdbc = jdbc;
  }

  /** The campaign of the check: the household case's, else the one running when the check began. */
  int campaignYear(DelegateExecution execution) {
    return execution.getVariable(Vars.CAMPAIGN_YEAR) instanceof Number year ? year.intValue() : calendar.currentYear();
  }

  /**
   * The timers' date. The engine creates an event sub-process's timer as the check begins, before the
   * start listener has fixed {@code campaignYear}, so this takes the same campaign the listener will.
   */
  public Date deadlinePassed(DelegateExecution execution, String deadline) {
    return deadlines.deadlineDate(campaignYear(execution), deadline);
  }

  /** The problems of this check that were open when the deadline passed and are open still. */
  public long openAt(DelegateExecution execution, String deadline) {
    Long count = jdbc.queryForObject("select count(*) from problem where process_instance_id = ? and status = ? "
        + "and opened_at < ?", Long.class, execution.getProcessInstanceId(), ProblemLedger.OPEN, passedAt(execution,
            Deadline.valueOf(deadline)));
    return count == null ? 0 : count;
  }

  /** Serves {@code ServiceTask_EscalateOpenProblems}. */
  void escalate(DelegateExecution execution) {
    List<String> problems = flag(execution, Deadline.START);
    String county = Typed.COUNTY_CODE.get(execution);
    tell(execution, Deadline.START, List.of((String) execution.getVariable(Vars.VERIFIER_GROUP),
        Role.LEADING_GROUP.groupId(county)), "逾期未整改 Open past the start deadline", problems);
  }

  /** Serves {@code ServiceTask_ReportProblemsNotCleared}. */
  void reportNotCleared(DelegateExecution execution) {
    List<String> problems = flag(execution, Deadline.COMPLETION);
    tell(execution, Deadline.COMPLETION, List.of((String) execution.getVariable(Vars.RECTIFIER_GROUP)),
        "未清零见底 Not cleared by the completion deadline", problems);
  }

  private List<String> flag(DelegateExecution execution, Deadline deadline) {
    Timestamp passed = passedAt(execution, deadline);
    String column = deadline == Deadline.START ? "missed_start_deadline" : "missed_completion_deadline";
    jdbc.update("update problem set " + column + " = true where process_instance_id = ? and status = ? "
        + "and opened_at < ?", execution.getProcessInstanceId(), ProblemLedger.OPEN, passed);
    return jdbc.queryForList("select problem_id, description from problem where process_instance_id = ? and "
        + column + " = true and status = ? order by id", execution.getProcessInstanceId(), ProblemLedger.OPEN)
        .stream().map(CheckDeadlineWatch::line).toList();
  }

  private void tell(DelegateExecution execution, Deadline deadline, List<String> groups, String title,
      List<String> problems) {
    int year = campaignYear(execution);
    LocalDate date = deadlineDay(year, deadline);
    String check = execution.getProcessBusinessKey();
    notifier.notify(new NotificationRequest("check-deadline-" + year + ":" + deadline + ":" + execution.getProcessInstanceId(),
        Typed.COUNTY_CODE.get(execution), check, execution.getProcessInstanceId(), deadline.name() + "_OPEN_PROBLEMS", 1,
        groups.stream().distinct().toList(), null, title + " · " + problems.size() + " 个问题 problems · " + check,
        "截止日 Deadline " + date + "\n" + problems.stream().collect(Collectors.joining("\n"))));
  }

  private Timestamp passedAt(DelegateExecution execution, Deadline deadline) {
    return new Timestamp(deadlines.deadlineDate(campaignYear(execution), deadline.name()).getTime());
  }

  private LocalDate deadlineDay(int year, Deadline deadline) {
    return calendar.find(year).map(c -> c.date(deadline)).orElseThrow();
  }

  private static String line(Map<String, Object> row) {
    return row.get("problem_id") + " " + row.get("description");
  }
}
