package org.anju.progress;

import org.anju.api.ApiProblem;
import org.anju.api.Workbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.anju.access.CurrentUser;
import org.anju.campaign.Campaign;
import org.anju.campaign.CampaignCalendar;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Outcome;
import org.anju.progress.ProgressReport.Level;
import org.anju.progress.ProgressReport.Report;
import org.anju.progress.ProgressReport.Row;
import org.anju.progress.ProgressReport.Stage;
import org.anju.region.Division;
import org.anju.region.Divisions;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.anju.clock.AnjuClock;
import org.anju.tasklist.StepValues;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign progress report, as JSON, CSV and XLSX:
 * {@code GET /api/progress?campaign=<year>&level=province|city|county|township&within=<code>}: one
 * row per division of {@code level} within the division {@code within} (default: the whole province; a
 * township-level report needs its county or city). {@code code=<code>} reads both ways: a division above
 * {@code level} is taken as {@code within}, a division of {@code level} itself gives that division's row
 * ({@code level=county&code=140929}: 岢岚县 alone). {@code GET /api/progress/stuck}: the cases that wait longest. A user sees
 * only the counties of their tenants ({@code county<code>}), administrators every county: a county
 * clerk's province, city or county report counts their own county only.
 */
@RestController
@RequestMapping("/api/progress")
class ProgressController {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ProgressReport report;
  private final CampaignCalendar campaigns;
  private final Divisions divisions;
  private final IdentityService identity;
  private final CaseBoard board;
  private final ManagementService management;
  private final TaskService tasks;

  ProgressController(ProgressReport report, CampaignCalendar campaigns, Divisions divisions, IdentityService identity,
      CaseBoard board, ManagementService management, TaskService tasks) {
    this.report = report;
    this.board = board;
    this.management = management;
    this.tasks = tasks;
    this.campaigns = campaigns;
    this.divisions = divisions;
    this.identity = identity;
  }

  @GetMapping
  ResponseEntity<?> progress(@RequestParam(required = false) String campaign,
      @RequestParam(defaultValue = "county") String level, @RequestParam(required = false) String within,
      @RequestParam(required = false) String code) {
    Object result = build(campaign, level, within, code);
    return result instanceof Report ? ResponseEntity.ok(result) : (ResponseEntity<?>) result;
  }

  @GetMapping("/stuck")
  ResponseEntity<?> stuck(@RequestParam(defaultValue = "20") String limit) {
    int max;
    try {
      max = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      return bad("limit", "must be a whole number");
    }
    if (max < 1 || max > 200) {
      return bad("limit", "must be between 1 and 200");
    }
    return ResponseEntity.ok(report.stuck(visibleCounties(), max));
  }

  /** The open cases per step, notices included, and the cases in a notice with the day each ends. */
  @GetMapping("/steps")
  Map<String, Object> steps() {
    List<String> counties = visibleCounties();
    return Map.of("steps", board.steps(counties), "notices", board.notices(counties, 50),
        "mayEndNotices", CurrentUser.isAdministrator(identity.getCurrentAuthentication()));
  }

  /** Cases by the head of household's name (a part of it) or resident ID. */
  @GetMapping("/find")
  ResponseEntity<?> find(@RequestParam(required = false) String q) {
    String text = q == null ? "" : q.strip();
    if (text.isEmpty() || text.length() > 50) {
      return bad("q", "must be 1 to 50 characters: a name or a resident ID number");
    }
    Optional<String> problem = StepValues.characterProblem(text);
    if (problem.isPresent()) {
      return bad("q", problem.get());
    }
    return ResponseEntity.ok(board.find(text, visibleCounties()));
  }

  /**
   * An administrator ends a case's public notice now, for a demonstration or a notice posted in error: the
   * notice's timer runs at once, and the case records who ended it and when (a comment on the case).
   */
  @PostMapping("/notices/{jobId}/end")
  ResponseEntity<?> endNotice(@PathVariable String jobId) {
    Authentication user = identity.getCurrentAuthentication();
    if (!CurrentUser.isAdministrator(user)) {
      return ApiProblem.of(HttpStatus.FORBIDDEN, "authorization",
          "只有管理员可以提前结束公示 / only an administrator may end a notice early");
    }
    Optional<CaseBoard.NoticeCase> notice = board.notice(jobId, visibleCounties());
    if (notice.isEmpty()) {
      return ApiProblem.notFound("jobId: 没有此公示 / no open notice " + jobId);
    }
    tasks.createComment(null, notice.get().processInstanceId(), "公示提前结束 Notice ended early: "
        + notice.get().noticeName() + " · " + user.getUserId() + " · " + AnjuClock.today()
        + "（原定 " + notice.get().endsOn() + " 结束 due to end " + notice.get().endsOn() + "）");
    management.executeJob(jobId);
    return ResponseEntity.ok(Map.of("householdId", notice.get().householdId(), "notice", notice.get().notice(),
        "endedBy", user.getUserId()));
  }

