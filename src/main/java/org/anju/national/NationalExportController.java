package org.anju.national;

import java.io.IOException;
import java.util.List;

import org.anju.access.CurrentUser;
import org.anju.api.ApiProblem;
import org.anju.region.Division;
import org.anju.region.Divisions;
import org.anju.household.HouseholdCaseProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/national/export.xlsx?county=<code>}: the county's archived cases as the national record, for
 * entry into the national information system. A user exports only a county they see; a county they do not see
 * and a county that does not exist are refused in the same words; a user who may not read the cases' history
 * (township staff, appraisers, finance) is refused rather than given an empty sheet.
 */
@RestController
@RequestMapping("/api/national")
class NationalExportController {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final NationalExport export;
  private final Divisions divisions;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  NationalExportController(NationalExport export, Divisions divisions, IdentityService identity,
      AuthorizationService authorizations) {
    this.export = export;
    this.divisions = divisions;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @GetMapping("/export.xlsx")
  ResponseEntity<?> xlsx(@RequestParam(required = false) String county) throws IOException {
    String code = county == null ? "" : county.strip();
    if (!code.matches("\\d{6}")) {
      return ApiProblem.badRequest("county", "须为县（市、区）的 6 位代码，如 140929 / must be the 6-digit code of a "
          + "county, e.g. 140929");
    }
    Authentication user = identity.getCurrentAuthentication();
    List<String> visible = CurrentUser.visibleCounties(user);
    boolean isCounty = divisions.find(code).filter(d -> d.level() == Division.Level.COUNTY).isPresent();
    if (!isCounty || (visible != null && !visible.contains(code))) {
      return ApiProblem.notFound("county: 没有可查看的县 " + code + " / no county " + code + " that you may see");
    }
    // the engine would show such a user no case at all: an empty sheet would read as "nothing archived"
    if (!mayReadHistory(user)) {
      return ApiProblem.forbidden("只有住建局、领导小组和督导可以导出 / only the housing bureau, the leading group and "
          + "supervisors, who may read the cases' history, may export the national record");
    }
    byte[] workbook = export.xlsx(code, export.archived(code));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"national-record-" + code + ".xlsx\"")
        .contentType(XLSX).body(workbook);
  }

  private boolean mayReadHistory(Authentication user) {
    return CurrentUser.isAdministrator(user) || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(),
        ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, HouseholdCaseProcess.KEY);
  }
}
