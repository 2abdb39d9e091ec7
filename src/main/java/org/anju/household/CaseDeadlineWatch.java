package org.anju.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.anju.access.Role;
import org.anju.campaign.Campaign.Deadline;
import org.anju.campaign.CampaignCalendar;
import org.anju.campaign.CampaignDeadlines;
import org.anju.campaign.CampaignProgress;
import org.anju.escalation.NotificationRequest;
import org.anju.escalation.Notifier;
import org.anju.household.HouseholdCaseProcess.Typed;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serves the two deadline event sub-processes of {@code household-case}: whether the case lags when a
 * campaign deadline passes (the rule of the campaign's county lists, {@link CampaignProgress}), and what
 * a miss leaves behind: the household table's flag, one notification to whoever holds the case's step
 * now, and a token waiting in the sub-process, which Cockpit shows on the model and the dashboard lists
 * among the stuck cases ({@value #STUCK_REASON}) until the case catches up.
 *
 * <p>Who hears what, once: the county's leading group and housing bureau get the campaign's list of
 * every lagging case of the county ({@code housing-campaign}), so the case's own notification goes to
 * the holder of its step only, and not at all when the holder is one of those two.
 */
@Component("caseDeadlineWatch")
public class CaseDeadlineWatch {

  /** What the dashboard's stuck list calls a case waiting past a deadline, beside the incident types. */
  public static final String STUCK_REASON = "deadlineMissed";

  private final CampaignProgress progress;
  private final CampaignCalendar calendar;
  private final CampaignDeadlines deadlines;
  private final Notifier notifier;
  private final JdbcTemplate jdbc;

  // lazy: the engine plugins need this watch before the engine whose services the notifier uses exists
  public CaseDeadlineWatch(CampaignProgress progress, CampaignCalendar calendar, @Lazy CampaignDeadlines deadlines,
      @Lazy Notifier notifier, JdbcTemplate jdbc) {
    this.progress = progress;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.notifier = notifier;
    this.jdbc = jdbc;
  }

  /**
   * The timers' date: when the campaign deadline has passed. The engine creates an event sub-process's
   * timer as the case begins, before the registration's listener has set {@code campaignYear}; the
   * listener takes the campaign a household registered now belongs to, and so does this.
   */
  public Date deadlinePassed(DelegateExecution execution, String deadline) {
    Integer year = Typed.CAMPAIGN_YEAR.get(execution);
    return deadlines.deadlineDate(year != null ? year : calendar.currentYear(), deadline);
  }

  /** The gateways after each deadline timer: does the case lag behind it? */
  public boolean lagging(DelegateExecution execution, String deadline) {
    return progress.isLagging(execution.getProcessBusinessKey(), Deadline.valueOf(deadline));
  }

  /** Serves the two record tasks: the flag and the notification. */
  void recordMiss(DelegateExecution execution, Deadline deadline) {
    String householdId = execution.getProcessBusinessKey();
    String countyCode = Typed.COUNTY_CODE.get(execution);
    int year = Typed.CAMPAIGN_YEAR.get(execution);
    LocalDate date = calendar.find(year).map(c -> c.date(deadline)).orElseThrow();
    jdbc.update("update household set " + column(deadline) + " = true where household_id = ?", householdId);

    String what = describe(deadline, date);
    ProcessEngineServices engine = execution.getProcessEngineServices();
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .active().list();
    Set<String> listed = Set.of(Role.LEADING_GROUP.groupId(countyCode), Role.HOUSING.groupId(countyCode));
    Set<String> groups = new LinkedHashSet<>();
    List<String> steps = new ArrayList<>();
    String assignee = null;
    for (Task task : open) {
      steps.add(task.getName().split(" · ")[0]);
      if (task.getAssignee() != null) {
        assignee = task.getAssignee();
        continue;
      }
      engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(link -> link.getGroupId()).filter(group -> !listed.contains(group)).forEach(groups::add);
    }
    if (assignee == null && groups.isEmpty()) {
      return; // the county's list names this case to everyone who holds it
    }
    notifier.notify(new NotificationRequest("deadline-" + year + ":" + deadline + ":" + householdId, countyCode,
        householdId, execution.getProcessInstanceId(), deadline.name() + "_MISSED", 1, List.copyOf(groups), assignee,
        what + " · " + householdId + " " + Typed.HEAD_NAME.get(execution),
        "截止日 Deadline " + date + "\n" + householdId + " " + Typed.HEAD_NAME.get(execution) + " "
            + Typed.VILLAGE.get(execution) + (steps.isEmpty() ? "" : " — " + String.join("、", steps))));
  }

  /**
   * After a milestone or the outcome of the case was recorded: a case waiting past a deadline that no
   * longer lags behind it (construction started, the house accepted, another way chosen, the case
   * ended) leaves the wait; the household table keeps the miss.
   */
  void recheck(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      for (Deadline deadline : Deadline.values()) {
        String message = caughtUpMessage(deadline);
        boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
            .eventType("message").eventName(message).count() > 0;
        if (waiting && !progress.isLagging(execution.getProcessBusinessKey(), deadline)) {
          runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).correlateAll();
        }
      }
      return null;
    });
  }

  /** The message that ends a case's wait past {@code deadline}; the dashboard lists the cases that wait for it. */
  public static String caughtUpMessage(Deadline deadline) {
    return deadline == Deadline.START ? "caseCaughtUpStart" : "caseCaughtUpCompletion";
  }

  private static String describe(Deadline deadline, LocalDate date) {
    return deadline == Deadline.START ? "未按期开工 Construction not started by " + date
        : "未按期核验或竣工验收 Not verified or not accepted by " + date;
  }

  private static String column(Deadline deadline) {
    return deadline == Deadline.START ? "missed_start_deadline" : "missed_completion_deadline";
  }
}
