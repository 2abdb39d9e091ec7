package org.anju.household;

import java.time.LocalDate;

import org.anju.tasklist.CaseVariables;
import org.anju.tasklist.Variable;

/**
 * Everything code needs to know about {@code processes/household-case.bpmn}: its key, the ids of
 * the elements code and tests refer to, the variables with their types, and the decisions it calls.
 */
public final class HouseholdCaseProcess {

  public static final String KEY = "household-case";
  public static final String RESOURCE = "processes/household-case.bpmn";

  private HouseholdCaseProcess() {}

  /** Business ids of the elements that code, tests or forms refer to. */
  public static final class Elements {
    public static final String START_HOUSEHOLD_REGISTERED = "StartEvent_HouseholdRegistered";
    public static final String TASK_CONFIRM_IDENTIFICATION = "UserTask_ConfirmIdentification";
    public static final String GATEWAY_IDENTITY_CONFIRMED = "Gateway_IdentityConfirmed";
    public static final String END_NOT_ELIGIBLE = "EndEvent_NotEligible";
    public static final String TASK_VERIFY_HOUSING = "UserTask_VerifyHousing";
    public static final String GATEWAY_MERGE_APPRAISAL = "Gateway_MergeAppraisal";
    public static final String TASK_APPRAISE_HOUSE = "UserTask_AppraiseHouse";
    public static final String DECIDE_RENOVATION_PLAN = "BusinessRuleTask_DecideRenovationPlan";
    public static final String GATEWAY_RENOVATION_METHOD = "Gateway_RenovationMethod";
    public static final String TASK_CONFIRM_RELOCATION = "UserTask_ConfirmRelocation";
    public static final String SERVICE_START_RELOCATION_FOLLOW_UP = "ServiceTask_StartRelocationFollowUp";
    public static final String TASK_ARRANGE_ALTERNATIVE_HOUSING = "UserTask_ArrangeAlternativeHousing";
    public static final String TASK_VILLAGE_REVIEW = "UserTask_VillageReview";
    public static final String GATEWAY_VILLAGE_APPROVED = "Gateway_VillageApproved";
    public static final String TIMER_VILLAGE_NOTICE = "Timer_VillageNotice";
    public static final String TASK_TOWNSHIP_REVIEW = "UserTask_TownshipReview";
    public static final String GATEWAY_TOWNSHIP_APPROVED = "Gateway_TownshipApproved";
    public static final String TIMER_TOWNSHIP_NOTICE = "Timer_TownshipNotice";
    public static final String DECIDE_RENOVATION_SUBSIDY = "BusinessRuleTask_DecideRenovationSubsidy";
    public static final String TASK_COUNTY_APPROVAL = "UserTask_CountyApproval";
    public static final String GATEWAY_COUNTY_APPROVED = "Gateway_CountyApproved";
    public static final String TIMER_COUNTY_NOTICE = "Timer_CountyNotice";
    public static final String TASK_SIGN_AGREEMENT = "UserTask_SignAgreement";
    public static final String TASK_START_CONSTRUCTION = "UserTask_StartConstruction";
    public static final String GATEWAY_MERGE_INSPECTION = "Gateway_MergeInspection";
    public static final String TASK_INSPECT_CONSTRUCTION = "UserTask_InspectConstruction";
    public static final String SERVICE_LOG_INSPECTION = "ServiceTask_LogInspection";
    public static final String GATEWAY_CONSTRUCTION_COMPLETED = "Gateway_ConstructionCompleted";
    public static final String GATEWAY_MERGE_ACCEPTANCE = "Gateway_MergeAcceptance";
    public static final String TASK_INSPECT_ACCEPTANCE = "UserTask_InspectAcceptance";
    public static final String GATEWAY_ACCEPTANCE_PASSED = "Gateway_AcceptancePassed";
    public static final String CALL_RECTIFY_DEFECTS = "CallActivity_RectifyDefects";
    public static final String TASK_PAYOUT_SUBSIDY = "UserTask_PayoutSubsidy";
    public static final String GATEWAY_MERGE_ARCHIVE = "Gateway_MergeArchive";
    public static final String SERVICE_CHECK_ARCHIVE = "ServiceTask_CheckArchiveCompleteness";
    public static final String SERVICE_COMPILE_HOUSEHOLD_FILE = "ServiceTask_CompileHouseholdFile";
    public static final String GATEWAY_ARCHIVE_COMPLETE = "Gateway_ArchiveComplete";
    public static final String TASK_SUPPLY_ARCHIVE_DATA = "UserTask_SupplyArchiveData";
    public static final String TASK_ARCHIVE_CASE = "UserTask_ArchiveCase";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_APPRAISED_SAFE = "EndEvent_AppraisedSafe";
    public static final String END_MADE_SAFE = "EndEvent_MadeSafeByRenovation";
    public static final String END_SECURED_OTHER_WAY = "EndEvent_SecuredOtherWay";
    // the campaign deadlines: one non-interrupting event sub-process each, whatever step the case is at
    public static final String SUBPROCESS_START_DEADLINE = "SubProcess_StartDeadlinePassed";
    public static final String TIMER_START_DEADLINE = "StartEvent_StartDeadlinePassed";
    public static final String GATEWAY_START_LAGGING = "Gateway_ConstructionNotStarted";
    public static final String SERVICE_RECORD_START_MISSED = "ServiceTask_RecordStartDeadlineMissed";
    public static final String EVENT_START_CAUGHT_UP = "Event_StartCaughtUp";
    public static final String END_START_MISSED = "EndEvent_StartDeadlineMissed";
    public static final String END_START_MET = "EndEvent_StartDeadlineMet";
    public static final String SUBPROCESS_COMPLETION_DEADLINE = "SubProcess_CompletionDeadlinePassed";
    public static final String TIMER_COMPLETION_DEADLINE = "StartEvent_CompletionDeadlinePassed";
    public static final String GATEWAY_COMPLETION_LAGGING = "Gateway_NotCompleted";
    public static final String SERVICE_RECORD_COMPLETION_MISSED = "ServiceTask_RecordCompletionDeadlineMissed";
    public static final String EVENT_COMPLETION_CAUGHT_UP = "Event_CompletionCaughtUp";
    public static final String END_COMPLETION_MISSED = "EndEvent_CompletionDeadlineMissed";
    public static final String END_COMPLETION_MET = "EndEvent_CompletionDeadlineMet";

