package org.anju.access;

import org.anju.api.ApiProblem;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a province administrator does to bring a county on board: set it up, import its staff. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

  static final int MAX_CSV_CHARACTERS = 1_000_000;

  private final CountySetup counties;
  private final UserImport users;
  private final IdentityService identity;

  AdminController(CountySetup counties, UserImport users, IdentityService identity) {
    this.counties = counties;
    this.users = users;
    this.identity = identity;
  }

  /** Creates the county's tenant and the groups of its roles with their permissions. */
  @PostMapping("/counties/{countyCode}")
  ResponseEntity<Map<String, Object>> setUpCounty(@PathVariable String countyCode) {
    requireAdministrator();
    if (!countyCode.matches("\\d{6}")) {
      return ApiErrors.badRequest("countyCode", "must be a 6-digit county code");
    }
    try {
      List<String> groups = counties.setUp(countyCode);
      return ResponseEntity.ok(Map.of("tenant", RoleGroups.tenant(countyCode), "groups", groups));
    } catch (IllegalArgumentException e) {
      return ApiErrors.badRequest("countyCode", "'" + countyCode + "' is not a county of Shanxi");
    }
  }

  /** Imports users from CSV; with any bad row, nothing is imported and every problem is listed. */
  @PostMapping(path = "/users", consumes = {"text/csv", "text/plain"})
  ResponseEntity<Map<String, Object>> importUsers(@RequestBody String csv) {
    requireAdministrator();
    if (csv.length() > MAX_CSV_CHARACTERS) {
      return ApiProblem.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
          "file: 最多 " + MAX_CSV_CHARACTERS + " 个字符，请拆分文件 / at most " + MAX_CSV_CHARACTERS + " characters; split the file");
    }
    UserImport.Result result = users.importCsv(csv);
    if (!result.errors().isEmpty()) {
      return ApiProblem.invalid("未导入任何用户 No user was imported: " + result.errors().size() + " problem(s)",
          result.errors());
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("created", result.created()));
  }

  private void requireAdministrator() {
    Authentication user = identity.getCurrentAuthentication();
    if (!CurrentUser.isAdministrator(user)) {
      throw new ApiErrors.Forbidden("only administrators may set up counties and import users");
    }
  }
}
