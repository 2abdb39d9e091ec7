package org.anju.national;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.anju.access.RoleGroups;
import org.anju.api.Workbooks;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.national.NationalIndicators.Indicator;
import org.anju.national.NationalIndicators.Source;
import org.anju.national.NationalRecordCheck.Gap;
import org.anju.region.Divisions;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * A county's archived household cases as the national record: one row per case, the 41 indicators in their
 * order, for the county's clerk to enter into the national information system. Read from the engine's history
 * with the current user's own authorization and tenant checks, a batch of cases per query.
 */
@Component
class NationalExport {

  /**
   * Who approved the information-system data and when: written at the archive step once it carries the check;
   * read when present, so the export works before and after.
   */
  static final String APPROVED_BY = "systemDataApprovedBy";
  static final String APPROVED_AT = "systemDataApprovedAt";
  /** Cases per query: well under the bind-variable limits of every database the engine supports. */
  static final int BATCH = 500;

  /** One archived case: its variables by name (those the record needs) and its documents by record. */
  record Row(String processInstanceId, String householdId, Map<String, Object> variables, Map<String, Integer> documents) {

    List<Gap> gaps() {
      return NationalRecordCheck.gaps(variables, documents);
    }
  }

  private static final List<String> NAMES = Stream.concat(
      Stream.of(Vars.HOUSEHOLD_ID, Vars.ARCHIVE_NUMBER, Vars.COUNTY_CODE, Vars.CITY_CODE, APPROVED_BY, APPROVED_AT),
      NationalIndicators.ALL.stream().filter(i -> i.source() == Source.VARIABLE || i.source() == Source.DERIVED)
          .map(Indicator::field)).distinct().toList();

  private final HistoryService history;
  private final DocumentCounts documents;
  private final Divisions divisions;

  NationalExport(HistoryService history, DocumentCounts documents, Divisions divisions) {
    this.history = history;
    this.documents = documents;
    this.divisions = divisions;
  }

  /** The county's archived cases, in the order they were registered. */
  List<Row> archived(String countyCode) {
    List<Row> rows = new ArrayList<>();
    for (int first = 0; ; first += BATCH) {
      // archived: the archive step set the file's number, and the case ran on to its end
      List<HistoricProcessInstance> batch = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(HouseholdCaseProcess.KEY).tenantIdIn(RoleGroups.tenant(countyCode)).finished()
          .variableValueLike(Vars.ARCHIVE_NUMBER, "%").orderByProcessInstanceStartTime().asc()
          .orderByProcessInstanceId().asc().listPage(first, BATCH);
      rows.addAll(read(batch));
      if (batch.size() < BATCH) {
        return rows;
      }
    }
  }

  private List<Row> read(List<HistoricProcessInstance> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    String[] ids = batch.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(NAMES.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      Map<String, Object> ofCase = variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>());
      // the case's own variable wins over a local one of the same name in a sub-process
      if (v.getProcessInstanceId().equals(v.getExecutionId()) || !ofCase.containsKey(v.getName())) {
        ofCase.put(v.getName(), v.getValue());
      }
    }
    Map<String, Map<String, Integer>> counts = documents.byCase(List.of(ids));
    return batch.stream().map(pi -> new Row(pi.getId(), pi.getBusinessKey(),
        variables.getOrDefault(pi.getId(), Map.of()), counts.getOrDefault(pi.getId(), Map.of()))).toList();
  }

  /**
   * The workbook: a header of Chinese and English names, a header of codes, then one line per case: its household
   * id and archive number, the 41 indicators, who approved the data where the case records it, and the gaps the
   * national system would refuse.
   */
  byte[] xlsx(String countyCode, List<Row> rows) throws IOException {
    boolean approval = rows.stream().anyMatch(r -> r.variables().containsKey(APPROVED_BY)
        || r.variables().containsKey(APPROVED_AT));
    List<String> names = new ArrayList<>(List.of("户编号 household id", "档案编号 archive number"));
    List<String> codes = new ArrayList<>(List.of(Vars.HOUSEHOLD_ID, Vars.ARCHIVE_NUMBER));
    for (Indicator indicator : NationalIndicators.ALL) {
      names.add(indicator.zh() + " " + indicator.en());
      codes.add(indicator.code());
    }
    if (approval) {
      names.addAll(List.of("数据核准人 approved by", "核准时间 approved at"));
      codes.addAll(List.of("approvedBy", "approvedAt"));
    }
    names.add("核查问题 gaps");
    codes.add("gaps");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("national " + countyCode);
      Workbooks.writeRow(sheet, 0, new ArrayList<>(names));
      Workbooks.writeRow(sheet, 1, new ArrayList<>(codes));
      int r = 2;
      for (Row row : rows) {
        List<Object> line = new ArrayList<>(List.of(row.householdId(), text(row.variables().get(Vars.ARCHIVE_NUMBER))));
        for (Indicator indicator : NationalIndicators.ALL) {
          line.add(value(indicator, row));
        }
        if (approval) {
          line.add(row.variables().get(APPROVED_BY));
          line.add(row.variables().get(APPROVED_AT));
        }
        line.add(String.join("\n", row.gaps().stream().map(Gap::message).toList()));
        Workbooks.writeRow(sheet, r++, line);
      }
      sheet.createFreezePane(1, 2);
      workbook.write(bytes);
      workbook.dispose();
    }
    return bytes.toByteArray();
  }

  /** The cell of one indicator: a name for a derived place, yes or no for a flag, a count for photos. */
  private Object value(Indicator indicator, Row row) {
    Object value = indicator.source() == Source.DOCUMENTS ? null : indicator.field() == null ? null
        : row.variables().get(indicator.field());
    return switch (indicator.source()) {
      case NOT_COLLECTED -> null;
      case DOCUMENTS -> row.documents().getOrDefault(indicator.field(), 0);
      case DERIVED -> value instanceof String code && code.length() >= 4
          ? divisions.nameOf(Vars.COUNTY_CODE.equals(indicator.field()) ? code.substring(0, 2) : code) : value;
      // an option as the national system's clerk keys it in: its Chinese name, not Anju's code
      case VARIABLE -> value instanceof Boolean flag ? (flag ? "是" : "否")
          : value instanceof String code && indicator.shape() == NationalIndicators.Shape.CHOICE
              ? org.anju.tasklist.FormOptions.chineseLabel(indicator.choices(), code) : value;
    };
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
