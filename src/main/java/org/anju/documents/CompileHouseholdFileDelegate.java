package org.anju.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.clock.AnjuClock;
import org.anju.documents.pdf.HouseholdFileContent;
import org.anju.documents.pdf.HouseholdFilePdf;
import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdFileRecord;
import org.anju.tasklist.FieldLabels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Serves {@code ServiceTask_CompileHouseholdFile}: the archived household file as one PDF, its records in the
 * national sample's order, each with its data and its documents, stored in the content store and recorded on
 * the case by its SHA-256. Made once: a retried job finds the file it made and keeps it.
 */
public class CompileHouseholdFileDelegate implements JavaDelegate {

  /** What each record of the file shows of the case, in the form's words. */
  static final Map<HouseholdFileRecord, List<String>> FIELDS = Map.ofEntries(
      Map.entry(HouseholdFileRecord.APPLICATION, List.of(Vars.IDENTITY_CONFIRMED, Vars.IDENTITY_REMARKS)),
      Map.entry(HouseholdFileRecord.SURVEY_FORM, List.of(Vars.VERIFICATION_DATE, Vars.VERIFIER_NAME,
          Vars.HOUSE_STRUCTURE, Vars.CAN_BUILD, Vars.IN_RELOCATION_PROGRAMME, Vars.VERIFICATION_NOTES)),
      Map.entry(HouseholdFileRecord.APPRAISAL_REPORT, List.of(Vars.SAFETY_GRADE, Vars.SEISMICALLY_SAFE,
          Vars.APPRAISER_NAME, Vars.APPRAISAL_DATE, Vars.APPRAISAL_REPORT_REF)),
      Map.entry(HouseholdFileRecord.REVIEW_RECORD, List.of(Vars.VILLAGE_REVIEW_DATE, Vars.VILLAGE_REVIEW_APPROVED,
          Vars.VILLAGE_REVIEW_REMARKS, Vars.HOME_VISIT_DATE, Vars.TOWNSHIP_REVIEW_APPROVED, Vars.TOWNSHIP_REVIEW_REMARKS)),
      Map.entry(HouseholdFileRecord.APPROVAL_FORM, List.of(Vars.COUNTY_APPROVAL_DATE, Vars.COUNTY_APPROVED,
          Vars.COUNTY_APPROVAL_REMARKS, Vars.RENOVATION_METHOD, Vars.SUBSIDY_AMOUNT)),
      Map.entry(HouseholdFileRecord.AGREEMENT, List.of(Vars.AGREEMENT_NUMBER, Vars.AGREEMENT_DATE, Vars.BUILDER_TYPE,
          Vars.BUILDER_NAME, Vars.ALTERNATIVE_TYPE, Vars.ALTERNATIVE_ADDRESS, Vars.ALTERNATIVE_AGREEMENT_DATE,
          Vars.RELOCATION_SITE, Vars.MOVE_IN_DATE)),
      Map.entry(HouseholdFileRecord.INSPECTION_LOG, List.of(Vars.CONSTRUCTION_START_DATE, Vars.INSPECTION_COUNT,
          Vars.CONSTRUCTION_COMPLETED_DATE)),
      Map.entry(HouseholdFileRecord.ACCEPTANCE_FORM, List.of(Vars.ACCEPTANCE_DATE, Vars.FLOOR_AREA,
          Vars.HAS_SANITARY_TOILET, Vars.LIVESTOCK_SEPARATED, Vars.OLD_HOUSE_DEMOLISHED, Vars.SEISMIC_MEASURES,
          Vars.ACCEPTANCE_PASSED)),
      Map.entry(HouseholdFileRecord.PAYMENT_PROOF, List.of(Vars.PAID_AMOUNT, Vars.PAYMENT_DATE, Vars.PAYMENT_REFERENCE)));

  private static final List<String> INFORMATION = List.of(Vars.HEAD_NAME, Vars.RESIDENT_ID, Vars.KEY_GROUP,
      Vars.HOUSEHOLD_SIZE, Vars.DYNAMIC_GUARANTEE, Vars.VILLAGE, Vars.HOUSE_ADDRESS, Vars.CAMPAIGN_YEAR);
  private static final List<String> ARCHIVE = List.of(Vars.ARCHIVE_NUMBER, Vars.ARCHIVED_DATE,
      Vars.SYSTEM_DATA_APPROVED, Vars.SYSTEM_DATA_APPROVED_BY, Vars.SYSTEM_DATA_APPROVED_AT);

  private final CaseDocuments documents;
  private final HouseholdFilePdf pdf;
  private final JdbcTemplate jdbc;

