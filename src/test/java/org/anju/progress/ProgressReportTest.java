package org.anju.progress;

import org.anju.clock.AnjuClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anju.access.CountySetup;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The progress report against a fixture with a known answer: campaign 2031 (deadlines 31 March and
 * 31 May), today 17 March 2031, eight households in three counties of two cities, problems, and two
 * real cases whose steps are overdue. Checked at every level of the drill-down, for a province
 * supervisor and for a county clerk who may see only 岢岚县, and in the CSV and XLSX exports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressReportTest {

  static final int CAMPAIGN = 2031;
  static final LocalDate TODAY = LocalDate.of(2031, 3, 17);
  static final String PROVINCE = "provincesupervisor";
  static final String KELAN_CLERK = "klhousing";

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  HouseholdCases cases;
  @Autowired
  TaskService tasks;
  @Autowired
  CountySetup counties;
  @Autowired
  org.camunda.bpm.engine.ProcessEngine engine;

  @Autowired
  org.anju.demo.DemoDocuments demoDocuments;

  @BeforeAll
  void fixture() {
    ClockUtil.setCurrentTime(java.util.Date.from(TODAY.atTime(12, 0).atZone(AnjuClock.zone()).toInstant()));
    counties.setUp("140121"); // 清徐县 of 太原市: the province supervisors become members of its tenant
    jdbc.update("insert into campaign (campaign_year, start_deadline, completion_deadline, warning_days, opened_at)"
        + " values (?, ?, ?, 7, ?)", CAMPAIGN, Date.valueOf("2031-03-31"), Date.valueOf("2031-05-31"),
        Timestamp.valueOf(LocalDateTime.of(2030, 12, 1, 0, 0)));

    // 岢岚县 140929, 宋家沟镇 140929102: H1 registered (a real case, identification overdue), H2 under
    // construction since 10 March, H3 accepted on 15 March
    String h1 = register(DemoUsers.KELAN, "甲一", KeyGroup.POOR, true, 901);
    insert("140929102", "乙二", "DIBAO", true, null, LocalDate.of(2031, 3, 1), "REBUILD", LocalDate.of(2031, 3, 10), null);
    insert("140929102", "丙三", "POOR", true, null, LocalDate.of(2031, 3, 1), "REINFORCE", LocalDate.of(2031, 2, 20),
        LocalDate.of(2031, 3, 15));
    // 岚漪镇 140929100: H4 appraised safe and closed, H5 verified
    insert("140929100", "丁四", "TEKUN", false, "APPRAISED_SAFE", LocalDate.of(2031, 2, 1), "NONE", null, null);
    insert("140929100", "戊五", "DISABLED", true, null, LocalDate.of(2031, 3, 5), null, null, null);
    // 静乐县 140926, 鹅城镇 140926100: H6 renovated and closed, H7 registered (a real case, overdue)
    insert("140926100", "己六", "POOR", true, "MADE_SAFE_BY_RENOVATION", LocalDate.of(2031, 2, 1), "REBUILD",
        LocalDate.of(2031, 3, 5), LocalDate.of(2031, 3, 12));
    String h7 = register(DemoUsers.JINGLE, "庚七", KeyGroup.DIBAO, false, 902);
    // 清徐县 140121 of 太原市: H8 rebuild decided, not started
    insert("140121100", "辛八", "POOR", true, null, LocalDate.of(2031, 3, 1), "REBUILD", null, null);
    // another campaign's household does not count
    jdbc.update("update household set campaign_year = 2030 where household_id = ?",
        insert("140929102", "壬九", "POOR", true, null, null, null, null, null));

    problem("140929", "140929102", "OPEN", "ROOF"); // hazard findings (安全隐患排查整治) carry a category
    problem("140929", "140929102", "OPEN", null);
    problem("140929", "140929102", "CLOSED", "ROOF");
    problem("140926", "140926100", "OPEN", "FIRE");
    problem("140121", "140121100", "OPEN", null);

    for (String householdId : List.of(h1, h7)) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(householdId).singleResult();
      task.setDueDate(java.util.Date.from(TODAY.minusDays(7).atStartOfDay(AnjuClock.zone()).toInstant()));
      tasks.saveTask(task);
    }
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void provinceLevelSumsEveryVisibleCounty() {
    Map<String, Map<String, Object>> rows = rows(PROVINCE, "level=province");
    assertThat(rows).containsOnlyKeys("14");
    Map<String, Object> shanxi = rows.get("14");
    assertThat(shanxi).containsEntry("name", "山西省").containsEntry("households", 8)
        .containsEntry("dynamicTarget", 6).containsEntry("dynamicStarted", 3).containsEntry("dynamicCompleted", 2)
        .containsEntry("openProblems", 4).containsEntry("overdueSteps", 2).containsEntry("notVerified", 2);
    assertThat(shanxi.get("stages")).isEqualTo(Map.of("REGISTERED", 2, "VERIFIED", 1, "METHOD_DECIDED", 1,
        "CONSTRUCTION_STARTED", 1, "ACCEPTED", 1, "CLOSED", 2));
    assertThat(shanxi.get("outcomes")).isEqualTo(Map.of("APPRAISED_SAFE", 1, "MADE_SAFE_BY_RENOVATION", 1,
        "SECURED_OTHER_WAY", 0, "NOT_ELIGIBLE", 0, "CANCELLED", 0));
    assertThat(shanxi.get("keyGroups")).isEqualTo(Map.of("POOR", 4, "DIBAO", 2, "TEKUN", 1, "DISABLED", 1));
  }

  @Test
  void cityLevel() {
    Map<String, Map<String, Object>> rows = rows(PROVINCE, "level=city");
    assertThat(rows).containsOnlyKeys("1401", "1409");
    assertThat(rows.get("1401")).containsEntry("name", "太原市").containsEntry("households", 1)
        .containsEntry("dynamicTarget", 1).containsEntry("dynamicStarted", 0).containsEntry("openProblems", 1)
        .containsEntry("overdueSteps", 0).containsEntry("projectedStartDate", null)
        .containsEntry("risks", List.of("START_DEADLINE", "COMPLETION_DEADLINE"));
    assertThat(rows.get("1409")).containsEntry("name", "忻州市").containsEntry("households", 7)
        .containsEntry("dynamicTarget", 5).containsEntry("dynamicStarted", 3).containsEntry("dynamicCompleted", 2)
        .containsEntry("openProblems", 3).containsEntry("overdueSteps", 2);
  }

  @Test
  void countyLevelWithDaysLeftAndProjections() {
    Map<String, Object> report = report(PROVINCE, "level=county&code=1409");
    assertThat(report).containsEntry("daysToStartDeadline", 14).containsEntry("daysToCompletionDeadline", 75)
        .containsEntry("today", "2031-03-17");
    Map<String, Map<String, Object>> rows = byCode(report);
    assertThat(rows).containsOnlyKeys("140926", "140929");
    // 岢岚县: 2 of 4 started, 1 started in the last 14 days → 2 more need 28 days: 14 April, after 31 March
    assertThat(rows.get("140929")).containsEntry("name", "岢岚县").containsEntry("households", 5)
        .containsEntry("dynamicTarget", 4).containsEntry("dynamicStarted", 2).containsEntry("dynamicCompleted", 1)
        .containsEntry("startedLast14Days", 1).containsEntry("completedLast14Days", 1)
        .containsEntry("openProblems", 2).containsEntry("overdueSteps", 1)
        .containsEntry("projectedStartDate", "2031-04-14").containsEntry("projectedCompletionDate", "2031-04-28")
        .containsEntry("risks", List.of("START_DEADLINE", "OVERDUE_STEPS"));
    assertThat(rows.get("140929").get("stages")).isEqualTo(Map.of("REGISTERED", 1, "VERIFIED", 1,
        "METHOD_DECIDED", 0, "CONSTRUCTION_STARTED", 1, "ACCEPTED", 1, "CLOSED", 1));
    assertThat(rows.get("140926")).containsEntry("name", "静乐县").containsEntry("households", 2)
        .containsEntry("dynamicTarget", 1).containsEntry("dynamicCompleted", 1).containsEntry("openProblems", 1)
        .containsEntry("overdueSteps", 1).containsEntry("projectedCompletionDate", "2031-03-17")
        .containsEntry("risks", List.of("OVERDUE_STEPS"));
    // the hazard findings per category: found, still open, closed
    assertThat(rows.get("140929").get("hazards")).isEqualTo(Map.of("ROOF", Map.of("found", 2, "open", 1, "closed", 1)));
    assertThat(rows.get("140926").get("hazards")).isEqualTo(Map.of("FIRE", Map.of("found", 1, "open", 1, "closed", 0)));
  }

  @Test
  void townshipLevel() {
    Map<String, Map<String, Object>> rows = rows(PROVINCE, "level=township&code=140929");
    assertThat(rows).containsOnlyKeys("140929100", "140929102");
    assertThat(rows.get("140929102")).containsEntry("name", "宋家沟镇").containsEntry("households", 3)
        .containsEntry("dynamicTarget", 3).containsEntry("openProblems", 2).containsEntry("overdueSteps", 1);
    assertThat(rows.get("140929100")).containsEntry("name", "岚漪镇").containsEntry("households", 2)
        .containsEntry("dynamicTarget", 1).containsEntry("openProblems", 0).containsEntry("overdueSteps", 0);
  }

  @Test
  void aCountyClerkSeesOnlyTheirCountyAtEveryLevel() {
    Map<String, Map<String, Object>> province = rows(KELAN_CLERK, "level=province");
    assertThat(province).containsOnlyKeys("14");
    assertThat(province.get("14")).containsEntry("households", 5).containsEntry("openProblems", 2)
        .containsEntry("overdueSteps", 1).containsEntry("dynamicTarget", 4);
    assertThat(rows(KELAN_CLERK, "level=city")).containsOnlyKeys("1409");
    assertThat(rows(KELAN_CLERK, "level=city").get("1409")).containsEntry("households", 5);
    assertThat(rows(KELAN_CLERK, "level=county")).containsOnlyKeys("140929");
    assertThat(rows(KELAN_CLERK, "level=county&code=1401")).isEmpty();
    assertThat(rows(KELAN_CLERK, "level=township&code=140926")).isEmpty();
    assertThat(rows(KELAN_CLERK, "level=township&code=140929")).containsOnlyKeys("140929100", "140929102");
    // the province supervisor sees all three counties
    // other tests of the same context may have set up further (empty) counties: these three at least
    assertThat(rows(PROVINCE, "level=county")).containsKeys("140121", "140926", "140929");
    assertThat(rows("admin", "level=county")).containsKeys("140121", "140926", "140929");
  }

  @Test
  void stuckCasesAreTheVisibleOverdueOnesFirst() {
    List<Map<String, Object>> stuck = http.withBasicAuth(KELAN_CLERK, DemoUsers.PASSWORD).exchange("/api/progress/stuck?limit=50",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(stuck).isNotEmpty().allSatisfy(c -> assertThat(c).containsEntry("countyCode", "140929"));
    assertThat(stuck).extracting(c -> c.get("headName")).contains("甲一", "王秀英").doesNotContain("庚七");
    assertThat(stuck.get(0).get("overdueDays")).isNotEqualTo(0);
    // stuck means overdue or with an incident: a case registered a minute ago is not
    assertThat(stuck).allSatisfy(c -> assertThat(((Number) c.get("overdueDays")).intValue() > 0
        || !((List<?>) c.get("incidents")).isEmpty()).isTrue());
    String fresh = cases.register(new Registration("新登记", DemoSteps.residentId("140929", 1931, 903), KeyGroup.POOR,
        "1409", "140929", "140929102", "测试村", "测试村3号", 2, false)).getBusinessKey();
    jdbc.update("update household set campaign_year = 2030 where household_id = ?", fresh); // outside the fixture
    List<Map<String, Object>> again = http.withBasicAuth(KELAN_CLERK, DemoUsers.PASSWORD).exchange(
        "/api/progress/stuck?limit=200", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(again).extracting(c -> c.get("householdId")).doesNotContain(fresh);
  }

  @Test
  void withinNamesTheDivisionTheRowsLieInAndCodeReadsBothWays() {
    assertThat(rows(PROVINCE, "level=county&within=1409")).containsOnlyKeys("140926", "140929");
    // code of the level itself: that division's row alone (as a clerk first tried it)
    assertThat(rows(PROVINCE, "level=county&code=140929")).containsOnlyKeys("140929");
    assertThat(rows(PROVINCE, "level=county&code=1409")).containsOnlyKeys("140926", "140929");
    ResponseEntity<String> both = http.withBasicAuth(PROVINCE, DemoUsers.PASSWORD)
        .getForEntity("/api/progress?level=county&within=1409&code=140929", String.class);
    assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(both.getBody()).contains("within");
  }

  @Test
  void aCaseInAPublicNoticeIsOnTheBoardAndOnlyAnAdministratorEndsItEarly() {
    Task review = startedReview();
    var approved = DemoSteps.valuesFor(org.anju.household.HouseholdCaseProcess.Elements.TASK_VILLAGE_REVIEW,
        AnjuClock.today());
    demoDocuments.attachRequired(tasks, review, approved); // the review's record and notice photos
    tasks.complete(review.getId(), approved);
    Map<String, Object> board = http.withBasicAuth(KELAN_CLERK, DemoUsers.PASSWORD)
        .exchange("/api/progress/steps", HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {})
        .getBody();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notices = (List<Map<String, Object>>) board.get("notices");
    Map<String, Object> notice = notices.stream().filter(n -> review.getProcessInstanceId().equals(n.get("processInstanceId")))
        .findFirst().orElseThrow();
    assertThat(notice).containsEntry("noticeName", "村级公示 Village notice").containsEntry("headName", "公示户")
        .containsEntry("endsOn", AnjuClock.today().plusDays(7).toString());
    assertThat(board.get("mayEndNotices")).isEqualTo(false);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) board.get("steps");
    assertThat(steps).anySatisfy(step -> assertThat(step).containsEntry("step", "Timer_VillageNotice"));

    String end = "/api/progress/notices/" + notice.get("jobId") + "/end";
    assertThat(http.withBasicAuth(KELAN_CLERK, DemoUsers.PASSWORD).postForEntity(end, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().processInstanceId(review.getProcessInstanceId()).count()).isZero();
    assertThat(http.withBasicAuth("admin", DemoUsers.PASSWORD).postForEntity(end, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks.createTaskQuery().processInstanceId(review.getProcessInstanceId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("UserTask_TownshipReview");
    assertThat(tasks.getProcessInstanceComments(review.getProcessInstanceId())).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).contains("公示提前结束").contains("admin"));

    // and the case is found by its head's name, with the step it is at
    List<Map<String, Object>> found = http.withBasicAuth(KELAN_CLERK, DemoUsers.PASSWORD).exchange(
        "/api/progress/find?q=公示", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody();
    assertThat(found).singleElement().satisfies(c -> assertThat(c.get("steps").toString()).contains("乡镇审核"));
    assertThat(http.withBasicAuth(KELAN_CLERK, DemoUsers.PASSWORD).getForEntity("/api/progress/find?q={q}",
        String.class, "<b>").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private Task startedReview() {
    org.camunda.bpm.engine.runtime.ProcessInstance started = cases.register(new Registration("公示户",
        DemoSteps.residentId("140929", 1931, 904), KeyGroup.POOR, "1409", "140929", "140929102", "测试村", "测试村4号", 2,
        false));
    jdbc.update("update household set campaign_year = 2030 where household_id = ?", started.getBusinessKey());
    String id = started.getId();
    return new org.anju.demo.CaseWalker(engine, demoDocuments).walkTo(id,
        org.anju.household.HouseholdCaseProcess.Elements.TASK_VILLAGE_REVIEW);
  }

  @Test
  void refusesWithoutLoginAndBadParameters() {
    assertThat(http.getForEntity("/api/progress", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(PROVINCE, DemoUsers.PASSWORD).getForEntity("/api/progress?level=village",
        String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth(PROVINCE, DemoUsers.PASSWORD).getForEntity("/api/progress?level=city&code=140929",
        String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth(PROVINCE, DemoUsers.PASSWORD).getForEntity("/api/progress?campaign=1999",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  static final String KELAN_LINE = "140929,岢岚县,5,1,1,0,1,1,1,1,0,0,0,0,2,1,1,1,1,4,2,1,1,1,2,1,14,75,2031-04-14,2031-04-28,"
      + "START_DEADLINE OVERDUE_STEPS";

  @Test
  void csvExport() {
    ResponseEntity<byte[]> csv = http.withBasicAuth(PROVINCE, DemoUsers.PASSWORD)
        .getForEntity("/api/progress/export.csv?level=county&code=1409", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("progress-2031-county-1409.csv");
    List<String> lines = new String(csv.getBody(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("code,name,households,stage REGISTERED");
    assertThat(lines.get(2)).isEqualTo(KELAN_LINE);
  }

  @Test
  void xlsxExport() throws Exception {
    ResponseEntity<byte[]> xlsx = http.withBasicAuth(KELAN_CLERK, DemoUsers.PASSWORD)
        .getForEntity("/api/progress/export.xlsx?level=county&campaign=2031", byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(1); // header and 岢岚县 only
      Row row = sheet.getRow(1);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.getLastCellNum(); c++) {
        var cell = row.getCell(c);
        String text = switch (cell.getCellType()) {
          case NUMERIC -> String.valueOf((long) cell.getNumericCellValue());
          default -> cell.getStringCellValue();
        };
        line.append(c == 0 ? "" : ",").append(text);
      }
      assertThat(line.toString()).isEqualTo(KELAN_LINE);
    }
  }

  private Map<String, Object> report(String user, String query) {
    ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, DemoUsers.PASSWORD).exchange(
        "/api/progress?campaign=" + CAMPAIGN + "&" + query, HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(response.getStatusCode()).as(user + " " + query).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private Map<String, Map<String, Object>> rows(String user, String query) {
    return byCode(report(user, query));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> byCode(Map<String, Object> report) {
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) report.get("rows")) {
      rows.put((String) row.get("code"), row);
    }
    return rows;
  }

  private int sequence = 0;

  private String insert(String township, String head, String group, boolean dynamic, String outcome, LocalDate verified,
      String method, LocalDate started, LocalDate accepted) {
    String id = "P" + CAMPAIGN + "-" + (++sequence);
    jdbc.update("insert into household (household_id, campaign_year, resident_id, head_name, key_group, city_code,"
        + " county_code, township_code, village, house_address, household_size, dynamic_guarantee, outcome,"
        + " registered_at, closed_at, verified_on, renovation_method, construction_started_on, accepted_on)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, '某村', '某村1号', 3, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, CAMPAIGN, "FIXTURE" + CAMPAIGN + sequence, head, group, township.substring(0, 4), township.substring(0, 6),
        township, dynamic, outcome, Timestamp.valueOf(LocalDateTime.of(2031, 1, 5, 9, 0)),
        outcome == null ? null : Timestamp.valueOf(LocalDateTime.of(2031, 3, 14, 9, 0)), date(verified), method,
        date(started), date(accepted));
    return id;
  }

  private String register(DemoUsers.DemoCounty county, String head, KeyGroup group, boolean dynamic, int sequence) {
    Registration registration = new Registration(head, DemoSteps.residentId(county.countyCode(), 1931, sequence),
        group, county.cityCode(), county.countyCode(), county.townshipCode(), "测试村", "测试村1号", 2, dynamic);
    String householdId = cases.register(registration).getBusinessKey();
    jdbc.update("update household set campaign_year = ? where household_id = ?", CAMPAIGN, householdId);
    return householdId;
  }

  private void problem(String county, String township, String status, String category) {
    int n = ++sequence;
    jdbc.update("insert into problem (problem_id, process_instance_id, batch, check_level, county_code, township_code,"
        + " description, deadline, status, opened_at, category) values (?, 'fixture', 1, 'COUNTY', ?, ?, '问题', ?, ?, ?, ?)",
        "PF" + n, county, township, Date.valueOf("2031-04-01"), status, Timestamp.valueOf(LocalDateTime.of(2031, 3, 1, 0, 0)),
        category);
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