    private Elements() {}
  }

  /** Form ids (one file each in {@code forms/}), as the user tasks reference them. */
  public static final class Forms {
    public static final String REGISTER_HOUSEHOLD = "register-household";

    private Forms() {}
  }

  /** Process variable names. The comment gives the type as it is stored. */
  public static final class Vars {
    // registration (start form)
    /** String: the household id, also the business key. */
    public static final String HOUSEHOLD_ID = "householdId";
    /** String. */
    public static final String HEAD_NAME = "headName";
    /** String, 18 characters, GB 11643-1999. */
    public static final String RESIDENT_ID = "residentId";
    /** String, one of {@link KeyGroup}. */
    public static final String KEY_GROUP = "keyGroup";
    /** String codes of shanxi-divisions.csv. */
    public static final String CITY_CODE = "cityCode";
    public static final String COUNTY_CODE = "countyCode";
    public static final String TOWNSHIP_CODE = "townshipCode";
    /** String, derived from the codes at registration. */
    public static final String COUNTY_NAME = "countyName";
    public static final String TOWNSHIP_NAME = "townshipName";
    /** String: the village's name as people say it. */
    public static final String VILLAGE = "village";
    /** String. */
    public static final String HOUSE_ADDRESS = "houseAddress";
    /** Long, 1 to 30. */
    public static final String HOUSEHOLD_SIZE = "householdSize";
    /** Boolean. */
    public static final String DYNAMIC_GUARANTEE = "dynamicGuarantee";
    /** Integer: the campaign year the household is registered for. */
    public static final String CAMPAIGN_YEAR = "campaignYear";