  public CompileHouseholdFileDelegate(CaseDocuments documents, HouseholdFilePdf pdf, JdbcTemplate jdbc) {
    this.documents = documents;
    this.pdf = pdf;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException {
    String processInstanceId = execution.getProcessInstanceId();
    List<CaseDocuments.Document> all = documents.ofCase(processInstanceId);
    Optional<CaseDocuments.Document> made = all.stream()
        .filter(d -> CaseDocuments.HOUSEHOLD_FILE.equals(d.record())).findFirst();
    CaseDocuments.Document file = made.isPresent() ? made.get() : compile(execution, all);
    execution.setVariable(Vars.HOUSEHOLD_FILE_DOCUMENT, file.id());
    execution.setVariable(Vars.HOUSEHOLD_FILE_SHA256, file.sha256());
  }

  private CaseDocuments.Document compile(DelegateExecution execution, List<CaseDocuments.Document> all)
      throws IOException {
    Map<String, Object> v = execution.getVariables();
    List<HouseholdFileContent.Section> sections = new ArrayList<>();
    sections.add(new HouseholdFileContent.Section("农户基本信息表 Household information", fields(v, INFORMATION),
        List.of()));
    for (HouseholdFileRecord record : HouseholdFileRecord.values()) {
      List<HouseholdFileContent.Field> data = new ArrayList<>(fields(v, FIELDS.getOrDefault(record, List.of())));
      if (record == HouseholdFileRecord.INSPECTION_LOG) {
        data.addAll(inspections(householdId(execution)));
      }
      List<HouseholdFileContent.Attachment> attached = all.stream().filter(d -> d.record().equals(record.name()))
          .map(this::attachment).toList();
      if (!data.isEmpty() || !attached.isEmpty()) {
        sections.add(new HouseholdFileContent.Section(record.zh() + " " + record.en(), data, attached));
      }
    }
    sections.add(new HouseholdFileContent.Section("归档 Archive", fields(v, ARCHIVE), List.of()));
    String householdId = householdId(execution);
    HouseholdFileContent content = new HouseholdFileContent(householdId, (String) v.get(Vars.HEAD_NAME),
        (String) v.get(Vars.COUNTY_NAME), (String) v.get(Vars.TOWNSHIP_NAME), (String) v.get(Vars.VILLAGE),
        outcome(v), (String) v.get(Vars.ARCHIVE_NUMBER), date(v.get(Vars.ARCHIVED_DATE)),
        OffsetDateTime.ofInstant(AnjuClock.now(), AnjuClock.zone()), sections);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.render(content, out);
    CaseDocuments.Place place = new CaseDocuments.Place(householdId, execution.getProcessInstanceId(),
        (String) v.get(Vars.COUNTY_CODE), (String) v.get(Vars.TOWNSHIP_CODE), null, null);
    return documents.addGenerated(place, CaseDocuments.HOUSEHOLD_FILE, "一户一档-" + householdId + ".pdf",
        "application/pdf", out.toByteArray());
  }

  /** The household id; a case started past registration (taken over from paper) has its business key or id only. */
  private static String householdId(DelegateExecution execution) {
    Object id = execution.getVariable(Vars.HOUSEHOLD_ID);
    if (id instanceof String text && !text.isBlank()) {
      return text;
    }
    return execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey() : execution.getProcessInstanceId();
  }

  private HouseholdFileContent.Attachment attachment(CaseDocuments.Document d) {
    return new HouseholdFileContent.Attachment(d.fileName(), d.mediaType(), d.sha256(), d.size(),
        () -> documents.store().get(d.sha256()));
  }

  private List<HouseholdFileContent.Field> inspections(String householdId) {
    return jdbc.query("select inspection_date, inspector_name, quality_ok, safety_ok, notes from construction_inspection "
        + "where household_id = ? order by inspection_date, id", (r, n) -> new HouseholdFileContent.Field(
            "巡查 Inspection " + (n + 1), r.getString("inspection_date") + " " + r.getString("inspector_name") + "："
                + "质量" + (r.getBoolean("quality_ok") ? "合格" : "不合格") + "，安全" + (r.getBoolean("safety_ok") ? "合格" : "不合格")
                + (r.getString("notes") == null ? "" : "。" + r.getString("notes"))), householdId);
  }

  private static List<HouseholdFileContent.Field> fields(Map<String, Object> v, List<String> names) {
    List<HouseholdFileContent.Field> fields = new ArrayList<>();
    for (String name : names) {
      Object value = v.get(name);
      if (value == null || (value instanceof String text && text.isBlank())) {
        continue;
      }
      FieldLabels.Label label = FieldLabels.label(name);
      fields.add(new HouseholdFileContent.Field(label.zh().equals(label.en()) ? label.zh() : label.zh() + " " + label.en(),
          value instanceof Boolean yes ? (yes ? "是 Yes" : "否 No") : String.valueOf(value)));
    }
    return fields;
  }

  /** How the household was secured, as the outcome gateway will decide it: by the renovation method. */
  private static String outcome(Map<String, Object> v) {
    Object method = v.get(Vars.RENOVATION_METHOD);
    if (method == null) {
      return "鉴定安全 Appraised safe";
    }
    try {
      return RenovationMethod.valueOf(String.valueOf(method)).renovates() ? "改造安全 Made safe by renovation ("
          + method + ")" : "其他方式保障 Secured another way (" + method + ")";
    } catch (IllegalArgumentException e) {
      return String.valueOf(method);
    }
  }

  private static LocalDate date(Object value) {
    try {
      return value == null ? null : LocalDate.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
