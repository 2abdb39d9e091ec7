package org.anju.access;

import org.anju.clock.AnjuClock;
import org.anju.support.RestVariables;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.anju.household.HouseholdCaseProcess.Elements.*;
import static org.anju.rectification.ProblemRectificationProcess.Elements.TASK_CLOSE_OUT_PROBLEM;
import static org.anju.rectification.ProblemRectificationProcess.Elements.TASK_CONDUCT_CHECK;
import static org.anju.rectification.ProblemRectificationProcess.Elements.TASK_RECTIFY_PROBLEM;
import static org.anju.rectification.ProblemRectificationProcess.Elements.TASK_VERIFY_RECTIFICATION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.anju.demo.CaseWalker;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.anju.rectification.ProblemRectificationProcess;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A catalogue of bad inputs against every entry point: the household start form, the task forms, the
 * rectification start form, Anju's admin API and the raw HTTP of the engine REST API. Each must be refused
 * with a 4xx (never a 2xx, never a 5xx) whose message names the field at fault, and must leave the
 * database exactly as it was: process instances, tasks, users, groups, the household and problem tables,
 * and every variable of the task it was submitted to. Each case is sent by a user who may do the step, so
 * that only the input is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

  static final LocalDate TODAY = AnjuClock.today();
  static final String START_FORM = "/engine-rest/process-definition/key/" + HouseholdCaseProcess.KEY + "/submit-form";
  static final String CHECK_START_FORM =
      "/engine-rest/process-definition/key/" + ProblemRectificationProcess.KEY + "/submit-form";
  static final String USERS = "/api/admin/users";
  static final String JSON = MediaType.APPLICATION_JSON_VALUE;
  static final String CSV = "text/csv;charset=UTF-8";
  static final String HEADER = UserImport.HEADER + "\n";
  static final String TOWNSHIP_CLERK = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);
  static final String HOUSING = DemoUsers.userOf(DemoUsers.KELAN, Role.HOUSING);
  /** The user who changes their own profile and password. */
  static final String SELF = DemoUsers.userOf(DemoUsers.KELAN, Role.VILLAGE);
  /** A valid resident id; the catalogue spoils it in different ways. */
  static final String VALID_ID = DemoSteps.residentId("140929", 1912, 7);
  static final String SCRIPT = "<script>alert(1)</script>";
  static final int[] REFUSED = {400};

  /** Values filled in when a case is sent, because they depend on the database. */
  enum Fill {
    /** A resident id no household has. */
    FRESH_RESIDENT_ID,
    /** The resident id of a household registered in the current campaign. */
    REGISTERED_RESIDENT_ID,
    /** The subsidy the county approved for the case of the task. */
    APPROVED_SUBSIDY
  }

  /** Leaves a variable out of the form. */
  static final Object ABSENT = new Object();

  /** A variable sent with an explicit REST type, right or wrong. */
  record Typed(Object value, String type, Map<String, Object> valueInfo) {
    Typed(Object value, String type) {
      this(value, type, null);
    }
  }

  /** The variables of a form, sent as {@code {"variables": …}}. */
  record Form(Map<String, Object> variables) {}

  /**
   * One bad input: who sends it, where, with which content type and body; the statuses that refuse it
   * rightly and a pattern the message must contain (null: any message). A path may name a step in
   * braces, {@code {UserTask_VerifyHousing}}, for the id of a task waiting at that step.
   */
  record BadInput(String description, String user, HttpMethod method, String path, String contentType, Object body,
      int[] statuses, String expected) {

    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<BadInput> catalogue() {
    List<BadInput> all = new ArrayList<>();
    all.addAll(startForm());
    all.addAll(taskForms());
    all.addAll(rectification());
    all.addAll(adminApi());
    all.addAll(rawHttp());
    return all.stream();
  }

  // ---------------------------------------------------------------- the household start form

  static List<BadInput> startForm() {
    String valid17 = VALID_ID.substring(0, 17);
    char wrongCheck = VALID_ID.charAt(17) == '0' ? '1' : '0';
    String future = "140929" + (TODAY.getYear() + 1) + "0301007";
    String feb30 = "14092919490230007";
    return List.of(
        register("a resident id with a wrong check character", change(Vars.RESIDENT_ID, valid17 + wrongCheck),
            "residentId: has a wrong check character"),
        register("a resident id of 17 characters", change(Vars.RESIDENT_ID, valid17),
            "residentId: must have 18 characters, not 17"),
        register("a resident id of 19 characters", change(Vars.RESIDENT_ID, VALID_ID + "1"),
            "residentId: must have at most 18 characters, not 19"),
        register("an impossible birth date 19490230", change(Vars.RESIDENT_ID, feb30 + check(feb30)),
            "residentId: contains an impossible birth date 19490230"),
        register("a birth date in the future", change(Vars.RESIDENT_ID, future + check(future)),
            "residentId: contains a birth date out of range"),
        register("a birth year before 1900", change(Vars.RESIDENT_ID, idBornIn(1899)),
            "residentId: contains a birth date out of range"),
        register("letters in the resident id", change(Vars.RESIDENT_ID, "140929AB120301007X"),
            "residentId: character 7 must be a digit"),
        register("full-width digits in the resident id", change(Vars.RESIDENT_ID, "１" + VALID_ID.substring(1)),
            "residentId: character 1 must be a digit"),
        register("no resident id", change(Vars.RESIDENT_ID, ABSENT), "residentId: is required"),
        register("the resident id as a number", change(Vars.RESIDENT_ID, new Typed(Long.parseLong(valid17 + "1"), "Long")),
            "residentId: must be text"),
        register("a resident already registered in this campaign", change(Vars.RESIDENT_ID, Fill.REGISTERED_RESIDENT_ID),
            "residentId: is already registered"),
        register("an unknown key group", change(Vars.KEY_GROUP, "RICH"), "keyGroup: must be one of"),
        register("a key group in lower case", change(Vars.KEY_GROUP, "poor"), "keyGroup: must be one of"),
        register("a city of another province (1101, Beijing)", change(Vars.CITY_CODE, "1101"),
            "cityCode: '1101' is not a city of Shanxi"),
        register("a county of another city (140105 of Taiyuan under Xinzhou)", change(Vars.COUNTY_CODE, "140105"),
            "countyCode: '140105' is not a county of city 1409"),
        register("a township outside the county (静乐县's 鹅城镇)", change(Vars.TOWNSHIP_CODE, "140926100"),
            "townshipCode: '140926100' is not a township of county 140929"),
        register("a township code that does not exist", change(Vars.TOWNSHIP_CODE, "140929999"),
            "townshipCode: '140929999' is not a township of county 140929"),
        register("household size 0", change(Vars.HOUSEHOLD_SIZE, 0L), "householdSize: must be between 1 and 30, not 0"),
        register("household size 31", change(Vars.HOUSEHOLD_SIZE, 31L), "householdSize: must be between 1 and 30, not 31"),
        register("household size -3", change(Vars.HOUSEHOLD_SIZE, -3L), "householdSize: must be between 1 and 30, not -3"),
        register("household size 2.5", change(Vars.HOUSEHOLD_SIZE, 2.5), "householdSize: must be a whole number"),
        register("household size \"three\"", change(Vars.HOUSEHOLD_SIZE, "three"), "householdSize: must be a whole number"),
        register("household size true", change(Vars.HOUSEHOLD_SIZE, true), "householdSize: must be a whole number"),
        register("no head of household", change(Vars.HEAD_NAME, ABSENT), "headName: is required"),
        register("a blank head of household", change(Vars.HEAD_NAME, "   "), "headName: is required"),
        register("a head name of 51 characters", change(Vars.HEAD_NAME, "王".repeat(51)),
            "headName: must have at most 50 characters, not 51"),
        register("a script in the head name", change(Vars.HEAD_NAME, SCRIPT),
            "headName: must not contain < or > or control characters"),
        register("a script in the village", change(Vars.VILLAGE, SCRIPT),
            "village: must not contain < or > or control characters"),
        register("a script in the address", change(Vars.HOUSE_ADDRESS, "宋家沟村 " + SCRIPT),
            "houseAddress: must not contain < or > or control characters"),
        register("a control character (BEL) in the head name", change(Vars.HEAD_NAME, "王\u0007秀英"),
            "headName: must not contain < or > or control characters"),
        register("a line break in the head name", change(Vars.HEAD_NAME, "王\n秀英"), "headName:"),
        register("a DEL control character in the head name", change(Vars.HEAD_NAME, "王\u007F秀英"), "headName:"),
        register("a zero-width space in the head name", change(Vars.HEAD_NAME, "王\u200B秀英"),
            "headName: must not contain invisible or formatting characters, found U+200B at position 2"),
        register("a head name of only a zero-width space", change(Vars.HEAD_NAME, "\u200B"),
            "headName: must not contain invisible or formatting characters, found U+200B"),
        register("a head name of only no-break spaces", change(Vars.HEAD_NAME, "\u00A0\u3000\u00A0"), "headName: is required"),
        register("a right-to-left mark in the head name", change(Vars.HEAD_NAME, "王秀英\u200F"),
            "headName: must not contain invisible or formatting characters, found U+200F"),
        register("a word joiner in the village", change(Vars.VILLAGE, "宋家\u2060沟村"),
            "village: must not contain invisible or formatting characters, found U+2060"),
        register("an invisible times in the address", change(Vars.HOUSE_ADDRESS, "宋家沟村\u2062 8 号"),
            "houseAddress: must not contain invisible or formatting characters, found U+2062"),
        register("a byte order mark in the head name", change(Vars.HEAD_NAME, "\uFEFF王秀英"),
            "headName: must not contain invisible or formatting characters, found U+FEFF at position 1"),
        register("a soft hyphen in the village", change(Vars.VILLAGE, "宋家\u00AD沟村"),
            "village: must not contain invisible or formatting characters, found U+00AD"),
        register("a C1 control character (NEL) in the head name", change(Vars.HEAD_NAME, "王\u0085秀英"),
            "headName: must not contain invisible or formatting characters, found U+0085"),
        register("a line separator in the head name", change(Vars.HEAD_NAME, "王\u2028秀英"),
            "headName: must not contain line or paragraph separators, found U+2028"),
        register("a paragraph separator in the address", change(Vars.HOUSE_ADDRESS, "宋家沟村\u20298 号"),
            "houseAddress: must not contain line or paragraph separators, found U+2029"),
        register("a lone surrogate in the head name", change(Vars.HEAD_NAME, "王\uD800秀英"),
            "headName: must not contain broken characters (a surrogate without its pair), found U+D800"),
        register("a resident id of area code 000000", change(Vars.RESIDENT_ID, idIn("000000")),
            "residentId: has an unknown area code 000000"),
        register("a resident id of no province (990105)", change(Vars.RESIDENT_ID, idIn("990105")),
            "residentId: has an unknown area code 990105"),
        register("a village of 51 characters", change(Vars.VILLAGE, "村".repeat(51)),
            "village: must have at most 50 characters, not 51"),
        register("an address of 201 characters", change(Vars.HOUSE_ADDRESS, "址".repeat(201)),
            "houseAddress: must have at most 200 characters, not 201"),
        register("dynamic guarantee \"yes\"", change(Vars.DYNAMIC_GUARANTEE, "yes"),
            "dynamicGuarantee: must be true or false"),
        new BadInput("the start endpoint instead of the form, with a wrong check character", TOWNSHIP_CLERK,
            HttpMethod.POST, START_FORM.replace("/submit-form", "/start"), JSON,
            new Form(registration(change(Vars.RESIDENT_ID, valid17 + wrongCheck))), REFUSED,
            text("residentId: has a wrong check character")));
  }

  // ---------------------------------------------------------------- the household task forms

  static List<BadInput> taskForms() {
    String verified = day(60);
    String approved = day(34);
    String started = day(25);
    String completed = day(10);
    return List.of(
        task(TASK_CONFIRM_IDENTIFICATION, "identification refused without remarks",
            change(Vars.IDENTITY_CONFIRMED, false), "identityRemarks: is required when membership is not confirmed"),
        task(TASK_CONFIRM_IDENTIFICATION, "identification without a decision", change(Vars.IDENTITY_CONFIRMED, ABSENT),
            "identityConfirmed: is required"),
        task(TASK_CONFIRM_IDENTIFICATION, "identification decided as the text \"true\"",
            change(Vars.IDENTITY_CONFIRMED, "true"), "identityConfirmed: must be true or false"),
        task(TASK_VERIFY_HOUSING, "a verification date in the future", change(Vars.VERIFICATION_DATE, future(3)),
            "verificationDate: must not be in the future"),
        task(TASK_VERIFY_HOUSING, "a verification date as 31/03/2020", change(Vars.VERIFICATION_DATE, "31/03/2020"),
            "verificationDate: must be a date like 2020-03-31"),
        task(TASK_VERIFY_HOUSING, "a verification date in 1900", change(Vars.VERIFICATION_DATE, "1900-01-01"),
            "verificationDate: (1900-01-01) must lie between 2000-01-01 and 2099-12-31"),
        task(TASK_VERIFY_HOUSING, "a verification date of the year -1", change(Vars.VERIFICATION_DATE, "-0001-03-01"),
            "verificationDate: must be a date like 2020-03-31"),
        task(TASK_VERIFY_HOUSING, "a verification date with surrounding spaces",
            change(Vars.VERIFICATION_DATE, " " + day(60) + " "), "verificationDate: must be a date like 2020-03-31 (no spaces)"),
        task(TASK_VERIFY_HOUSING, "a zero-width space as the verifier name", change(Vars.VERIFIER_NAME, "\u200B"),
            "verifierName: must not contain invisible or formatting characters"),
        task(TASK_VERIFY_HOUSING, "an unknown house structure", change(Vars.HOUSE_STRUCTURE, "PALACE"),
            "houseStructure: must be one of"),
        task(TASK_VERIFY_HOUSING, "a verifier name of 51 characters", change(Vars.VERIFIER_NAME, "郝".repeat(51)),
            "verifierName: must have at most 50 characters, not 51"),
        task(TASK_VERIFY_HOUSING, "\"can build\" as the text \"yes\"", change(Vars.CAN_BUILD, "yes"),
            "canBuild: must be true or false"),
        task(TASK_VERIFY_HOUSING, "the verification form redirecting the next steps to the township's own group",
            change(Vars.APPRAISER_GROUP, RoleGroups.township(DemoUsers.KELAN.townshipCode()),
                Vars.HOUSING_GROUP, RoleGroups.township(DemoUsers.KELAN.townshipCode())), "appraiserGroup"),
        task(TASK_APPRAISE_HOUSE, "an unknown safety grade", change(Vars.SAFETY_GRADE, "E"), "safetyGrade: must be one of"),
        task(TASK_APPRAISE_HOUSE, "an appraisal before the verification", change(Vars.APPRAISAL_DATE, day(61)),
            "appraisalDate: (" + day(61) + ") must not be before the verification date (" + verified + ")"),
        task(TASK_APPRAISE_HOUSE, "markup in the appraisal report reference",
            change(Vars.APPRAISAL_REPORT_REF, "<b>JD-2020-0117</b>"), "appraisalReportRef: must not contain < or >"),
        task(TASK_VILLAGE_REVIEW, "a village review rejected without remarks", change(Vars.VILLAGE_REVIEW_APPROVED, false),
            "villageReviewRemarks: is required when the case is not approved"),
        task(TASK_VILLAGE_REVIEW, "a village review date in the future", change(Vars.VILLAGE_REVIEW_DATE, future(1)),
            "villageReviewDate: must not be in the future"),
        task(TASK_TOWNSHIP_REVIEW, "a home visit before the village review", change(Vars.HOME_VISIT_DATE, day(51)),
            "homeVisitDate: (" + day(51) + ") must not be before the review date (" + day(50) + ")"),
        task(TASK_TOWNSHIP_REVIEW, "a township review rejected without remarks",
            change(Vars.TOWNSHIP_REVIEW_APPROVED, false), "townshipReviewRemarks: is required when the case is not approved"),
        task(TASK_COUNTY_APPROVAL, "a county approval rejected without remarks", change(Vars.COUNTY_APPROVED, false),
            "countyApprovalRemarks: is required when the case is not approved"),
        task(TASK_COUNTY_APPROVAL, "a county approval without a decision", change(Vars.COUNTY_APPROVED, ABSENT),
            "countyApproved: is required"),
        task(TASK_COUNTY_APPROVAL, "the county approval form raising the subsidy the decision table fixed",
            change(Vars.SUBSIDY_AMOUNT, 999_999L), "subsidyAmount"),
        task(TASK_SIGN_AGREEMENT, "an agreement signed before the county approval", change(Vars.AGREEMENT_DATE, day(35)),
            "agreementDate: (" + day(35) + ") must not be before the approval date (" + approved + ")"),
        task(TASK_SIGN_AGREEMENT, "an unknown builder type", change(Vars.BUILDER_TYPE, "COUSIN"), "builderType: must be one of"),
        task(TASK_START_CONSTRUCTION, "construction started before the county approval",
            change(Vars.CONSTRUCTION_START_DATE, day(35)),
            "constructionStartDate: (" + day(35) + ") must not be before the approval date (" + approved + ")"),
        task(TASK_START_CONSTRUCTION, "construction starting in the future", change(Vars.CONSTRUCTION_START_DATE, future(7)),
            "constructionStartDate: must not be in the future"),
        task(TASK_INSPECT_CONSTRUCTION, "construction completed before it started",
            change(Vars.CONSTRUCTION_COMPLETED_DATE, day(30)),
            "constructionCompletedDate: (" + day(30) + ") must not be before the construction start date (" + started + ")"),
        task(TASK_INSPECT_CONSTRUCTION, "an inspection in the future", change(Vars.INSPECTION_DATE, future(2)),
            "inspectionDate: must not be in the future"),
        task(TASK_INSPECT_CONSTRUCTION, "a script in the inspection notes", change(Vars.INSPECTION_NOTES, SCRIPT),
            "inspectionNotes: must not contain < or >"),
        task(TASK_INSPECT_ACCEPTANCE, "acceptance passed without a sanitary toilet", change(Vars.HAS_SANITARY_TOILET, false),
            "hasSanitaryToilet: a house without a sanitary toilet cannot pass acceptance"),
        task(TASK_INSPECT_ACCEPTANCE, "acceptance passed with livestock in the house",
            change(Vars.LIVESTOCK_SEPARATED, false), "livestockSeparated: people must be separated from livestock"),
        task(TASK_INSPECT_ACCEPTANCE, "acceptance passed with the old house standing",
            change(Vars.OLD_HOUSE_DEMOLISHED, false), "oldHouseDemolished: the old house must be demolished"),
        task(TASK_INSPECT_ACCEPTANCE, "a failed acceptance without defects", change(Vars.ACCEPTANCE_PASSED, false),
            "acceptanceDefects: list at least one defect when acceptance fails"),
        task(TASK_INSPECT_ACCEPTANCE, "a failed acceptance with a defect of 201 characters",
            change(Vars.ACCEPTANCE_PASSED, false, Vars.ACCEPTANCE_DEFECTS, "裂".repeat(201)),
            "acceptanceDefects: each defect may have at most 200 characters"),
        task(TASK_INSPECT_ACCEPTANCE, "100 m² for a household of 3", change(Vars.FLOOR_AREA, 100.0),
            "floorArea: (100.0 m²) exceeds 18.0 m² per person for 3 people"),
        task(TASK_INSPECT_ACCEPTANCE, "a floor area of 5 m²", change(Vars.FLOOR_AREA, 5.0),
            "floorArea: must be between 10.0 and 300.0, not 5.0"),
        task(TASK_INSPECT_ACCEPTANCE, "a floor area in words", change(Vars.FLOOR_AREA, "五十"), "floorArea: must be a number"),
        task(TASK_INSPECT_ACCEPTANCE, "acceptance before the construction was completed",
            change(Vars.ACCEPTANCE_DATE, day(11)),
            "acceptanceDate: (" + day(11) + ") must not be before the completion date (" + completed + ")"),
        task(TASK_INSPECT_ACCEPTANCE, "an impossible acceptance date sent as a Date (" + impossibleDate(6) + ")",
            change(Vars.ACCEPTANCE_DATE, new Typed(impossibleDate(6) + "T12:00:00.000+0000", "Date")), "acceptanceDate"),
        task(TASK_PAYOUT_SUBSIDY, "a paid amount other than the approved subsidy", change(Vars.PAID_AMOUNT, 1L),
            "paidAmount: (1) must equal the approved subsidy of"),
        task(TASK_PAYOUT_SUBSIDY, "a paid amount of 2.5 yuan", change(Vars.PAID_AMOUNT, 2.5),
            "paidAmount: must be a whole number"),
        task(TASK_PAYOUT_SUBSIDY, "a payment before the acceptance", change(Vars.PAYMENT_DATE, day(7)),
            "paymentDate: (" + day(7) + ") must not be before the acceptance date (" + day(6) + ")"),
        task(TASK_PAYOUT_SUBSIDY, "a paid amount other than the subsidy, with the subsidy changed in the same form",
            change(Vars.PAID_AMOUNT, 50_000L, Vars.SUBSIDY_AMOUNT, 50_000L), "paidAmount|subsidyAmount", true),
        task(TASK_ARCHIVE_CASE, "archiving without the information-system data approved",
            change(Vars.SYSTEM_DATA_APPROVED, false),
            "systemDataApproved: the data must be approved in the information system before archiving"),
        task(TASK_ARCHIVE_CASE, "an archive date in the future", change(Vars.ARCHIVED_DATE, future(1)),
            "archivedDate: must not be in the future"),
        task(TASK_ARCHIVE_CASE, "no archive number", change(Vars.ARCHIVE_NUMBER, ABSENT), "archiveNumber: is required"),
        new BadInput("completing (not submitting) a failed acceptance without defects", HOUSING, HttpMethod.POST,
            "/engine-rest/task/{" + TASK_INSPECT_ACCEPTANCE + "}/complete", JSON,
            new Form(taskValues(TASK_INSPECT_ACCEPTANCE, change(Vars.ACCEPTANCE_PASSED, false))), REFUSED,
            text("acceptanceDefects: list at least one defect when acceptance fails")),
        new BadInput("changing the approved subsidy through the variables API, outside any form",
            DemoUsers.userOf(DemoUsers.KELAN, Role.FINANCE), HttpMethod.PUT,
            "/engine-rest/task/{" + TASK_PAYOUT_SUBSIDY + "}/variables/" + Vars.SUBSIDY_AMOUNT, JSON,
            Map.of("value", 999_999, "type", "Long"), new int[] {403}, null));
  }

  // ---------------------------------------------------------------- problem rectification

  static List<BadInput> rectification() {
    return List.of(
        startCheck(HOUSING, "a check at an unknown level", change(ProblemRectificationProcess.Vars.CHECK_LEVEL, "PROVINCE"),
            "checkLevel: must be one of"),
        startCheck(TOWNSHIP_CLERK, "a township check of no village", change(ProblemRectificationProcess.Vars.CHECK_LEVEL,
            "TOWNSHIP", ProblemRectificationProcess.Vars.VILLAGE, ABSENT),
            "village: is required for a village or township check"),
        startCheck(HOUSING, "a check whose problems are due yesterday", change(ProblemRectificationProcess.Vars.PROBLEMS_FOUND,
            "屋面漏雨", ProblemRectificationProcess.Vars.RECTIFY_DEADLINE, day(1)),
            // the start form has no such fields: the submission guard refuses them before any rule runs
            "problemsFound: is not a field of this step's form"),
        startCheck(HOUSING, "a check without a checker", change(ProblemRectificationProcess.Vars.CHECKER_NAME, ABSENT),
            "checkerName: is required"),
        startCheck(HOUSING, "a check with a problem of 201 characters",
            change(ProblemRectificationProcess.Vars.PROBLEMS_FOUND, "漏".repeat(201)),
            "problemsFound: is not a field of this step's form"),
        startCheck(HOUSING, "a check in a township outside the county",
            change(ProblemRectificationProcess.Vars.TOWNSHIP_CODE, "140926100"),
            "townshipCode: '140926100' is not a township of county 140929"),
        startCheck(HOUSING, "a check posing as a failed acceptance, without defects",
            change(ProblemRectificationProcess.Vars.HOUSEHOLD_ID, "140929-2020-000001"),
            "householdId: is not a field of this step's form"),
        task(TASK_CONDUCT_CHECK, "new problems due yesterday", change(ProblemRectificationProcess.Vars.RECTIFY_DEADLINE,
            day(1)), "rectifyDeadline: (" + day(1) + ") must not be in the past"),
        task(TASK_CONDUCT_CHECK, "a new problem of 201 characters",
            change(ProblemRectificationProcess.Vars.PROBLEMS_FOUND, "墙".repeat(201)),
            "problemsFound: each problem may have at most 200 characters"),
        task(TASK_CONDUCT_CHECK, "new problems due in 2100", change(ProblemRectificationProcess.Vars.RECTIFY_DEADLINE,
            "2100-01-01"), "rectifyDeadline: (2100-01-01) must lie between 2000-01-01 and 2099-12-31"),
        task(TASK_RECTIFY_PROBLEM, "a rectification without measures",
            change(ProblemRectificationProcess.Vars.RECTIFICATION_MEASURES, ABSENT), "rectificationMeasures: is required"),
        task(TASK_RECTIFY_PROBLEM, "a rectification dated in the future",
            change(ProblemRectificationProcess.Vars.RECTIFIED_DATE, future(5)), "rectifiedDate: must not be in the future"),
        task(TASK_VERIFY_RECTIFICATION, "a rectification not verified, without remarks",
            change(ProblemRectificationProcess.Vars.RECTIFICATION_VERIFIED, false),
            "verificationRemarks: is required when the rectification is not verified"),
        task(TASK_CLOSE_OUT_PROBLEM, "a close-out before the rectification",
            change(ProblemRectificationProcess.Vars.CLOSE_OUT_DATE, day(4)),
            "closeOutDate: (" + day(4) + ") must not be before the date rectified (" + day(3) + ")"));
  }

  // ---------------------------------------------------------------- Anju's admin API

  static List<BadInput> adminApi() {
    String group = RoleGroups.township(DemoUsers.KELAN.townshipCode());
    String big = HEADER + ("u,名,姓,,password-1," + group + "\n").repeat(40_000);
    return List.of(
        csv("a CSV with a wrong header", "id;firstName;lastName;email;password;groups\nzhang1,张,三,,password-1," + group,
            "header: must be exactly"),
        csv("a CSV row with 5 columns", HEADER + "zhang2,张,三,password-1," + group, "row: must have 6 columns, not 5"),
        csv("a CSV row with 7 columns", HEADER + "zhang3,张,三,,password-1," + group + ",extra",
            "row: must have 6 columns, not 7"),
        csv("a user id that exists", HEADER + HOUSING + ",张,三,,password-1," + group,
            "id: user '" + HOUSING + "' exists already"),
        csv("a user id with a hyphen", HEADER + "zhang-4,张,三,,password-1," + group, "id: must be 1 to 64 letters or digits"),
        csv("the same user id twice in one file", HEADER + "zhang5,张,三,,password-1," + group + "\nzhang5,张,四,,password-1,"
            + group, "id: user 'zhang5' exists already"),
        csv("a password of 7 characters", HEADER + "zhang6,张,三,,pass-12," + group, "password: must have 8 to 128 characters"),
        csv("an unknown group", HEADER + "zhang7,张,三,,password-1,township140929999",
            "groups: group 'township140929999' does not exist"),
        csv("no group", HEADER + "zhang8,张,三,,password-1,", "groups: name at least one group"),
        csv("markup in a first name", HEADER + "zhang9,<b>张</b>,三,,password-1," + group,
            "firstName: must not contain < or > or control characters"),
        csv("a last name of 51 characters", HEADER + "zhang10,张," + "三".repeat(51) + ",,password-1," + group,
            "lastName: must have 1 to 50 characters"),
        csv("an e-mail that is not one", HEADER + "zhang11,张,三,zhang at example,password-1," + group,
            "email: is not an e-mail address"),
        csv("a zero-width space as a first name", HEADER + "zhang14,\u200B,三,,password-1," + group,
            "firstName: must not contain invisible or formatting characters"),
        selfService("one's own password changed to '1'", HttpMethod.PUT, "/credentials",
            Map.of("password", "1", "authenticatedUserPassword", DemoUsers.PASSWORD), "password: must have 8 to 128 characters"),
        selfService("one's own first name changed to a script", HttpMethod.PUT, "/profile",
            profile(SCRIPT, "宋家沟村", SELF + "@anju.example"), "firstName: must not contain < or > or control characters"),
        selfService("one's own last name changed to a zero-width space", HttpMethod.PUT, "/profile",
            profile("村干部", "\u200B", SELF + "@anju.example"), "lastName: must not contain invisible or formatting characters"),
        selfService("one's own e-mail changed to one that is not", HttpMethod.PUT, "/profile",
            profile("村干部", "宋家沟村", "mail at example"), "email: is not an e-mail address"),
        new BadInput("a user created through the engine REST API with a password of 5 characters", "admin",
            HttpMethod.POST, "/engine-rest/user/create", JSON, Map.of("profile", profile("张", "三", "", "zhang15"),
                "credentials", Map.of("password", "short")), REFUSED, text("password: must have 8 to 128 characters")),
        csv("a header and no users", HEADER, "file: has no users"),
        new BadInput("users as JSON instead of CSV", "admin", HttpMethod.POST, USERS, JSON,
            "{\"id\":\"zhang12\",\"groups\":\"" + group + "\"}", new int[] {415},
            text("Content-Type application/json is not accepted")),
        new BadInput("users with no body", "admin", HttpMethod.POST, USERS, CSV, "", REFUSED,
            text("body: is missing or unreadable")),
        new BadInput("a file of more than a million characters", "admin", HttpMethod.POST, USERS, CSV, big,
            new int[] {413}, text("at most 1000000 characters")),
        new BadInput("a user import by a county clerk", HOUSING, HttpMethod.POST, USERS, CSV,
            HEADER + "zhang13,张,三,,password-1," + group, new int[] {403}, text("only administrators")),
        new BadInput("a county set up by a county clerk", HOUSING, HttpMethod.POST, "/api/admin/counties/140106", null,
            null, new int[] {403}, text("only administrators")),
        county("a county code of 5 digits", "14092", "countyCode: must be a 6-digit county code"),
        county("a township code as county code", "140929102", "countyCode: must be a 6-digit county code"),
        county("a county of another province (Beijing's 110105)", "110105", "countyCode: '110105' is not a county of Shanxi"),
        county("a city code padded to 6 digits", "140900", "countyCode: '140900' is not a county of Shanxi"));
  }

  // ---------------------------------------------------------------- raw HTTP

  static List<BadInput> rawHttp() {
    String acceptance = "/engine-rest/task/{" + TASK_INSPECT_ACCEPTANCE + "}/submit-form";
    String verification = "/engine-rest/task/{" + TASK_VERIFY_HOUSING + "}/submit-form";
    String verifier = TOWNSHIP_CLERK;
    return List.of(
        new BadInput("malformed JSON", verifier, HttpMethod.POST, verification, JSON, "{\"variables\": {\"verifierName\":",
            REFUSED, null),
        new BadInput("a JSON list instead of an object", verifier, HttpMethod.POST, verification, JSON, "[]", REFUSED, null),
        new BadInput("JSON sent as text/plain", verifier, HttpMethod.POST, verification, "text/plain;charset=UTF-8",
            "{\"variables\":{}}", new int[] {415, 400}, null),
        new BadInput("XML instead of JSON", verifier, HttpMethod.POST, verification, "application/xml",
            "<variables><verifierName>郝建军</verifierName></variables>", new int[] {415, 400}, null),
        new BadInput("a floor area 'abc' typed Double", HOUSING, HttpMethod.POST, acceptance, JSON,
            new Form(taskValues(TASK_INSPECT_ACCEPTANCE, change(Vars.FLOOR_AREA, new Typed("abc", "Double")))),
            REFUSED, text(Vars.FLOOR_AREA)),
        new BadInput("a household size beyond Long", TOWNSHIP_CLERK, HttpMethod.POST, START_FORM, JSON,
            new Form(registration(change(Vars.HOUSEHOLD_SIZE, new Typed(new java.math.BigInteger("99999999999999999999999"),
                "Long")))), REFUSED, text(Vars.HOUSEHOLD_SIZE)),
        new BadInput("a variable of an unknown type", HOUSING, HttpMethod.POST, acceptance, JSON,
            new Form(taskValues(TASK_INSPECT_ACCEPTANCE, change(Vars.FLOOR_AREA, new Typed(52.5, "Nonsense")))),
            REFUSED, text(Vars.FLOOR_AREA)),
        new BadInput("a Java-serialized object as a variable", HOUSING, HttpMethod.POST, acceptance, JSON,
            new Form(taskValues(TASK_INSPECT_ACCEPTANCE, change(Vars.FLOOR_AREA, new Typed("rO0ABXQAA2FiYw==", "Object",
                Map.of("serializationDataFormat", "application/x-java-serialized-object",
                    "objectTypeName", "java.lang.String"))))), REFUSED, text(Vars.FLOOR_AREA)),
        new BadInput("a File variable without its file information", HOUSING, HttpMethod.POST, acceptance, JSON,
            new Form(taskValues(TASK_INSPECT_ACCEPTANCE, change(Vars.FLOOR_AREA, new Typed("eA==", "File")))),
            REFUSED, text(Vars.FLOOR_AREA)),
        new BadInput("a form submitted to a task that does not exist", HOUSING, HttpMethod.POST,
            "/engine-rest/task/no-such-task/submit-form", JSON, new Form(Map.of()), new int[] {404}, null),
        new BadInput("a task that does not exist completed", HOUSING, HttpMethod.POST,
            "/engine-rest/task/no-such-task/complete", JSON, new Form(Map.of()), new int[] {404}, null),
        new BadInput("a start form of a process that does not exist", TOWNSHIP_CLERK, HttpMethod.POST,
            "/engine-rest/process-definition/key/no-such-process/submit-form", JSON, new Form(Map.of()), new int[] {404},
            null),
        new BadInput("tasks sorted by an unknown property", HOUSING, HttpMethod.GET,
            "/engine-rest/task?sortBy=nonsense&sortOrder=asc", null, null, REFUSED, text("sortBy")),
        new BadInput("history since a date that is not one", HOUSING, HttpMethod.GET,
            "/engine-rest/history/process-instance?startedAfter=notadate", null, null, REFUSED, text("startedAfter")),
        new BadInput("a page size that is not a number", HOUSING, HttpMethod.GET, "/engine-rest/task?maxResults=abc", null,
            null, new int[] {400, 404}, null));
  }

  // ---------------------------------------------------------------- the test

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ProcessEngine engine;

  @Autowired
  org.anju.demo.DemoDocuments demoDocuments;

  @Autowired
  HouseholdCases households;

  @Autowired
  JdbcTemplate jdbc;

  /** Writes every non-ASCII character escaped, so that a lone surrogate reaches the server as JSON allows. */
  private final ObjectMapper json = new ObjectMapper()
      .configure(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
  /** The case that waits at each step for the catalogue's task forms; replaced when a bad input got through. */
  private final Map<String, String> stations = new HashMap<>();
  private String registeredResidentId;

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("catalogue")
  void shouldRefuseABadInputAndKeepNothingOfIt(BadInput input) {
    String path = withTaskIds(input.path());
    String taskId = taskIdIn(path);
    byte[] body = bodyOf(input, taskId);
    DatabaseState before = state(taskId);

    Reply reply = send(input.user(), input.method(), path, input.contentType(), body);

    SoftAssertions softly = new SoftAssertions();
    String sent = "\"" + input.description() + "\": " + input.method() + " " + path + " as " + input.user() + " with "
        + (body == null ? "no body" : abbreviate(new String(body, UTF_8)));
    softly.assertThat(reply.status()).as("status of %s\nanswer: %s", sent, reply).isIn(boxed(input.statuses()));
    if (input.expected() != null) {
      softly.assertThat(reply.message()).as("message of %s", sent).containsPattern(input.expected());
    }
    // a refusal says why: never an empty message, even where the catalogue does not name the words
    softly.assertThat(reply.message()).as("message of %s", sent).isNotBlank().isNotEqualTo("null")
        .doesNotEndWith(": ");
    if (reply.body().contains("\"reasonZh\"")) {
      // a form refused by Anju's rules reads as our sentences alone: no REST prefix, no id, no "Invalid input"
      softly.assertThat(reply.message()).as("message of %s", sent).doesNotContain("Cannot submit task form")
          .doesNotContain("Cannot instantiate process definition").doesNotContain("Invalid input").contains("：", " / ");
    }
    softly.assertThat(state(taskId)).as("the database after %s", sent).isEqualTo(before);
    softly.assertAll();
  }

  /** What a refused input must leave as it was. */
  record DatabaseState(Map<String, Long> counts, String task, Map<String, Object> ownUser) {}

  DatabaseState state(String taskId) {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("process instances (history)", engine.getHistoryService().createHistoricProcessInstanceQuery().count());
    counts.put("open tasks", engine.getTaskService().createTaskQuery().count());
    counts.put("users", engine.getIdentityService().createUserQuery().count());
    counts.put("groups", engine.getIdentityService().createGroupQuery().count());
    counts.put("tenants", engine.getIdentityService().createTenantQuery().count());
    counts.put("authorizations", engine.getAuthorizationService().createAuthorizationQuery().count());
    counts.put("households", count("select count(*) from household"));
    counts.put("problems", count("select count(*) from problem"));
    counts.put("inspections", count("select count(*) from construction_inspection"));
    String task = null;
    if (taskId != null) {
      TaskService tasks = engine.getTaskService();
      Task open = tasks.createTaskQuery().taskId(taskId).singleResult();
      task = open == null ? "gone" : "open, assignee " + open.getAssignee() + ", " + new TreeMap<>(tasks.getVariables(taskId));
    }
    // the self-service cases: the user's profile and password hash, what the user would see changed
    Map<String, Object> ownUser = new TreeMap<>(jdbc.queryForMap(
        "select FIRST_, LAST_, EMAIL_, PWD_ from ACT_ID_USER where ID_ = ?", SELF));
    return new DatabaseState(counts, task, ownUser);
  }

  /** Replaces {@code {<step>}} in a path by the id of a task waiting at that step. */
  private String withTaskIds(String path) {
    Matcher step = Pattern.compile("\\{(\\w+)}").matcher(path);
    return step.find() ? path.substring(0, step.start()) + taskAt(step.group(1)) + path.substring(step.end()) : path;
  }

  private String taskIdIn(String path) {
    Matcher id = Pattern.compile("/task/([0-9a-f-]{36})/").matcher(path);
    return id.find() ? id.group(1) : null;
  }

  /** A task waiting at {@code step}, in a case of 岢岚县 kept for the catalogue. */
  private String taskAt(String step) {
    String instanceId = stations.get(step);
    Task task = instanceId == null ? null : openTask(instanceId, step);
    if (task == null) {
      instanceId = isRectificationStep(step) ? newCheckAt(step) : newCaseAt(step);
      stations.put(step, instanceId);
      task = openTask(instanceId, step);
    }
    return task.getId();
  }

  private Task openTask(String instanceId, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
  }

  private static boolean isRectificationStep(String step) {
    return List.of(TASK_CONDUCT_CHECK, TASK_RECTIFY_PROBLEM, TASK_VERIFY_RECTIFICATION, TASK_CLOSE_OUT_PROBLEM)
        .contains(step);
  }

  private String newCaseAt(String step) {
    Registration registration = new Registration("目录户", freshResidentId(), KeyGroup.POOR, "1409",
        DemoUsers.KELAN.countyCode(), DemoUsers.KELAN.townshipCode(), "宋家沟村", "宋家沟村 2 号", 3, true);
    String instanceId = households.register(registration).getId();
    new CaseWalker(engine, demoDocuments).walkTo(instanceId, step);
    return instanceId;
  }

  /** A county spot check of 宋家沟镇 with one problem, taken forward to {@code step}. */
  private String newCheckAt(String step) {
    String instanceId = engine.getRuntimeService().startProcessInstanceByKey(ProblemRectificationProcess.KEY,
        checkValues(Map.of(ProblemRectificationProcess.Vars.PROBLEMS_FOUND, "屋面漏雨 Roof leaks"))).getId();
    List<String> path = List.of(TASK_RECTIFY_PROBLEM, TASK_VERIFY_RECTIFICATION, TASK_CLOSE_OUT_PROBLEM);
    for (String done : path.subList(0, Math.max(0, path.indexOf(step)))) {
      engine.getTaskService().complete(openTask(instanceId, done).getId(), rectificationValues(done));
    }
    return instanceId;
  }

  private byte[] bodyOf(BadInput input, String taskId) {
    Object body = input.body();
    if (body == null) {
      return null;
    }
    if (body instanceof String text) {
      return text.getBytes(UTF_8);
    }
    if (body instanceof Form form) {
      Map<String, Object> variables = new LinkedHashMap<>();
      form.variables().forEach((name, value) -> variables.put(name, typed(fill(value, taskId))));
      return toJson(Map.of("variables", variables));
    }
    return toJson(body);
  }

  private Object fill(Object value, String taskId) {
    if (!(value instanceof Fill fill)) {
      return value;
    }
    return switch (fill) {
      case FRESH_RESIDENT_ID -> freshResidentId();
      case REGISTERED_RESIDENT_ID -> registeredResidentId();
      case APPROVED_SUBSIDY -> engine.getTaskService().getVariable(taskId, Vars.SUBSIDY_AMOUNT);
    };
  }

  private static Map<String, Object> typed(Object value) {
    Map<String, Object> variable = new LinkedHashMap<>();
    if (value instanceof Typed typed) {
      variable.put("value", typed.value());
      variable.put("type", typed.type());
      if (typed.valueInfo() != null) {
        variable.put("valueInfo", typed.valueInfo());
      }
      return variable;
    }
    variable.put("value", value);
    variable.put("type", RestVariables.typeOf(value));
    return variable;
  }

  /** A household of the current campaign, registered once for the duplicate-registration case. */
  private String registeredResidentId() {
    if (registeredResidentId == null) {
      registeredResidentId = freshResidentId();
      households.register(new Registration("已登记户", registeredResidentId, KeyGroup.DIBAO, "1409",
          DemoUsers.KELAN.countyCode(), DemoUsers.KELAN.townshipCode(), "宋家沟村", "宋家沟村 3 号", 2, false));
    }
    return registeredResidentId;
  }

  private String freshResidentId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      // born 1900-1939: the demo data, the walk-through and the isolation suite's years are others or random
      String id = DemoSteps.residentId("140929", 1900 + random.nextInt(40), random.nextInt(1000));
      if (count("select count(*) from household where resident_id = ?", id) == 0) {
        return id;
      }
    }
  }

  private long count(String sql, Object... args) {
    Long count = jdbc.queryForObject(sql, Long.class, args);
    return count == null ? 0 : count;
  }

  // ---------------------------------------------------------------- building the catalogue

  /** The changes of a case: name, value pairs; {@link #ABSENT} leaves the variable out. */
  static Map<String, Object> change(Object... namesAndValues) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      changes.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return changes;
  }

  static Map<String, Object> apply(Map<String, Object> valid, Map<String, Object> changes) {
    Map<String, Object> values = new LinkedHashMap<>(valid);
    changes.forEach((name, value) -> {
      if (value == ABSENT) {
        values.remove(name);
      } else {
        values.put(name, value);
      }
    });
    return values;
  }

  /** A valid registration in 岢岚县's 宋家沟镇 with the changes applied. */
  static Map<String, Object> registration(Map<String, Object> changes) {
    Map<String, Object> valid = new LinkedHashMap<>();
    valid.put(Vars.HEAD_NAME, "目录户主");
    valid.put(Vars.RESIDENT_ID, Fill.FRESH_RESIDENT_ID);
    valid.put(Vars.KEY_GROUP, KeyGroup.POOR.name());
    valid.put(Vars.CITY_CODE, "1409");
    valid.put(Vars.COUNTY_CODE, DemoUsers.KELAN.countyCode());
    valid.put(Vars.TOWNSHIP_CODE, DemoUsers.KELAN.townshipCode());
    valid.put(Vars.VILLAGE, "宋家沟村");
    valid.put(Vars.HOUSE_ADDRESS, "宋家沟村 8 号");
    valid.put(Vars.HOUSEHOLD_SIZE, 3L);
    valid.put(Vars.DYNAMIC_GUARANTEE, true);
    return apply(valid, changes);
  }

  static BadInput register(String description, Map<String, Object> changes, String expected) {
    return new BadInput("start form: " + description, TOWNSHIP_CLERK, HttpMethod.POST, START_FORM, JSON,
        new Form(registration(changes)), REFUSED, text(expected));
  }

  /** The valid values of a step, as {@link DemoSteps} and the rectification rules know them, with the changes. */
  static Map<String, Object> taskValues(String step, Map<String, Object> changes) {
    Map<String, Object> valid = new LinkedHashMap<>(DemoSteps.valuesFor(step, TODAY));
    if (step.equals(TASK_PAYOUT_SUBSIDY)) {
      valid.put(Vars.PAID_AMOUNT, Fill.APPROVED_SUBSIDY);
    }
    return apply(valid, changes);
  }

  static BadInput task(String step, String description, Map<String, Object> changes, String expected) {
    return task(step, description, changes, expected, false);
  }

  static BadInput task(String step, String description, Map<String, Object> changes, String expected, boolean regex) {
    return new BadInput(step.replace("UserTask_", "") + " form: " + description, userOf(step), HttpMethod.POST,
        "/engine-rest/task/{" + step + "}/submit-form", JSON, new Form(taskValues(step, changes)), REFUSED,
        regex ? expected : Pattern.quote(expected));
  }

  /** A rectification step's valid values: its catalogue entry's (kept in insertion order for the messages). */
  static Map<String, Object> rectificationValues(String step) {
    return new LinkedHashMap<>(DemoSteps.valuesFor(step, TODAY));
  }

  /** A valid start of a county spot check of 宋家沟镇, with the changes applied. */
  static Map<String, Object> checkValues(Map<String, Object> changes) {
    Map<String, Object> valid = new LinkedHashMap<>();
    valid.put(ProblemRectificationProcess.Vars.CHECK_LEVEL, "COUNTY");
    valid.put(ProblemRectificationProcess.Vars.CITY_CODE, "1409");
    valid.put(ProblemRectificationProcess.Vars.COUNTY_CODE, DemoUsers.KELAN.countyCode());
    valid.put(ProblemRectificationProcess.Vars.TOWNSHIP_CODE, DemoUsers.KELAN.townshipCode());
    valid.put(ProblemRectificationProcess.Vars.VILLAGE, "宋家沟村");
    valid.put(ProblemRectificationProcess.Vars.CHECK_SCOPE, "宋家沟镇农房质量抽查 Spot check of 宋家沟镇");
    valid.put(ProblemRectificationProcess.Vars.CHECKER_NAME, "郝建军");
    return apply(valid, changes);
  }

  static BadInput startCheck(String user, String description, Map<String, Object> changes, String expected) {
    return new BadInput("check start form: " + description, user, HttpMethod.POST, CHECK_START_FORM, JSON,
        new Form(checkValues(changes)), REFUSED, text(expected));
  }

  static BadInput csv(String description, String csv, String expected) {
    return new BadInput("user import: " + description, "admin", HttpMethod.POST, USERS, CSV, csv, REFUSED, text(expected));
  }

  /** A demo user changing their own user through the engine REST API, as the Admin webapp does. */
  static BadInput selfService(String description, HttpMethod method, String path, Object body, String expected) {
    return new BadInput("own user: " + description, SELF, method, "/engine-rest/user/" + SELF + path, JSON, body,
        REFUSED, text(expected));
  }

  static Map<String, Object> profile(String firstName, String lastName, String email) {
    return profile(firstName, lastName, email, SELF);
  }

  static Map<String, Object> profile(String firstName, String lastName, String email, String id) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("id", id);
    profile.put("firstName", firstName);
    profile.put("lastName", lastName);
    profile.put("email", email);
    return profile;
  }

  static BadInput county(String description, String code, String expected) {
    return new BadInput("county set-up: " + description, "admin", HttpMethod.POST, "/api/admin/counties/" + code, null,
        null, REFUSED, text(expected));
  }

  /** The demo user of 岢岚县 who works a step. */
  static String userOf(String step) {
    Role role = switch (step) {
      case TASK_CONFIRM_IDENTIFICATION -> Role.POVERTY;
      case TASK_APPRAISE_HOUSE -> Role.APPRAISER;
      case TASK_VILLAGE_REVIEW -> Role.VILLAGE;
      case TASK_COUNTY_APPROVAL, TASK_INSPECT_ACCEPTANCE, TASK_ARCHIVE_CASE, TASK_CONDUCT_CHECK,
          TASK_VERIFY_RECTIFICATION, TASK_CLOSE_OUT_PROBLEM -> Role.HOUSING;
      case TASK_PAYOUT_SUBSIDY -> Role.FINANCE;
      default -> Role.TOWNSHIP;
    };
    return DemoUsers.userOf(DemoUsers.KELAN, role);
  }

  static String text(String literal) {
    return Pattern.quote(literal);
  }

  static String day(int daysBefore) {
    return TODAY.minusDays(daysBefore).toString();
  }

  static String future(int daysAfter) {
    return TODAY.plusDays(daysAfter).toString();
  }

  /** The date {@code daysBefore} today written with a day of month past the end of the previous month. */
  static String impossibleDate(int daysBefore) {
    LocalDate date = TODAY.minusDays(daysBefore);
    LocalDate previousMonth = date.minusMonths(1);
    return "%04d-%02d-%02d".formatted(previousMonth.getYear(), previousMonth.getMonthValue(),
        date.getDayOfMonth() + previousMonth.lengthOfMonth());
  }

  /** A valid resident id but for its area code. */
  static String idIn(String areaCode) {
    String first17 = areaCode + "19490301007";
    return first17 + check(first17);
  }

  static String idBornIn(int year) {
    String first17 = "140929" + year + "0301007";
    return first17 + check(first17);
  }

  static char check(String first17) {
    return org.anju.region.ResidentIdNumber.checkCharacter(first17);
  }

  private static Integer[] boxed(int[] statuses) {
    return Arrays.stream(statuses).boxed().toArray(Integer[]::new);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "… (" + text.length() + " characters)" : text;
  }

  // ---------------------------------------------------------------- HTTP

  /** One answer; its message is the JSON message with the listed field errors, or the body as it is. */
  record Reply(int status, String body, String message) {

    @Override
    public String toString() {
      return status + " " + abbreviate(body);
    }
  }

  private Reply send(String user, HttpMethod method, String path, String contentType, byte[] body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, DemoUsers.PASSWORD, UTF_8);
    if (contentType != null) {
      headers.setContentType(MediaType.parseMediaType(contentType));
    }
    ResponseEntity<byte[]> response = rest.exchange(path, method, new HttpEntity<>(body, headers), byte[].class);
    String text = response.getBody() == null ? "" : new String(response.getBody(), UTF_8);
    return new Reply(response.getStatusCode().value(), text, messageOf(text));
  }

  private String messageOf(String body) {
    try {
      Map<String, Object> answer = json.readValue(body, new TypeReference<Map<String, Object>>() {});
      StringBuilder message = new StringBuilder(String.valueOf(answer.get("message")));
      if (answer.get("errors") instanceof List<?> errors) {
        for (Object error : errors) {
          if (error instanceof Map<?, ?> e) {
            // a register's rows name their line; a refused form lists its fields (Anju's REST refusal)
            message.append("; ").append(e.get("line") == null ? "" : "line " + e.get("line") + " ").append(e.get("field"))
                .append(": ").append(e.get("reason"));
          }
        }
      }
      return message.toString();
    } catch (IOException | RuntimeException e) {
      return body;
    }
  }

  private byte[] toJson(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
