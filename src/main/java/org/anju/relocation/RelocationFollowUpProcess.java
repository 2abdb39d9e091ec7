package org.anju.relocation;

import java.time.LocalDate;

import org.anju.household.HouseholdCaseProcess;
import org.anju.tasklist.Variable;

/**
 * Everything code needs to know about {@code processes/relocation-follow-up.bpmn}, the follow-up visits
 * (易地扶贫搬迁后续扶持) of a relocated household: its key, element ids, variables and answers.
 */
public final class RelocationFollowUpProcess {

  public static final String KEY = "relocation-follow-up";
  public static final String RESOURCE = "processes/relocation-follow-up.bpmn";

  private RelocationFollowUpProcess() {}

  /** Business ids of the elements that code, tests or forms refer to. */
  public static final class Elements {
    public static final String START_RELOCATION_CONFIRMED = "StartEvent_RelocationConfirmed";
    public static final String SUBPROCESS_FOLLOW_UP_VISIT = "SubProcess_FollowUpVisit";
    public static final String START_VISIT_SCHEDULED = "StartEvent_VisitScheduled";
    public static final String TIMER_VISIT_DUE = "Timer_VisitDue";
    public static final String TASK_FOLLOW_UP_VISIT = "UserTask_FollowUpVisit";
    public static final String GATEWAY_FOLLOW_UP_PASSED = "Gateway_FollowUpPassed";
    public static final String END_VISIT_PASSED = "EndEvent_VisitPassed";
    public static final String SERVICE_OPEN_FOLLOW_UP_PROBLEM = "ServiceTask_OpenFollowUpProblem";
    public static final String END_PROBLEM_OPENED = "EndEvent_ProblemOpened";
    public static final String END_FOLLOW_UP_FINISHED = "EndEvent_FollowUpFinished";

    private Elements() {}
  }

  /** Process variable names; dates are ISO strings (yyyy-MM-dd) as Camunda Forms submit them. */
  public static final class Vars {
    // from the household case, at the start, under the case's own names
    /** String: the household id, also the business key. */
    public static final String HOUSEHOLD_ID = HouseholdCaseProcess.Vars.HOUSEHOLD_ID;
    public static final String HEAD_NAME = HouseholdCaseProcess.Vars.HEAD_NAME;
    public static final String CITY_CODE = HouseholdCaseProcess.Vars.CITY_CODE;
    public static final String COUNTY_CODE = HouseholdCaseProcess.Vars.COUNTY_CODE;
    public static final String COUNTY_NAME = HouseholdCaseProcess.Vars.COUNTY_NAME;
    public static final String TOWNSHIP_CODE = HouseholdCaseProcess.Vars.TOWNSHIP_CODE;
    public static final String TOWNSHIP_NAME = HouseholdCaseProcess.Vars.TOWNSHIP_NAME;
    /** String: the village the household moved away from. */
    public static final String VILLAGE = HouseholdCaseProcess.Vars.VILLAGE;
    public static final String RELOCATION_SITE = HouseholdCaseProcess.Vars.RELOCATION_SITE;
    public static final String MOVE_IN_DATE = HouseholdCaseProcess.Vars.MOVE_IN_DATE;

    /** String: the candidate group of the visits, the household's township staff. */
    public static final String TOWNSHIP_GROUP = "townshipGroup";
    /** String, e.g. "3,6,12": the months after move-in of this household's visits, fixed at the start. */
    public static final String FOLLOW_UP_MONTHS = "followUpMonths";

    // local to one instance of SubProcess_FollowUpVisit
    /** Integer: the multi-instance element variable, the visit's months after move-in. */
    public static final String FOLLOW_UP_MONTH = "followUpMonth";
    /** String: which visit this is, as the task's name and the form show it. */
    public static final String VISIT_NAME = "visitName";
    public static final String VISIT_DATE = "visitDate";
    public static final String VISITOR_NAME = "visitorName";
    /** Boolean. */
    public static final String LIVES_IN_NEW_HOME = "livesInNewHome";
    /** String, one of {@link Livelihood}. */
    public static final String LIVELIHOOD = "livelihood";
    /** Boolean. */
    public static final String OLD_HOME_DEMOLISHED = "oldHomeDemolished";
    /** Boolean: the old homestead was reclaimed (复垦). */
    public static final String LAND_RECLAIMED = "landReclaimed";
    public static final String FOLLOW_UP_REMARKS = "followUpRemarks";
    /** Boolean: every answer was yes; set when the visit's task completes. */
    public static final String FOLLOW_UP_PASSED = "followUpPassed";
    /** String: the process instance of the rectification a failed visit started. */
    public static final String RECTIFICATION_INSTANCE_ID = "rectificationInstanceId";

    private Vars() {}
  }

  /** Typed accessors of the variables the delegates and listeners share; names as in {@link Vars}. */
  public static final class Typed {
    public static final Variable<String> HOUSEHOLD_ID = HouseholdCaseProcess.Typed.HOUSEHOLD_ID;
    public static final Variable<String> HEAD_NAME = HouseholdCaseProcess.Typed.HEAD_NAME;
    public static final Variable<String> CITY_CODE = HouseholdCaseProcess.Typed.CITY_CODE;
    public static final Variable<String> COUNTY_CODE = HouseholdCaseProcess.Typed.COUNTY_CODE;
    public static final Variable<String> COUNTY_NAME = HouseholdCaseProcess.Typed.COUNTY_NAME;
    public static final Variable<String> TOWNSHIP_CODE = HouseholdCaseProcess.Typed.TOWNSHIP_CODE;
    public static final Variable<String> TOWNSHIP_NAME = HouseholdCaseProcess.Typed.TOWNSHIP_NAME;
    public static final Variable<String> VILLAGE = Variable.text(Vars.VILLAGE);
    public static final Variable<String> RELOCATION_SITE = Variable.text(Vars.RELOCATION_SITE);
    public static final Variable<LocalDate> MOVE_IN_DATE = Variable.date(Vars.MOVE_IN_DATE);
    public static final Variable<Integer> FOLLOW_UP_MONTH = Variable.integer(Vars.FOLLOW_UP_MONTH);
    public static final Variable<Boolean> LIVES_IN_NEW_HOME = Variable.flag(Vars.LIVES_IN_NEW_HOME);
    public static final Variable<Livelihood> LIVELIHOOD = Variable.of(Vars.LIVELIHOOD, Livelihood.class);
    public static final Variable<Boolean> OLD_HOME_DEMOLISHED = Variable.flag(Vars.OLD_HOME_DEMOLISHED);
    public static final Variable<Boolean> LAND_RECLAIMED = Variable.flag(Vars.LAND_RECLAIMED);
    public static final Variable<String> FOLLOW_UP_REMARKS = Variable.text(Vars.FOLLOW_UP_REMARKS);
    public static final Variable<Boolean> FOLLOW_UP_PASSED = Variable.flag(Vars.FOLLOW_UP_PASSED);
    public static final Variable<String> RECTIFICATION_INSTANCE_ID = Variable.text(Vars.RECTIFICATION_INSTANCE_ID);

    private Typed() {}
  }

  /** How a relocated household lives: the form's "work or support" answer; {@code NONE} is a "no". */
  public enum Livelihood { EMPLOYMENT, PUBLIC_WELFARE_JOB, SOCIAL_SUPPORT, NONE }
}