    // candidate groups, fixed at registration from the household's place and group
    public static final String CONFIRMING_GROUP = "confirmingGroup";
    public static final String VILLAGE_GROUP = "villageGroup";
    public static final String TOWNSHIP_GROUP = "townshipGroup";
    public static final String APPRAISER_GROUP = "appraiserGroup";
    public static final String HOUSING_GROUP = "housingGroup";
    public static final String POVERTY_GROUP = "povertyGroup";
    public static final String FINANCE_GROUP = "financeGroup";

    // identification
    /** Boolean. */
    public static final String IDENTITY_CONFIRMED = "identityConfirmed";
    /** String. */
    public static final String IDENTITY_REMARKS = "identityRemarks";

    // verification: dates are ISO strings (yyyy-MM-dd), as Camunda Forms submit them
    public static final String VERIFICATION_DATE = "verificationDate";
    public static final String VERIFIER_NAME = "verifierName";
    /** String, one of EARTH_WOOD, BRICK_WOOD, BRICK_CONCRETE, STONE, CAVE, OTHER. */
    public static final String HOUSE_STRUCTURE = "houseStructure";
    /** Boolean: the household can organise building work itself. */
    public static final String CAN_BUILD = "canBuild";
    /** Boolean: the household is already in the relocation programme. */
    public static final String IN_RELOCATION_PROGRAMME = "inRelocationProgramme";
    public static final String VERIFICATION_NOTES = "verificationNotes";

    // appraisal
    /** String A, B, C or D. */
    public static final String SAFETY_GRADE = "safetyGrade";
    public static final String APPRAISER_NAME = "appraiserName";
    public static final String APPRAISAL_DATE = "appraisalDate";
    public static final String APPRAISAL_REPORT_REF = "appraisalReportRef";
    /** String, one of {@link RenovationMethod}: the result of decision renovation-plan. */
    public static final String RENOVATION_METHOD = "renovationMethod";

    // relocation and alternative housing
    public static final String RELOCATION_SITE = "relocationSite";
    /** String, one of PUBLIC_RENTAL, SWAP, LONG_LEASE. */
    public static final String ALTERNATIVE_TYPE = "alternativeType";
    public static final String ALTERNATIVE_ADDRESS = "alternativeAddress";
    public static final String ALTERNATIVE_AGREEMENT_DATE = "alternativeAgreementDate";
    public static final String MOVE_IN_DATE = "moveInDate";

    // approval
    public static final String VILLAGE_REVIEW_DATE = "villageReviewDate";
    /** Boolean. */
    public static final String VILLAGE_REVIEW_APPROVED = "villageReviewApproved";
    public static final String VILLAGE_REVIEW_REMARKS = "villageReviewRemarks";
    public static final String HOME_VISIT_DATE = "homeVisitDate";
    /** Boolean. */
    public static final String TOWNSHIP_REVIEW_APPROVED = "townshipReviewApproved";
    public static final String TOWNSHIP_REVIEW_REMARKS = "townshipReviewRemarks";
    /** Long, yuan: the result of decision renovation-subsidy. */
    public static final String SUBSIDY_AMOUNT = "subsidyAmount";
    public static final String COUNTY_APPROVAL_DATE = "countyApprovalDate";
    /** Boolean. */
    public static final String COUNTY_APPROVED = "countyApproved";
    public static final String COUNTY_APPROVAL_REMARKS = "countyApprovalRemarks";

