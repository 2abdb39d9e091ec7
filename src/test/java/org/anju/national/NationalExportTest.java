package org.anju.national;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_ARCHIVE_CASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anju.access.Role;
import org.anju.demo.CaseWalker;
import org.anju.demo.DemoDocuments;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.demo.DemoUsers.DemoCounty;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCases;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The county's national record as its housing bureau downloads it: each archived case one line, the 41 indicators
 * in their columns, no case of another county, and a county the user does not see refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NationalExportTest {

  private static final String KELAN_HOUSING = DemoUsers.userOf(DemoUsers.KELAN, Role.HOUSING);
  private static final String JINGLE_HOUSING = DemoUsers.userOf(DemoUsers.JINGLE, Role.HOUSING);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DemoDocuments demoDocuments;
  @Autowired
  HouseholdCases cases;

  @Test
  void shouldExportEachArchivedCaseOfTheCountyWithItsIndicatorsInTheirColumns() throws IOException {
    ProcessInstance archived = register(DemoUsers.KELAN, "石秀英");
    // the county's housing bureau archives it: the archive step records who approved the data and when
    org.camunda.bpm.engine.task.Task archive = new CaseWalker(engine, demoDocuments).walkTo(archived.getId(),
        TASK_ARCHIVE_CASE);
    engine.getIdentityService().setAuthentication(KELAN_HOUSING, java.util.List.of("housing140929"),
        java.util.List.of("county140929"));
    try {
      engine.getTaskService().complete(archive.getId(),
          org.anju.demo.DemoSteps.valuesFor(TASK_ARCHIVE_CASE, org.anju.clock.AnjuClock.today()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    new CaseWalker(engine, demoDocuments).walkTo(archived.getId(), CaseWalker.END);
    ProcessInstance open = register(DemoUsers.KELAN, "刘福才"); // still waiting for identification
    ProcessInstance elsewhere = register(DemoUsers.JINGLE, "白二旦");
    new CaseWalker(engine, demoDocuments).walkTo(elsewhere.getId(), CaseWalker.END);

    ResponseEntity<byte[]> response = rest.withBasicAuth(KELAN_HOUSING, DemoUsers.PASSWORD)
        .getForEntity("/api/national/export.xlsx?county=140929", byte[].class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).isEqualTo(NationalExportController.XLSX);
    List<Map<String, String>> rows = read(response.getBody());
    assertThat(rows).extracting(r -> r.get("householdId"))
        .contains(archived.getBusinessKey()).doesNotContain(open.getBusinessKey(), elsewhere.getBusinessKey());
    assertThat(rows).extracting(r -> r.get("A03")).containsOnly("岢岚县");
    Map<String, String> row = rows.stream().filter(r -> archived.getBusinessKey().equals(r.get("householdId")))
        .findFirst().orElseThrow();
    assertThat(row).containsEntry("archiveNumber", "宋家沟镇危改字[2020]42号")
        .containsEntry("A01", "山西省").containsEntry("A02", "忻州市").containsEntry("A04", "宋家沟镇")
        .containsEntry("A05", "宋家沟村").containsEntry("B01", "石秀英").containsEntry("B04", "建档立卡贫困户")
        .containsEntry("B05", "否").containsEntry("B06", "").containsEntry("B08", "D级 整栋危房")
        .containsEntry("B10", "JD-2020-0117").containsEntry("C01", "拆除重建").containsEntry("C03", "GZ-2020-0088")
        .containsEntry("C09", "52.5").containsEntry("C11", "是").containsEntry("D01", "20000")
        .containsEntry("D02", "20000").containsEntry("D04", "YKT-20200528-0042").containsEntry("E01", "")
        .containsEntry("F01", "1").containsEntry("F04", "1")
        .containsEntry("approvedBy", KELAN_HOUSING);
    assertThat(row.get("approvedAt")).as("when it was approved").isNotBlank();
    assertThat(row.get("B02")).hasSize(18).startsWith("140929");
    assertThat(row.get("gaps")).as("the walk-through's case is complete for the national system").isEmpty();
  }

  @Test
  void shouldHeadEachColumnWithTheIndicatorsNamesAndThenItsCode() throws IOException {
    ResponseEntity<byte[]> response = rest.withBasicAuth(KELAN_HOUSING, DemoUsers.PASSWORD)
        .getForEntity("/api/national/export.xlsx?county=140929", byte[].class);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      List<String> names = cells(sheet.getRow(0));
      List<String> codes = cells(sheet.getRow(1));
      assertThat(codes.subList(2, 43)).isEqualTo(NationalIndicators.ALL.stream().map(i -> i.code()).toList());
      assertThat(names.get(2 + 3)).isEqualTo("乡镇 township");
      assertThat(codes).startsWith("householdId", "archiveNumber").endsWith("gaps");
    }
  }

  @Test
  void shouldRefuseACountyTheUserDoesNotSeeAsIfItWereNotThere() {
    ResponseEntity<Map<String, Object>> notYours = get(JINGLE_HOUSING, "/api/national/export.xlsx?county=140929");
    ResponseEntity<Map<String, Object>> notThere = get(JINGLE_HOUSING, "/api/national/export.xlsx?county=149999");

    assertThat(notYours.getStatusCode().value()).isEqualTo(404);
    assertThat(notThere.getStatusCode().value()).isEqualTo(404);
    assertThat(((String) notYours.getBody().get("detail")).replace("140929", "?"))
        .isEqualTo(((String) notThere.getBody().get("detail")).replace("149999", "?"));
  }

  @Test
  void shouldRefuseWhoMayNotReadTheCasesHistoryRatherThanGiveThemAnEmptySheet() {
    ResponseEntity<Map<String, Object>> township = get(DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP),
        "/api/national/export.xlsx?county=140929");

    assertThat(township.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void shouldRefuseAMissingOrMalformedCountyNamingIt() {
    for (String path : List.of("/api/national/export.xlsx?county=abc", "/api/national/export.xlsx")) {
      ResponseEntity<Map<String, Object>> refused = get(KELAN_HOUSING, path);
      assertThat(refused.getStatusCode().value()).as(path).isEqualTo(400);
      assertThat(refused.getBody().get("errors")).as(path).asList().singleElement()
          .satisfies(e -> assertThat(((Map<?, ?>) e).get("field")).isEqualTo("county"));
    }
  }

  private ProcessInstance register(DemoCounty county, String headName) {
    return org.anju.support.TestHouseholds.register(cases, county, headName, "宋家沟村", KeyGroup.POOR);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, DemoUsers.PASSWORD).exchange(path, HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  /** The lines below the two headers, each cell by the code in the second header. */
  private static List<Map<String, String>> read(byte[] xlsx) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      List<String> codes = cells(sheet.getRow(1));
      List<Map<String, String>> rows = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        List<String> cells = cells(sheet.getRow(r));
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < codes.size(); c++) {
          row.put(codes.get(c), c < cells.size() ? cells.get(c) : "");
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static List<String> cells(Row row) {
    DataFormatter format = new DataFormatter();
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      cells.add(cell == null ? "" : format.formatCellValue(cell));
    }
    return cells;
  }
}
