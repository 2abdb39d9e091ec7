package org.anju.rectification;

import java.time.LocalDate;

import org.anju.tasklist.CaseVariables;
import org.anju.tasklist.Variable;

/**
 * Everything code needs to know about {@code processes/problem-rectification.bpmn}, the "three three"
 * method: its key, element ids, variables and check levels.
 */
public final class ProblemRectificationProcess {

  public static final String KEY = "problem-rectification";
  public static final String RESOURCE = "processes/problem-rectification.bpmn";

  private ProblemRectificationProcess() {}

  /** Business ids of the elements that code, tests or forms refer to. */
  public static final class Elements {
    public static final String START_CHECK_STARTED = "StartEvent_CheckStarted";
    public static final String GATEWAY_MERGE_CHECK = "Gateway_MergeCheck";
    public static final String SERVICE_REGISTER_PROBLEMS = "ServiceTask_RegisterProblems";
    public static final String GATEWAY_RECTIFY_WHILE_CHECKING = "Gateway_RectifyWhileChecking";
    public static final String SUBPROCESS_CLOSE_PROBLEM = "SubProcess_CloseProblem";
    public static final String START_PROBLEM_OPENED = "StartEvent_ProblemOpened";
    public static final String GATEWAY_MERGE_RECTIFY = "Gateway_MergeRectify";
    public static final String TASK_RECTIFY_PROBLEM = "UserTask_RectifyProblem";
    public static final String TASK_VERIFY_RECTIFICATION = "UserTask_VerifyRectification";
    public static final String GATEWAY_RECTIFICATION_VERIFIED = "Gateway_RectificationVerified";
    public static final String TASK_CLOSE_OUT_PROBLEM = "UserTask_CloseOutProblem";
    public static final String SERVICE_RECORD_CLOSE_OUT = "ServiceTask_RecordCloseOut";
    public static final String END_PROBLEM_CLOSED = "EndEvent_ProblemClosed";
    public static final String END_PROBLEMS_CLOSED = "EndEvent_ProblemsClosed";
    public static final String GATEWAY_CHECK_FINISHED = "Gateway_CheckFinished";
    public static final String END_CHECK_FINISHED = "EndEvent_CheckFinished";
    public static final String TASK_CONDUCT_CHECK = "UserTask_ConductCheck";
    // the campaign deadlines: non-interrupting event sub-processes, the check goes on
    public static final String SUBPROCESS_START_DEADLINE = "SubProcess_StartDeadlinePassed";
    public static final String TIMER_START_DEADLINE = "StartEvent_StartDeadlinePassed";
    public static final String GATEWAY_START_PROBLEMS_OPEN = "Gateway_StartProblemsOpen";
    public static final String SERVICE_ESCALATE_OPEN_PROBLEMS = "ServiceTask_EscalateOpenProblems";
    public static final String END_OPEN_PROBLEMS_ESCALATED = "EndEvent_OpenProblemsEscalated";
    public static final String END_NONE_OPEN_AT_START = "EndEvent_NoProblemOpenAtStart";
    public static final String SUBPROCESS_COMPLETION_DEADLINE = "SubProcess_CompletionDeadlinePassed";
    public static final String TIMER_COMPLETION_DEADLINE = "StartEvent_CompletionDeadlinePassed";
    public static final String GATEWAY_COMPLETION_PROBLEMS_OPEN = "Gateway_CompletionProblemsOpen";
    public static final String SERVICE_REPORT_NOT_CLEARED = "ServiceTask_ReportProblemsNotCleared";
    public static final String END_PROBLEMS_NOT_CLEARED = "EndEvent_ProblemsNotCleared";
    public static final String END_PROBLEMS_CLEARED = "EndEvent_ProblemsCleared";

    private Elements() {}
  }

  /** Process variable names; dates are ISO strings (yyyy-MM-dd) as Camunda Forms submit them. */
  public static final class Vars {
    /** String, one of {@link CheckLevel}. */
    public static final String CHECK_LEVEL = "checkLevel";
    /** String, one of {@link CheckKind}; HOUSING_SECURITY when not given (a failed acceptance's check). */
    public static final String CHECK_KIND = "checkKind";
    public static final String CITY_CODE = "cityCode";
    public static final String COUNTY_CODE = "countyCode";
    public static final String TOWNSHIP_CODE = "townshipCode";
    public static final String VILLAGE = "village";
    /** String: the household's head, when the check was called by a household case. */
    public static final String HEAD_NAME = "headName";
    public static final String CHECK_SCOPE = "checkScope";
    public static final String CHECKER_NAME = "checkerName";
    /** String: set when the check was called by a household case. */
    public static final String HOUSEHOLD_ID = "householdId";
    /** String: problems found since the last pass, one per line; cleared once registered. */
    public static final String PROBLEMS_FOUND = "problemsFound";
    /** String date: deadline for the problems of the current batch. */
    public static final String RECTIFY_DEADLINE = "rectifyDeadline";
    /** Boolean. */
    public static final String CHECK_FINISHED = "checkFinished";
    /** Integer: the number of the latest batch of problems registered. */
    public static final String PROBLEM_BATCH = "problemBatch";
    public static final String CHECKER_GROUP = "checkerGroup";
    public static final String RECTIFIER_GROUP = "rectifierGroup";
    public static final String VERIFIER_GROUP = "verifierGroup";
    public static final String CLOSER_GROUP = "closerGroup";
    /** Integer: the campaign whose deadlines the check serves (the case's, else the one running at its start). */
    public static final String CAMPAIGN_YEAR = "campaignYear";