    // renovation
    public static final String AGREEMENT_NUMBER = "agreementNumber";
    public static final String AGREEMENT_DATE = "agreementDate";
    /** String, CRAFTSMAN or TEAM. */
    public static final String BUILDER_TYPE = "builderType";
    public static final String BUILDER_NAME = "builderName";
    public static final String CONSTRUCTION_START_DATE = "constructionStartDate";
    public static final String INSPECTION_DATE = "inspectionDate";
    public static final String INSPECTOR_NAME = "inspectorName";
    /** Boolean. */
    public static final String QUALITY_OK = "qualityOk";
    /** Boolean. */
    public static final String SAFETY_OK = "safetyOk";
    public static final String INSPECTION_NOTES = "inspectionNotes";
    /** Boolean. */
    public static final String CONSTRUCTION_COMPLETED = "constructionCompleted";
    public static final String CONSTRUCTION_COMPLETED_DATE = "constructionCompletedDate";
    /** Long: inspections logged so far. */
    public static final String INSPECTION_COUNT = "inspectionCount";

    // acceptance
    public static final String ACCEPTANCE_DATE = "acceptanceDate";
    /** Double, square metres. */
    public static final String FLOOR_AREA = "floorArea";
    /** Boolean. */
    public static final String HAS_SANITARY_TOILET = "hasSanitaryToilet";
    /** Boolean. */
    public static final String LIVESTOCK_SEPARATED = "livestockSeparated";
    /** Boolean. */
    public static final String OLD_HOUSE_DEMOLISHED = "oldHouseDemolished";
    /** Boolean. */
    /** Boolean: the anti-seismic measures are in place; required to pass acceptance where the county needs them. */
    public static final String SEISMIC_MEASURES = "seismicMeasures";
    /** Integer: the county's seismic fortification intensity (GB 18306), set at registration for the forms. */
    public static final String SEISMIC_INTENSITY = "seismicIntensity";
    /** Boolean: an A/B house in a county of intensity 7 or more is (true) or is not built to resist earthquakes. */
    public static final String SEISMICALLY_SAFE = "seismicallySafe";
    /** Boolean. */
    public static final String ACCEPTANCE_PASSED = "acceptancePassed";
    /** String: one defect per line. */
    public static final String ACCEPTANCE_DEFECTS = "acceptanceDefects";

    // subsidy
    /** Long, yuan. */
    public static final String PAID_AMOUNT = "paidAmount";
    public static final String PAYMENT_DATE = "paymentDate";
    public static final String PAYMENT_REFERENCE = "paymentReference";

    // archiving
    /** Boolean. */
    public static final String ARCHIVE_COMPLETE = "archiveComplete";
    /** String: comma-separated names of the variables the archive still lacks. */
    public static final String ARCHIVE_MISSING = "archiveMissing";
    public static final String ARCHIVE_NUMBER = "archiveNumber";
    public static final String ARCHIVED_DATE = "archivedDate";
    /** Boolean: the data was checked and entered into the national information system. */
    public static final String SYSTEM_DATA_APPROVED = "systemDataApproved";
    /** Who approved the national system's data and when: set by the server at the archive step, never a form's. */
    public static final String SYSTEM_DATA_APPROVED_BY = "systemDataApprovedBy";
    public static final String SYSTEM_DATA_APPROVED_AT = "systemDataApprovedAt";
    /** The archived household file (PDF): its document id and SHA-256, recorded once it is made. */
    public static final String HOUSEHOLD_FILE_DOCUMENT = "householdFileDocument";
    public static final String HOUSEHOLD_FILE_SHA256 = "householdFileSha256";
    /** String, one of {@link Outcome}. */
    public static final String OUTCOME = "outcome";

    private Vars() {}
  }

