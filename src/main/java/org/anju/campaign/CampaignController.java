package org.anju.campaign;

import org.anju.api.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.anju.access.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns: everyone may read them; an administrator opens a new one without a release. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

  private final CampaignCalendar calendar;
  private final Campaigns campaigns;
  private final IdentityService identity;

  CampaignController(CampaignCalendar calendar, Campaigns campaigns, IdentityService identity) {
    this.calendar = calendar;
    this.campaigns = campaigns;
    this.identity = identity;
  }

  @GetMapping
  List<Campaign> list() {
    return calendar.all();
  }

  /** Body: {"year": 2021, "startDeadline": "2021-03-31", "completionDeadline": "2021-05-31", "warningDays": 7}. */
  @PostMapping(consumes = "application/json")
  ResponseEntity<Map<String, Object>> open(@RequestBody Map<String, Object> body) {
    Authentication user = identity.getCurrentAuthentication();
    if (!CurrentUser.isAdministrator(user)) {
      return ApiProblem.forbidden("只有管理员可以开启攻坚年度 Only administrators may open a campaign");
    }
    Campaign campaign;
    try {
      campaign = new Campaign(number(body, "year"), date(body, "startDeadline"), date(body, "completionDeadline"),
          body.containsKey("warningDays") ? number(body, "warningDays") : 7);
    } catch (IllegalArgumentException e) {
      return ApiProblem.invalid(e.getMessage(), List.of(Map.of("field", fieldOf(e.getMessage()), "reason", e.getMessage())));
    }
    List<String> problems = campaigns.problems(campaign);
    if (!problems.isEmpty()) {
      return ApiProblem.invalid(String.join("; ", problems),
          problems.stream().map(p -> Map.of("field", fieldOf(p), "reason", p)).toList());
    }
    String instance = campaigns.open(campaign);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("year", campaign.year(), "processInstanceId", instance));
  }

  /**
   * Moves a campaign's dates (an administrator, e.g. when the province extends a deadline): body as for
   * opening one; every timer still waiting for the old dates moves with them.
   */
  @PutMapping(path = "/{year}", consumes = "application/json")
  ResponseEntity<Map<String, Object>> move(@PathVariable int year, @RequestBody Map<String, Object> body) {
    Authentication user = identity.getCurrentAuthentication();
    if (!CurrentUser.isAdministrator(user)) {
      return ApiProblem.forbidden("只有管理员可以调整攻坚年度 Only administrators may move a campaign's dates");
    }
    if (calendar.find(year).isEmpty()) {
      return ApiProblem.notFound("攻坚年度不存在 No campaign " + year);
    }
    Campaign campaign;
    try {
      if (body.containsKey("year") && !Integer.valueOf(year).equals(body.get("year"))) {
        throw new IllegalArgumentException("year: must be the campaign's year, " + year);
      }
      campaign = new Campaign(year, date(body, "startDeadline"), date(body, "completionDeadline"),
          body.containsKey("warningDays") ? number(body, "warningDays") : calendar.find(year).get().warningDays());
    } catch (IllegalArgumentException e) {
      return ApiProblem.invalid(e.getMessage(), List.of(Map.of("field", fieldOf(e.getMessage()), "reason", e.getMessage())));
    }
    List<String> problems = campaigns.moveProblems(campaign);
    if (!problems.isEmpty()) {
      return ApiProblem.invalid(String.join("; ", problems),
          problems.stream().map(p -> Map.of("field", fieldOf(p), "reason", p)).toList());
    }
    int moved = campaigns.move(campaign);
    return ResponseEntity.ok(Map.of("year", year, "startDeadline", campaign.startDeadline().toString(),
        "completionDeadline", campaign.completionDeadline().toString(), "warningDays", campaign.warningDays(),
        "timersMoved", moved));
  }

  /** The field a problem names first ("startDeadline: must be …" → startDeadline). */
  private static String fieldOf(String problem) {
    int colon = problem == null ? -1 : problem.indexOf(':');
    return colon > 0 ? problem.substring(0, colon).strip() : "body";
  }

  private static int number(Map<String, Object> body, String field) {
    if (body.get(field) instanceof Integer value) {
      return value;
    }
    throw new IllegalArgumentException(field + ": must be a whole number");
  }

  private static LocalDate date(Map<String, Object> body, String field) {
    try {
      return body.get(field) instanceof String text ? LocalDate.parse(text) : null;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": must be a date like 2021-03-31");
    }
  }
}
