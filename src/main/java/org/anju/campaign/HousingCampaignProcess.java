package org.anju.campaign;

import org.anju.tasklist.CaseVariables;
import org.anju.tasklist.Variable;

/** Everything code needs to know about {@code processes/housing-campaign.bpmn}. */
public final class HousingCampaignProcess {

  public static final String KEY = "housing-campaign";
  public static final String RESOURCE = "processes/housing-campaign.bpmn";

  private HousingCampaignProcess() {}

  /** Element ids; each deadline has its own branch with the same shape. */
  public static final class Elements {
    public static final String START_CAMPAIGN_OPENED = "StartEvent_CampaignOpened";
    public static final String GATEWAY_FORK_DEADLINES = "Gateway_ForkDeadlines";
    public static final String TIMER_START_WARNING = "Timer_StartWarning";
    public static final String SERVICE_WARN_START_AT_RISK = "ServiceTask_WarnStartAtRisk";
    public static final String TIMER_START_DEADLINE = "Timer_StartDeadline";
    public static final String SERVICE_REPORT_LAGGING_START = "ServiceTask_ReportLaggingStart";
    public static final String SUBPROCESS_SUPERVISE_START = "SubProcess_SuperviseStart";
    public static final String TASK_CITY_SUPERVISION_START = "UserTask_CitySupervisionStart";
    public static final String TIMER_ESCALATE_TO_PROVINCE_START = "Timer_EscalateToProvinceStart";
    public static final String TASK_PROVINCE_SUPERVISION_START = "UserTask_ProvinceSupervisionStart";
    public static final String END_START_DEADLINE_HANDLED = "EndEvent_StartDeadlineHandled";
    public static final String TIMER_COMPLETION_WARNING = "Timer_CompletionWarning";
    public static final String SERVICE_WARN_COMPLETION_AT_RISK = "ServiceTask_WarnCompletionAtRisk";
    public static final String TIMER_COMPLETION_DEADLINE = "Timer_CompletionDeadline";
    public static final String SERVICE_REPORT_LAGGING_COMPLETION = "ServiceTask_ReportLaggingCompletion";
    public static final String SUBPROCESS_SUPERVISE_COMPLETION = "SubProcess_SuperviseCompletion";
    public static final String TASK_CITY_SUPERVISION_COMPLETION = "UserTask_CitySupervisionCompletion";
    public static final String TIMER_ESCALATE_TO_PROVINCE_COMPLETION = "Timer_EscalateToProvinceCompletion";
    public static final String TASK_PROVINCE_SUPERVISION_COMPLETION = "UserTask_ProvinceSupervisionCompletion";
    public static final String END_COMPLETION_DEADLINE_HANDLED = "EndEvent_CompletionDeadlineHandled";

    private Elements() {}
  }

  /** Variables. */
  public static final class Vars {
    /** Integer: the campaign's year. */
    public static final String CAMPAIGN_YEAR = "campaignYear";
    /** String, local to one supervision: the lagging county. */
    public static final String COUNTY_CODE = "countyCode";
    public static final String COUNTY_NAME = "countyName";
    /** String START or COMPLETION. */
    public static final String DEADLINE = "deadline";
    /** String: one lagging case per line. */
    public static final String LAGGING_CASES = "laggingCases";
    public static final String CITY_GROUP = "cityGroup";
    public static final String SUPERVISION_MEASURES = "supervisionMeasures";
    public static final String SUPERVISION_DATE = "supervisionDate";

    private Vars() {}
  }

  /** Typed accessors of the variables the delegates share; names as in {@link Vars}. */
  public static final class Typed {
    public static final Variable<Integer> CAMPAIGN_YEAR = CaseVariables.CAMPAIGN_YEAR;

    private Typed() {}
  }
}