  /**
   * Typed accessors of the variables that steps, listeners and delegates share: read and written
   * through these, never by casting {@code getVariable}. The names are those of {@link Vars}.
   */
  public static final class Typed {
    public static final Variable<String> HOUSEHOLD_ID = Variable.text(Vars.HOUSEHOLD_ID);
    public static final Variable<String> HEAD_NAME = Variable.text(Vars.HEAD_NAME);
    public static final Variable<String> CITY_CODE = Variable.text(Vars.CITY_CODE);
    public static final Variable<String> COUNTY_CODE = CaseVariables.COUNTY_CODE;
    public static final Variable<String> TOWNSHIP_CODE = Variable.text(Vars.TOWNSHIP_CODE);
    public static final Variable<String> VILLAGE = Variable.text(Vars.VILLAGE);
    public static final Variable<Integer> SEISMIC_INTENSITY = Variable.integer(Vars.SEISMIC_INTENSITY);
    public static final Variable<String> COUNTY_NAME = CaseVariables.COUNTY_NAME;
    public static final Variable<String> TOWNSHIP_NAME = CaseVariables.TOWNSHIP_NAME;
    public static final Variable<String> RESIDENT_ID = Variable.text(Vars.RESIDENT_ID);
    public static final Variable<Long> HOUSEHOLD_SIZE = Variable.whole(Vars.HOUSEHOLD_SIZE);
    public static final Variable<Integer> CAMPAIGN_YEAR = CaseVariables.CAMPAIGN_YEAR;
    public static final Variable<Boolean> DYNAMIC_GUARANTEE = CaseVariables.DYNAMIC_GUARANTEE;
    public static final Variable<KeyGroup> KEY_GROUP = Variable.of(Vars.KEY_GROUP, KeyGroup.class);
    public static final Variable<String> SAFETY_GRADE = Variable.text(Vars.SAFETY_GRADE);
    public static final Variable<RenovationMethod> RENOVATION_METHOD =
        Variable.of(Vars.RENOVATION_METHOD, RenovationMethod.class);
    public static final Variable<Outcome> OUTCOME = Variable.of(Vars.OUTCOME, Outcome.class);

    public static final Variable<LocalDate> VERIFICATION_DATE = Variable.date(Vars.VERIFICATION_DATE);
    public static final Variable<LocalDate> CONSTRUCTION_START_DATE = Variable.date(Vars.CONSTRUCTION_START_DATE);
    public static final Variable<LocalDate> INSPECTION_DATE = Variable.date(Vars.INSPECTION_DATE);
    public static final Variable<String> INSPECTOR_NAME = Variable.text(Vars.INSPECTOR_NAME);
    public static final Variable<Boolean> QUALITY_OK = Variable.flag(Vars.QUALITY_OK);
    public static final Variable<Boolean> SAFETY_OK = Variable.flag(Vars.SAFETY_OK);
    public static final Variable<String> INSPECTION_NOTES = Variable.text(Vars.INSPECTION_NOTES);
    public static final Variable<Long> INSPECTION_COUNT = Variable.whole(Vars.INSPECTION_COUNT);
    public static final Variable<LocalDate> ACCEPTANCE_DATE = Variable.date(Vars.ACCEPTANCE_DATE);
    public static final Variable<Boolean> ACCEPTANCE_PASSED = Variable.flag(Vars.ACCEPTANCE_PASSED);

    private Typed() {}
  }

  /** The four key groups. */
  public enum KeyGroup { POOR, DIBAO, TEKUN, DISABLED }

  /** Results of decision {@code renovation-plan}. */
  public enum RenovationMethod {
    APPRAISED_SAFE, REINFORCE, REBUILD, ALTERNATIVE_HOUSING, RELOCATION,
    /** 农房抗震改造: a house that is not dangerous (A/B) but not built to resist earthquakes, in a zone of 7+. */
    SEISMIC_REINFORCE;

    /** The methods that renovate the house, so that the case ends made safe by renovation. */
    public boolean renovates() {
      return this == REINFORCE || this == REBUILD || this == SEISMIC_REINFORCE;
    }
  }

  /**
   * How a case ended. CANCELLED: ended from outside (cancelled in Cockpit, deleted through the API, every
   * step cancelled by a modification), not by one of its own end events.
   */
  public enum Outcome { APPRAISED_SAFE, MADE_SAFE_BY_RENOVATION, SECURED_OTHER_WAY, NOT_ELIGIBLE, CANCELLED }

  /** Decision keys, each in {@code processes/<key>.dmn}. */
  public static final class Decisions {
    public static final String RENOVATION_PLAN = "renovation-plan";
    public static final String RENOVATION_SUBSIDY = "renovation-subsidy";

    private Decisions() {}
  }
}
