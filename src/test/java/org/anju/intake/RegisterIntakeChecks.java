package org.anju.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anju.campaign.CampaignCalendar;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.anju.region.ResidentIdNumber;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Bulk intake of household registers through the REST API, as county clerks and the administrator:
 * fixtures with good and bad rows in CSV and XLSX, exact per-row errors and counts, idempotent
 * re-import, overlapping files, county isolation. Run on H2 and on PostgreSQL.
 */
abstract class RegisterIntakeChecks {

  static final String CLERK = "klpoverty";
  static final String OTHER_CLERK = "jlpoverty";
  static final String ADMIN = "admin";
  static final String HEADER = "headName,residentId,keyGroup,cityCode,countyCode,townshipCode,village,houseAddress,householdSize,dynamicGuarantee";

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  /** Resident IDs unique per run, also on a PostgreSQL database kept between runs. */
  private static final AtomicLong NEXT_ID = new AtomicLong(ThreadLocalRandom.current().nextLong(20_000_000));

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired HouseholdCases cases;
  @Autowired CampaignCalendar calendar;
  @Autowired TransactionTemplate transactions;

  // ---------------------------------------------------------------- fixtures

  static String residentId() {
    long n = NEXT_ID.getAndIncrement();
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays((n / 1000) % 23_000);
    String first17 = "140929%s%03d".formatted(birth.toString().replace("-", ""), n % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  static List<String> kelan(String name, String residentId, String group, String size, String dynamic) {
    return new ArrayList<>(List.of(name, residentId, group, "1409", "140929", "140929102", "宋家沟村",
        "宋家沟村" + residentId.substring(14, 17) + "号", size, dynamic));
  }

  static List<String> jingle(String name, String residentId) {
    return new ArrayList<>(List.of(name, residentId, "DIBAO", "1409", "140926", "140926100", "城北村", "城北村8号", "3", "false"));
  }

  /** The fixture: 4 good rows, 5 bad ones, a comment and a blank line; see {@link #expectedErrors}. */
  record Fixture(List<List<String>> rows, List<String> good, String badResidentId, char badCheck, char expectedCheck) {}

  static Fixture fixture() {
    String[] ids = {residentId(), residentId(), residentId(), residentId()};
    String wrong = residentId();
    char expected = wrong.charAt(17);
    char bad = expected == '0' ? '1' : '0';
    String badId = wrong.substring(0, 17) + bad;
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(HEADER.split(",")));                                  // line 1
    rows.add(kelan("王秀英", ids[0], "POOR", "3", "false"));                // line 2
    rows.add(kelan("张建国", ids[1], "DISABLED", "1", "是"));               // line 3
    rows.add(kelan("李四", badId, "POOR", "2", "否"));                      // line 4 bad check character
    rows.add(kelan("赵六", residentId(), "RICH", "abc", "false"));         // line 5 two errors
    List<String> wrongTownship = kelan("钱七", residentId(), "TEKUN", "2", "false");
    wrongTownship.set(5, "140926100");
    rows.add(wrongTownship);                                                // line 6 township of another county
    rows.add(kelan("", residentId(), "DIBAO", "4", "true"));               // line 7 no name
    List<String> quoted = kelan("刘桂芳", ids[2], "DIBAO", "4", "TRUE");
    quoted.set(7, "宋家沟村, \"东头\" 3号");
    rows.add(quoted);                                                       // line 8 comma and quotes
    rows.add(kelan("孙八", residentId(), "POOR", "2", "maybe"));           // line 9 bad flag
    rows.add(List.of("# 备注 note: 以下为补录 late additions"));            // line 10 comment
    rows.add(List.of());                                                    // line 11 blank
    rows.add(kelan("周九", ids[3], "TEKUN", "1", "否"));                    // line 12
    return new Fixture(rows, List.of(ids), badId, bad, expected);
  }

  static List<org.assertj.core.groups.Tuple> expectedErrors(Fixture f) {
    return List.of(
        tuple(4, "residentId", "身份证号：校验位错误，应为 " + f.expectedCheck() + " / Resident ID number: has a wrong check character '"
            + f.badCheck() + "' (expected '" + f.expectedCheck() + "')"),
        tuple(5, "keyGroup", "对象类别：只能从选项中选择，“RICH”不是选项 / Key group: must be one of [DIBAO, DISABLED, POOR, TEKUN], not 'RICH'"),
        tuple(5, "householdSize", "家庭人口：必须是整数 / Household size: must be a whole number"),
        tuple(6, "townshipCode", "乡镇：“140926100”不是岢岚县的乡镇 / Township: '140926100' is not a township of county 140929 (岢岚县)"),
        tuple(7, "headName", "户主姓名：必填 / Head of household: is required"),
        tuple(9, "dynamicGuarantee", "动态保障对象：只能是“是”或“否” / Dynamic-guarantee case: must be true or false"));
  }

  static byte[] csv(List<List<String>> rows) {
    StringBuilder out = new StringBuilder("\uFEFF");
    for (List<String> row : rows) {
      out.append(String.join(",", row.stream().map(RegisterIntakeChecks::quote).toList())).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String cell) {
    return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  /** The rows as an .xlsx first sheet; blank rows are left out, household sizes are numbers. */
  static byte[] xlsx(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("花名册");
      workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("not read");
      for (int r = 0; r < rows.size(); r++) {
        XSSFRow row = sheet.createRow(r);
        List<String> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          String value = cells.get(c);
          if (c == 8 && value.matches("\\d+")) {
            row.createCell(c).setCellValue(Long.parseLong(value));
          } else if (c == 9 && value.matches("true|false")) {
            row.createCell(c).setCellValue(Boolean.parseBoolean(value));
          } else {
            row.createCell(c).setCellValue(value);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  // ---------------------------------------------------------------- API

  ResponseEntity<Map<String, Object>> upload(String user, String fileName, byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return anonymous.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange("/api/intake/registers", HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
  }

  Map<String, Object> importAndWait(String user, String fileName, byte[] content) {
    return importAndWait(user, fileName, content, 120);
  }

  Map<String, Object> importAndWait(String user, String fileName, byte[] content, int timeoutSeconds) {
    ResponseEntity<Map<String, Object>> started = upload(user, fileName, content);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    return await(user, ((Number) started.getBody().get("id")).longValue(), timeoutSeconds);
  }

  Map<String, Object> await(String user, long id, int seconds) {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (true) {
      ResponseEntity<Map<String, Object>> got = get(user, "/api/intake/registers/" + id);
      assertThat(got.getStatusCode()).isEqualTo(HttpStatus.OK);
      if (!"RUNNING".equals(got.getBody().get("status"))) {
        return got.getBody();
      }
      assertThat(System.currentTimeMillis()).as("import %s still running", id).isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  ResponseEntity<Map<String, Object>> get(String user, String path) {
    return anonymous.withBasicAuth(user, DemoUsers.PASSWORD).exchange(path, HttpMethod.GET, null, MAP);
  }

  List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response =
        anonymous.withBasicAuth(user, DemoUsers.PASSWORD).exchange(path, HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  static long id(Map<String, Object> i) {
    return ((Number) i.get("id")).longValue();
  }

  /**
   * The counts, and the status they earn: a run with failed rows is no plain success, and one where
   * every row failed is a failure.
   */
  static void assertCounts(Map<String, Object> i, int done, int imported, int skipped, int failed) {
    String status = failed == 0 ? "DONE" : imported + skipped == 0 ? "FAILED" : "DONE_WITH_ERRORS";
    assertThat(i).as("%s", i).containsEntry("status", status);
    assertThat(List.of(i.get("rowsDone"), i.get("rowsImported"), i.get("rowsSkipped"), i.get("rowsFailed")))
        .as("done, imported, skipped, failed of %s", i).containsExactly(done, imported, skipped, failed);
  }

  String householdOf(String residentId) {
    return jdbc.queryForObject("select household_id from household where resident_id = ?", String.class, residentId);
  }

  /**
   * Each resident has one household row and one case, whose business key is its household id (counted
   * per resident: a PostgreSQL database may be shared with other test runs), and whose first task is
   * named after the household and open to its candidate group.
   */
  void assertCases(List<String> residentIds, String county) {
    for (String residentId : residentIds) {
      assertThat(jdbc.queryForObject("select count(*) from household where resident_id = ?", Long.class, residentId))
          .isEqualTo(1);
      assertThat(runtime.createProcessInstanceQuery().variableValueEquals("residentId", residentId).count())
          .as("cases of resident %s", residentId).isEqualTo(1);
      String householdId = householdOf(residentId);
      assertThat(householdId).startsWith(county + "-");
      List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(householdId).list();
      assertThat(instances).hasSize(1);
      assertThat(runtime.getVariable(instances.get(0).getId(), "residentId")).isEqualTo(residentId);
      assertThat(instances.get(0).getTenantId()).isEqualTo("county" + county);
      // its first task, with its candidate group allowed to work on it
      Task task = tasks.createTaskQuery().processInstanceId(instances.get(0).getId()).singleResult();
      assertThat(task.getName()).contains(runtime.getVariable(instances.get(0).getId(), "headName").toString());
      List<String> candidates = tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
      assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list())
          .extracting(Authorization::getGroupId).isNotEmpty().containsExactlyInAnyOrderElementsOf(candidates);
    }
  }

  // ---------------------------------------------------------------- the checks

  @Test
  void csvImportsTheGoodRowsListsEveryBadRowAndReimportsIdempotently() {
    Fixture f = fixture();
    byte[] file = csv(f.rows());

    Map<String, Object> first = importAndWait(CLERK, "岢岚县花名册.csv", file);
    assertCounts(first, 9, 4, 0, 5);
    assertThat(first).containsEntry("importedBy", CLERK).containsEntry("countyScope", "140929")
        .containsEntry("format", "CSV").containsEntry("fileName", "岢岚县花名册.csv").containsEntry("rowsTotal", 9);
    assertThat(first.get("finishedAt")).isNotNull();
    assertThat(list(CLERK, "/api/intake/registers/" + id(first) + "/errors"))
        .extracting(e -> ((Number) e.get("line")).intValue(), e -> e.get("field"), e -> e.get("reason"))
        .containsExactlyElementsOf(expectedErrors(f));
    assertCases(f.good(), "140929");

    Map<String, Object> again = importAndWait(CLERK, "岢岚县花名册.csv", file);
    assertCounts(again, 9, 0, 4, 5);
    assertThat(again.get("sha256")).isEqualTo(first.get("sha256"));
    assertThat(list(CLERK, "/api/intake/registers/" + id(again) + "/skipped"))
        .extracting(e -> ((Number) e.get("line")).intValue(), e -> e.get("field"), e -> e.get("reason"))
        .containsExactly(tuple(2, "residentId", "already there: " + householdOf(f.good().get(0))),
            tuple(3, "residentId", "already there: " + householdOf(f.good().get(1))),
            tuple(8, "residentId", "already there: " + householdOf(f.good().get(2))),
            tuple(12, "residentId", "already there: " + householdOf(f.good().get(3))));
    assertThat(list(CLERK, "/api/intake/registers/" + id(again) + "/errors")).hasSize(6);
    assertCases(f.good(), "140929"); // still one case each

    // a file that overlaps: two rows already there, two new ones
    String new1 = residentId();
    String new2 = residentId();
    List<List<String>> overlap = List.of(List.of(HEADER.split(",")), f.rows().get(1), kelan("吴十", new1, "POOR", "5", "false"),
        f.rows().get(2), kelan("郑十一", new2, "DIBAO", "2", "true"));
    Map<String, Object> third = importAndWait(CLERK, "补充.csv", csv(overlap));
    assertCounts(third, 4, 2, 2, 0);
    assertThat(list(CLERK, "/api/intake/registers/" + id(third) + "/skipped"))
        .extracting(e -> ((Number) e.get("line")).intValue()).containsExactly(2, 4);
    assertCases(List.of(new1, new2), "140929");
    assertCases(f.good(), "140929");
  }

  @Test
  void xlsxImportsTheSameWayFromTheFirstSheet() throws IOException {
    Fixture f = fixture();
    List<List<String>> rows = new ArrayList<>(f.rows());
    rows.set(10, List.of("# 空行 blank row")); // an .xlsx has no blank line to keep: a comment in its place
    byte[] file = xlsx(rows);

    Map<String, Object> first = importAndWait(CLERK, "register.xlsx", file);
    assertCounts(first, 9, 4, 0, 5);
    assertThat(first).containsEntry("format", "XLSX");
    assertThat(list(CLERK, "/api/intake/registers/" + id(first) + "/errors"))
        .extracting(e -> ((Number) e.get("line")).intValue(), e -> e.get("field"), e -> e.get("reason"))
        .containsExactlyElementsOf(expectedErrors(f));
    assertCases(f.good(), "140929");

    Map<String, Object> again = importAndWait(CLERK, "register.xlsx", file);
    assertCounts(again, 9, 0, 4, 5);
    assertThat(list(CLERK, "/api/intake/registers/" + id(again) + "/skipped"))
        .extracting(e -> ((Number) e.get("line")).intValue()).containsExactly(2, 3, 8, 12);
  }

  @Test
  void aClerkImportsOnlyIntoTheirOwnCountyAndSeesOnlyTheirCountysImports() {
    String kelanId = residentId();
    String jingle1 = residentId();
    String jingle2 = residentId();
    byte[] file = csv(List.of(List.of(HEADER.split(",")), kelan("冯一", kelanId, "POOR", "2", "false"),
        jingle("陈二", jingle1), jingle("褚三", jingle2)));

    Map<String, Object> byClerk = importAndWait(CLERK, "mixed.csv", file);
    assertCounts(byClerk, 3, 1, 0, 2);
    assertThat(list(CLERK, "/api/intake/registers/" + id(byClerk) + "/errors"))
        .extracting(e -> ((Number) e.get("line")).intValue(), e -> e.get("field"), e -> e.get("reason"))
        .containsExactly(tuple(3, "countyCode", "县(市、区)：用户 klpoverty 无权办理该县（140926）的事务 / County: user klpoverty may not act for county 140926"),
            tuple(4, "countyCode", "县(市、区)：用户 klpoverty 无权办理该县（140926）的事务 / County: user klpoverty may not act for county 140926"));
    assertThat(jdbc.queryForObject("select count(*) from household where resident_id in (?, ?)", Long.class,
        jingle1, jingle2)).isZero();

    // another county's clerk neither sees it nor its errors; the administrator does
    assertThat(get(OTHER_CLERK, "/api/intake/registers/" + id(byClerk)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(OTHER_CLERK, "/api/intake/registers/" + id(byClerk) + "/errors").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(list(OTHER_CLERK, "/api/intake/registers")).extracting(i -> id(i)).doesNotContain(id(byClerk));
    assertThat(list(CLERK, "/api/intake/registers")).extracting(i -> id(i)).contains(id(byClerk));
    assertThat(get(ADMIN, "/api/intake/registers/" + id(byClerk)).getStatusCode()).isEqualTo(HttpStatus.OK);

    // the administrator imports into any county: the Kelan row is already there
    Map<String, Object> byAdmin = importAndWait(ADMIN, "mixed.csv", file);
    assertCounts(byAdmin, 3, 2, 1, 0);
    assertThat(byAdmin).containsEntry("countyScope", "*");
    assertCases(List.of(jingle1, jingle2), "140926");
    // the clerks see their own county's part of it: 岢岚县 the row already there, 静乐县 the two imported
    Map<String, Object> kelanPart = get(CLERK, "/api/intake/registers/" + id(byAdmin)).getBody();
    assertCounts(kelanPart, 1, 0, 1, 0);
    assertThat(kelanPart).containsEntry("countyScope", "140929");
    assertThat(list(CLERK, "/api/intake/registers/" + id(byAdmin) + "/skipped")).extracting(e -> e.get("reason"))
        .containsExactly("already there: " + householdOf(kelanId));
    assertCounts(get(OTHER_CLERK, "/api/intake/registers/" + id(byAdmin)).getBody(), 2, 2, 0, 0);
    assertThat(list(OTHER_CLERK, "/api/intake/registers/" + id(byAdmin) + "/skipped")).isEmpty();
  }

  @Test
  void aFileThatIsNoRegisterIsRefused() throws IOException {
    byte[] good = csv(List.of(List.of(HEADER.split(","))));
    assertThat(upload(CLERK, "register.pdf", good).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(upload(CLERK, "register.xls", good).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(upload(CLERK, "register.xlsx", good).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(upload(CLERK, "register.csv", xlsx(List.of(List.of(HEADER.split(","))))).getStatusCode())
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(upload(CLERK, "register.csv", new byte[0]).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(anonymous.withBasicAuth(CLERK, DemoUsers.PASSWORD).exchange("/api/intake/registers", HttpMethod.POST,
        new HttpEntity<>("{}", json), MAP).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(anonymous.exchange("/api/intake/registers", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // a header without the resident ID column imports nothing and says which column is missing
    String id = residentId();
    List<String> header = new ArrayList<>(Arrays.asList(HEADER.split(",")));
    header.set(1, "身份证号");
    Map<String, Object> failed = importAndWait(CLERK, "old.csv", csv(List.of(header, kelan("蒋四", id, "POOR", "2", "false"))));
    assertThat(failed).containsEntry("status", "FAILED").containsEntry("rowsImported", 0);
    assertThat((String) failed.get("message")).contains("residentId");
    assertThat(list(CLERK, "/api/intake/registers/" + id(failed) + "/errors"))
        .extracting(e -> ((Number) e.get("line")).intValue(), e -> e.get("field"), e -> e.get("reason"))
        .containsExactly(tuple(1, "residentId", "column is missing from the header row"));
  }

  @Test
  void aResidentListedTwiceInOneFileIsRegisteredOnce() {
    String twice = residentId();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(HEADER.split(",")));
    for (int i = 0; i < 6; i++) {
      rows.add(kelan("韩" + i, i % 2 == 0 ? twice : residentId(), "POOR", "2", "false"));
    }
    Map<String, Object> i = importAndWait(CLERK, "twice.csv", csv(rows));
    assertCounts(i, 6, 4, 2, 0);
    assertThat(list(CLERK, "/api/intake/registers/" + id(i) + "/skipped")).extracting(e -> e.get("reason"))
        .containsOnly("already there: " + householdOf(twice));
    assertCases(List.of(twice), "140929");
  }

  @Test
  void aRowTheCaseStartRefusesFailsAloneAndLeavesNothingBehind() {
    // the rows are registered together; the database refuses one of them half-way through the batch
    String refused = residentId();
    List<String> good = List.of(residentId(), residentId(), residentId(), residentId(), residentId());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(HEADER.split(",")));
    for (int i = 0; i < good.size(); i++) {
      rows.add(kelan("卫" + i, good.get(i), "POOR", "2", "false"));
      if (i == 2) {
        rows.add(kelan("蒋拒", refused, "DIBAO", "3", "true")); // line 5
      }
    }
    jdbc.execute("alter table household add constraint ck_intake_test_refused check (resident_id <> '" + refused + "')");
    try {
      Map<String, Object> i = importAndWait(CLERK, "refused.csv", csv(rows));
      assertCounts(i, 6, 5, 0, 1);
      assertThat(list(CLERK, "/api/intake/registers/" + id(i) + "/errors"))
          .singleElement().satisfies(e -> {
            assertThat(e).containsEntry("line", 5).containsEntry("field", "row");
            // a reason, not the database's error with its table, constraint and statement
            assertThat((String) e.get("reason")).startsWith("could not be registered").contains("refused the row")
                .doesNotContainIgnoringCase("ck_intake_test_refused").doesNotContainIgnoringCase("insert into")
                .doesNotContain("Exception");
          });
    } finally {
      jdbc.execute("alter table household drop constraint ck_intake_test_refused");
    }
    assertCases(good, "140929");
    assertThat(jdbc.queryForObject("select count(*) from household where resident_id = ?", Long.class, refused)).isZero();
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("residentId", refused).count()).isZero();
  }

  @Test
  void countyStaffWhoMayNotRegisterHouseholdsAreRefusedBeforeTheFileIsRead() {
    List<String> ids = List.of(residentId(), residentId(), residentId());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(HEADER.split(",")));
    ids.forEach(id -> rows.add(kelan("沈" + id.substring(15), id, "POOR", "2", "false")));
    long importsBefore = jdbc.queryForObject("select count(*) from register_import", Long.class);
    for (String user : List.of("klhousing", "klappraiser", "klfinance")) {
      ResponseEntity<Map<String, Object>> refused = upload(user, "花名册.csv", csv(rows));
      assertThat(refused.getStatusCode()).as("%s: %s", user, refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat((String) refused.getBody().get("message")).contains("用户 " + user + " 没有登记农户的权限")
          .contains("User " + user + " may not register households").contains("household-case")
          .contains("扶贫办").doesNotContain("住建局");
      // before the file is looked at: a file of the wrong type or none at all gets the same answer
      assertThat(upload(user, "register.pdf", csv(rows)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(upload(user, "register.csv", new byte[0]).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      // the page asks first, and tells them so
      assertThat(get(user, "/api/intake/permission").getBody()).containsEntry("mayImport", false)
          .hasEntrySatisfying("message", m -> assertThat((String) m).contains("may not register households"));
    }
    assertThat(jdbc.queryForObject("select count(*) from register_import", Long.class)).isEqualTo(importsBefore);
    assertThat(jdbc.queryForObject("select count(*) from household where resident_id in (?, ?, ?)", Long.class,
        ids.toArray())).isZero();
    // who registers households may import; the housing bureau still sees its county's imports
    assertThat(get(CLERK, "/api/intake/permission").getBody()).containsEntry("mayImport", true);
    assertThat(get("kltownship", "/api/intake/permission").getBody()).containsEntry("mayImport", true);
    assertThat(list("klhousing", "/api/intake/registers")).isNotNull();
  }

  @Test
  void anImportInWhichEveryRowFailedIsAFailure() {
    byte[] file = csv(List.of(List.of(HEADER.split(",")), jingle("杨一", residentId()), jingle("杨二", residentId())));
    Map<String, Object> i = importAndWait(CLERK, "静乐.csv", file);
    assertCounts(i, 2, 0, 0, 2);
    assertThat(i).containsEntry("status", "FAILED");
    assertThat((String) i.get("message")).contains("nothing was imported").contains("未导入任何农户");
    assertThat(list(CLERK, "/api/intake/registers")).filteredOn(l -> id(l) == id(i)).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("status", "FAILED"));
  }

  @Test
  void casesRegisteredTogetherShareTheCampaignYearAndLeaveNothingOnTheThread() {
    String first = residentId();
    String second = residentId();
    transactions.executeWithoutResult(status -> cases.registerAll(List.of(
        new Registration("褚一", first, KeyGroup.POOR, "1409", "140929", "140929102", "宋家沟村", "宋家沟村1号", 2, false),
        new Registration("褚二", second, KeyGroup.TEKUN, "1409", "140929", "140929102", "宋家沟村", "宋家沟村2号", 1, true))));
    assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    assertThat(jdbc.queryForList("select campaign_year from household where resident_id in (?, ?)", Integer.class,
        first, second)).containsExactly(calendar.currentYear(), calendar.currentYear());
    assertCases(List.of(first, second), "140929");
  }

  @Test
  void anImportLeftRunningByAStoppedServerIsReportedInterrupted() {
    Timestamp longAgo = Timestamp.from(Instant.now().minusSeconds(3600));
    jdbc.update("""
        insert into register_import (file_name, file_sha256, file_format, file_size, imported_by, county_scope, status,
          started_at, heartbeat_at, rows_done, rows_imported) values ('crashed.csv', 'abc', 'CSV', 10, 'klpoverty',
          '140929', 'RUNNING', ?, ?, 5, 5)""", longAgo, longAgo);
    long id = jdbc.queryForObject("select max(id) from register_import where file_name = 'crashed.csv'", Long.class);
    Map<String, Object> i = get(CLERK, "/api/intake/registers/" + id).getBody();
    assertThat(i).containsEntry("status", "INTERRUPTED").containsEntry("rowsDone", 5);
    assertThat((String) i.get("message")).contains("import the same file again");
  }

  @Test
  void anInterruptedImportShowsTheRowsItRegisteredAndARerunCompletesIt() {
    List<String> good = List.of(residentId(), residentId(), residentId());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(HEADER.split(",")));
    good.forEach(id -> rows.add(kelan("秦" + id.substring(15), id, "POOR", "2", "false")));
    rows.add(kelan("秦坏", residentId(), "POOR", "abc", "false"));
    byte[] file = csv(rows);
    long id = id(importAndWait(CLERK, "crash.csv", file));
    // what a crash leaves: the batches registered after the last heartbeat are not in its counts
    jdbc.update("""
        update register_import set status = 'RUNNING', finished_at = null, message = null, heartbeat_at = ?,
          rows_done = 1, rows_total = 0, rows_imported = 1, rows_skipped = 0, rows_failed = 0 where id = ?""",
        Timestamp.from(Instant.now().minusSeconds(3600)), id);

    Map<String, Object> interrupted = get(CLERK, "/api/intake/registers/" + id).getBody();
    assertThat(interrupted).containsEntry("status", "INTERRUPTED");
    assertThat(List.of(interrupted.get("rowsDone"), interrupted.get("rowsImported"), interrupted.get("rowsSkipped"),
        interrupted.get("rowsFailed"))).as("%s", interrupted).containsExactly(4, 3, 0, 1);
    assertThat(jdbc.queryForObject("select count(*) from household where resident_id in (?, ?, ?)", Long.class,
        good.toArray())).isEqualTo(3);
    assertThat(list(CLERK, "/api/intake/registers")).filteredOn(l -> id(l) == id).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("rowsImported", 3).containsEntry("rowsDone", 4));

    Map<String, Object> rerun = importAndWait(CLERK, "crash.csv", file);
    assertCounts(rerun, 4, 0, 3, 1);
    assertCases(good, "140929");
  }

  @Test
  void aCitySupervisorsImportAcrossCountiesShowsEachCountyOnlyItsPart() {
    String[] kelan = {residentId(), residentId(), residentId()};
    String[] jingle = {residentId(), residentId(), residentId()};
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(HEADER.split(",")));
    rows.add(kelan("岢一", kelan[0], "POOR", "2", "false"));                 // line 2
    rows.add(kelan("岢二", kelan[1], "DIBAO", "3", "false"));                // line 3
    rows.add(kelan("岢坏", kelan[2], "POOR", "abc", "false"));               // line 4
    rows.add(jingle("静一", jingle[0]));                                    // line 5
    rows.add(jingle("静二", jingle[1]));                                    // line 6
    List<String> badJingle = jingle("静坏", jingle[2]);
    badJingle.set(2, "RICH");
    rows.add(badJingle);                                                    // line 7
    rows.add(jingle("静一", jingle[0]));                                    // line 8: already there
    // city supervisors do not register households; a city that lets its supervisor do so grants it
    List<Authorization> granted = grantStart("xzsupervisor");
    Map<String, Object> whole;
    try {
      whole = importAndWait("xzsupervisor", "忻州市花名册.csv", csv(rows));
    } finally {
      granted.forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
    assertCounts(whole, 7, 4, 1, 2);
    String jingleHousehold = householdOf(jingle[0]);
    assertThat(list("xzsupervisor", "/api/intake/registers/" + id(whole) + "/skipped"))
        .extracting(e -> e.get("reason")).containsExactly("already there: " + jingleHousehold);

    // 岢岚县: its two imported rows and its bad row; nothing of 静乐县, not even in the counts
    for (String clerk : List.of("klhousing", CLERK)) {
      String path = "/api/intake/registers/" + id(whole);
      Map<String, Object> part = get(clerk, path).getBody();
      assertCounts(part, 3, 2, 0, 1);
      assertThat(part).containsEntry("countyScope", "140929").containsEntry("errorsStored", 1)
          .containsEntry("skippedStored", 0).containsEntry("rowsTotal", 3);
      List<Map<String, Object>> errors = list(clerk, path + "/errors");
      assertThat(errors).extracting(e -> ((Number) e.get("line")).intValue(), e -> e.get("field"))
          .containsExactly(tuple(4, "householdSize"));
      assertThat(list(clerk, path + "/skipped")).isEmpty();
      Map<String, Object> listed = list(clerk, "/api/intake/registers").stream().filter(l -> id(l) == id(whole))
          .findFirst().orElseThrow();
      assertThat(listed).isEqualTo(part);
      String seen = part + " " + errors + " " + listed;
      assertThat(seen).doesNotContain("140926").doesNotContain(jingleHousehold);
      for (String residentId : jingle) {
        assertThat(seen).doesNotContain(residentId);
      }
    }
    // 静乐县: its part, with its own household id
    Map<String, Object> jinglePart = get(OTHER_CLERK, "/api/intake/registers/" + id(whole)).getBody();
    assertCounts(jinglePart, 4, 2, 1, 1);
    assertThat(list(OTHER_CLERK, "/api/intake/registers/" + id(whole) + "/errors"))
        .extracting(e -> ((Number) e.get("line")).intValue()).containsExactly(7);
    assertThat(list(OTHER_CLERK, "/api/intake/registers/" + id(whole) + "/skipped"))
        .extracting(e -> e.get("reason")).containsExactly("already there: " + jingleHousehold);
    assertThat(String.valueOf(jinglePart)).doesNotContain("140929");
    assertCases(List.of(kelan[0], kelan[1]), "140929");
    assertCases(List.of(jingle[0], jingle[1]), "140926");
  }

  /** Lets a user start household cases, as a role that registers households may. */
  List<Authorization> grantStart(String userId) {
    Authorization definition = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    definition.setUserId(userId);
    definition.setResource(Resources.PROCESS_DEFINITION);
    definition.setResourceId("household-case");
    definition.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    Authorization instance = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    instance.setUserId(userId);
    instance.setResource(Resources.PROCESS_INSTANCE);
    instance.setResourceId(Authorization.ANY);
    instance.addPermission(Permissions.CREATE);
    return List.of(authorizations.saveAuthorization(definition), authorizations.saveAuthorization(instance));
  }

  @Test
  void aRegisterLargerThanTheLimitIsRefusedNamingTheLimit() throws Exception {
    long importsBefore = jdbc.queryForObject("select count(*) from register_import", Long.class);
    byte[] file = new byte[50 * 1024 * 1024 + 1];
    Arrays.fill(file, (byte) 'x');
    // as a browser sends it: no length on the part, so the server reads up to the limit and answers
    String boundary = "anjuTestBoundary" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(anonymous.getRootUri() + "/api/intake/registers"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((CLERK + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value());
    Map<String, Object> answer = new ObjectMapper().readValue(refused.body(), MAP_TYPE);
    assertThat(answer).as(refused.body()).containsKey("errors");
    assertThat((String) answer.get("message")).startsWith("file: ").contains("at most 50 MB").contains("最多 50 MB");
    assertThat(answer.get("errors")).asList().singleElement()
        .satisfies(e -> assertThat(((Map<?, ?>) e).get("field")).isEqualTo("file"));
    assertThat(jdbc.queryForObject("select count(*) from register_import", Long.class)).isEqualTo(importsBefore);
    // the page checks the size before uploading, with the same words
    assertThat(get(CLERK, "/api/intake/permission").getBody()).containsEntry("maxFileSize", 50 * 1024 * 1024)
        .containsEntry("tooLarge", answer.get("message"));
  }

  @Test
  void aWorkbookThatCannotBeReadFailsWithAReasonAndNoServerDetails() {
    byte[] broken = new byte[4096];
    broken[0] = 'P';
    broken[1] = 'K';
    broken[2] = 3;
    broken[3] = 4;
    Map<String, Object> failed = importAndWait(CLERK, "broken.xlsx", broken);
    assertThat(failed).containsEntry("status", "FAILED").containsEntry("rowsImported", 0);
    String shown = failed + " " + list(CLERK, "/api/intake/registers/" + id(failed) + "/errors")
        + list(CLERK, "/api/intake/registers").stream().filter(l -> id(l) == id(failed)).toList();
    assertThat((String) failed.get("message")).contains("is not a readable .xlsx workbook");
    assertThat(shown).doesNotContain("/tmp").doesNotContain("anju-register").doesNotContain(System.getProperty("java.io.tmpdir"))
        .doesNotContain("Exception").doesNotContain("org.apache");
  }

  @Test
  void theTemplateHasTheDocumentedHeader() {
    ResponseEntity<String> template = anonymous.withBasicAuth(CLERK, DemoUsers.PASSWORD)
        .getForEntity("/api/intake/template.csv", String.class);
    assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(template.getBody()).contains("\n" + HEADER + "\n");
    // the template itself is a valid, empty register
    Map<String, Object> i = importAndWait(CLERK, "register-template.csv", template.getBody().getBytes(StandardCharsets.UTF_8));
    assertCounts(i, 0, 0, 0, 0);
  }
}