  @GetMapping("/export.csv")
  ResponseEntity<?> csv(@RequestParam(required = false) String campaign,
      @RequestParam(defaultValue = "county") String level, @RequestParam(required = false) String within,
      @RequestParam(required = false) String code) {
    Object result = build(campaign, level, within, code);
    if (!(result instanceof Report built)) {
      return (ResponseEntity<?>) result;
    }
    StringBuilder out = new StringBuilder("\uFEFF"); // BOM: Excel then reads the Chinese names as UTF-8
    for (List<Object> line : table(built)) {
      List<String> cells = new ArrayList<>();
      for (Object cell : line) {
        String text = cell == null ? "" : cell.toString();
        cells.add(text.matches(".*[,\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
      }
      out.append(String.join(",", cells)).append("\r\n");
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(built) + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/export.xlsx")
  ResponseEntity<?> xlsx(@RequestParam(required = false) String campaign,
      @RequestParam(defaultValue = "county") String level, @RequestParam(required = false) String within,
      @RequestParam(required = false) String code)
      throws IOException {
    Object result = build(campaign, level, within, code);
    if (!(result instanceof Report built)) {
      return (ResponseEntity<?>) result;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("progress " + built.campaign());
      int r = 0;
      for (List<Object> line : table(built)) {
        Workbooks.writeRow(sheet, r++, line);
      }
      workbook.write(bytes);
      workbook.dispose();
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(built) + ".xlsx\"")
        .contentType(XLSX).body(bytes.toByteArray());
  }

  /** The report, or the response refusing the request. */
  private Object build(String campaign, String levelName, String within, String code) {
    Level level;
    try {
      level = Level.valueOf(levelName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return bad("level", "must be one of province, city, county, township");
    }
    int year;
    if (campaign == null || campaign.isBlank()) {
      year = campaigns.currentYear();
    } else {
      try {
        year = Integer.parseInt(campaign);
      } catch (NumberFormatException e) {
        return bad("campaign", "must be a year");
      }
    }
    Optional<Campaign> found = campaigns.find(year);
    if (found.isEmpty()) {
      return ApiProblem.notFound("campaign: 攻坚年度 " + year + " 不存在 / campaign " + year + " does not exist");
    }
    if (within != null && !within.isBlank() && code != null && !code.isBlank()) {
      return bad("within", "give either within (the division the rows lie in) or code, not both");
    }
    String field = within != null && !within.isBlank() ? "within" : "code";
    String parent = "within".equals(field) ? within.trim() : code == null || code.isBlank() ? null : code.trim();
    String only = null; // a code of the report's own level: that division's row alone
    if (parent != null) {
      Optional<Division> division = divisions.find(parent);
      if (division.isEmpty()) {
        return bad(field, "'" + parent + "' is not a division of Shanxi");
      }
      if ("code".equals(field) && division.get().level().ordinal() == level.ordinal()) {
        only = parent;
        parent = parent.substring(0, parent.length() == 9 ? 6 : parent.length() - 2);
        division = divisions.find(parent);
      }
      if (division.isEmpty() || division.get().level().ordinal() >= level.ordinal()) {
        return bad(field, "'" + parent + "' is not above the " + level.name().toLowerCase(Locale.ROOT)
            + " level: the rows of a " + level.name().toLowerCase(Locale.ROOT) + " report lie within the province,"
            + " a city or a county");
      }
      if (division.get().level() == Division.Level.PROVINCE) {
        parent = null;
      }
    } else if (level == Level.TOWNSHIP) {
      return bad("within", "a township report needs its county (or city)");
    }
    Report built = report.report(found.get(), level, parent, visibleCounties());
    if (only != null) {
      String row = only;
      built = new Report(built.campaign(), built.level(), built.parentCode(), built.today(), built.startDeadline(),
          built.completionDeadline(), built.daysToStartDeadline(), built.daysToCompletionDeadline(),
          built.rows().stream().filter(r -> r.code().equals(row)).toList());
    }
    return built;
  }

  /** The header and one line per row: the same table for CSV and XLSX. */
  static List<List<Object>> table(Report report) {
    List<List<Object>> lines = new ArrayList<>();
    List<Object> header = new ArrayList<>(List.of("code", "name", "households"));
    for (Stage stage : Stage.values()) {
      header.add("stage " + stage.name());
    }
    for (Outcome outcome : Outcome.values()) {
      header.add("outcome " + outcome.name());
    }
    for (KeyGroup group : KeyGroup.values()) {
      header.add("group " + group.name());
    }
    header.addAll(List.of("not verified", "dynamic target", "dynamic started", "dynamic completed",
        "started last 14 days", "completed last 14 days", "open problems", "overdue steps",
        "days to start deadline", "days to completion deadline", "projected start date", "projected completion date",
        "at risk"));
    lines.add(header);
    for (Row row : report.rows()) {
      List<Object> line = new ArrayList<>(List.of(row.code(), row.name(), row.households()));
      row.stages().values().forEach(line::add);
      row.outcomes().values().forEach(line::add);
      row.keyGroups().values().forEach(line::add);
      line.addAll(List.of(row.notVerified(), row.dynamicTarget(), row.dynamicStarted(), row.dynamicCompleted(),
          row.startedLast14Days(), row.completedLast14Days(), row.openProblems(), row.overdueSteps(),
          report.daysToStartDeadline(), report.daysToCompletionDeadline()));
      line.add(text(row.projectedStartDate()));
      line.add(text(row.projectedCompletionDate()));
      line.add(String.join(" ", row.risks().stream().map(Enum::name).toList()));
      lines.add(line);
    }
    return lines;
  }

  private static String text(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  private static String fileName(Report report) {
    return "progress-" + report.campaign() + "-" + report.level().name().toLowerCase(Locale.ROOT)
        + (report.parentCode() == null ? "" : "-" + report.parentCode());
  }
  /** The counties of the user's tenants; null for an administrator, who sees every county. */
  private List<String> visibleCounties() {
    return CurrentUser.visibleCounties(identity.getCurrentAuthentication());
  }

  private static ResponseEntity<Map<String, Object>> bad(String field, String reason) {
    return ApiProblem.badRequest(field, reason);
  }
}