    // local to one instance of SubProcess_CloseProblem
    /** String: the multi-instance element variable, the ledger's problem id. */
    public static final String PROBLEM_ID = "problemId";
    public static final String PROBLEM_DESCRIPTION = "problemDescription";
    public static final String RECTIFICATION_MEASURES = "rectificationMeasures";
    public static final String RECTIFIED_DATE = "rectifiedDate";
    /** Boolean. */
    public static final String RECTIFICATION_VERIFIED = "rectificationVerified";
    public static final String VERIFICATION_REMARKS = "verificationRemarks";
    public static final String CLOSE_OUT_DATE = "closeOutDate";
    public static final String CLOSE_OUT_REMARKS = "closeOutRemarks";

    private Vars() {}
  }

  /** Typed accessors of the variables the delegates and listeners share; names as in {@link Vars}. */
  public static final class Typed {
    public static final Variable<String> COUNTY_CODE = CaseVariables.COUNTY_CODE;
    public static final Variable<String> TOWNSHIP_CODE = Variable.text(Vars.TOWNSHIP_CODE);
    public static final Variable<String> VILLAGE = Variable.text(Vars.VILLAGE);
    public static final Variable<String> HOUSEHOLD_ID = Variable.text(Vars.HOUSEHOLD_ID);
    public static final Variable<CheckLevel> CHECK_LEVEL = Variable.of(Vars.CHECK_LEVEL, CheckLevel.class);
    public static final Variable<CheckKind> CHECK_KIND = Variable.of(Vars.CHECK_KIND, CheckKind.class);
    public static final Variable<Boolean> CHECK_FINISHED = Variable.flag(Vars.CHECK_FINISHED);
    public static final Variable<Integer> PROBLEM_BATCH = Variable.integer(Vars.PROBLEM_BATCH);
    public static final Variable<String> PROBLEM_ID = Variable.text(Vars.PROBLEM_ID);
    public static final Variable<String> RECTIFICATION_MEASURES = Variable.text(Vars.RECTIFICATION_MEASURES);
    public static final Variable<LocalDate> CLOSE_OUT_DATE = Variable.date(Vars.CLOSE_OUT_DATE);
    public static final Variable<String> CLOSE_OUT_REMARKS = Variable.text(Vars.CLOSE_OUT_REMARKS);

    private Typed() {}
  }

  /** What a check looks at. */
  public enum CheckKind {
    /** The housing security of the key groups' households (the campaign's own checks). */
    HOUSING_SECURITY,
    /** 安全隐患排查整治: every rural house of the place, each finding with its {@link HazardCategory}. */
    SAFETY_HAZARD
  }

  /**
   * The category of a hazard finding. A finding is written "category: description", the category by its
   * Chinese or English word or its code, as the form's hint lists them ({@code data/form-options.json}).
   */
  public enum HazardCategory {
    STRUCTURE("结构", "Structure"),
    FOUNDATION("地基", "Foundation"),
    ROOF("屋面", "Roof"),
    WALLS("墙体", "Walls"),
    FIRE("消防", "Fire"),
    GEOLOGICAL("地质灾害", "Geological hazard"),
    ILLEGAL_ALTERATION("违法改扩建", "Illegal alteration"),
    OTHER("其他", "Other");

    public final String zh;
    public final String en;

    HazardCategory(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    /** A finding split into its category and description. */
    public record Finding(HazardCategory category, String description) {}

    /** The finding a line of the check's list names, if it starts with a category and a colon. */
    public static java.util.Optional<Finding> parse(String line) {
      String text = line.strip();
      int colon = text.replace('：', ':').indexOf(':');
      if (colon <= 0) {
        return java.util.Optional.empty();
      }
      String word = text.substring(0, colon).strip();
      String description = text.substring(colon + 1).strip();
      for (HazardCategory category : values()) {
        if (word.equals(category.zh) || word.equalsIgnoreCase(category.en) || word.equalsIgnoreCase(category.name())) {
          return description.isEmpty() ? java.util.Optional.empty()
              : java.util.Optional.of(new Finding(category, description));
        }
      }
      return java.util.Optional.empty();
    }
  }

  /** The three levels of the "three three" check. */
  public enum CheckLevel {
    /** The village checks itself. */
    VILLAGE,
    /** The township checks the village. */
    TOWNSHIP,
    /** The county spot-checks the township. */
    COUNTY
  }
}
