package org.anju.escalation;

import org.anju.api.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.access.CurrentUser;
import org.anju.escalation.NotificationLog.Notification;
import org.anju.escalation.NotificationLog.Recipient;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification log for managers: newest first, only of the counties the user belongs to
 * (administrators see all). Filters: {@code caseKey}, {@code status}, {@code limit} (at most 500); and per
 * notification what each of its mail recipients got.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  static final Set<String> STATUSES = Set.of(NotificationLog.PENDING, NotificationLog.DELIVERED, NotificationLog.FAILED,
      NotificationLog.PARTIAL, NotificationLog.REJECTED);

  private final NotificationLog log;
  private final IdentityService identity;

  NotificationController(NotificationLog log, IdentityService identity) {
    this.log = log;
    this.identity = identity;
  }

  @GetMapping
  ResponseEntity<?> list(@RequestParam(required = false) String caseKey, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") String limit) {
    if (status != null && !STATUSES.contains(status)) {
      return bad("status", "must be one of " + STATUSES);
    }
    if (caseKey != null && !caseKey.matches("[A-Za-z0-9-]{1,64}")) {
      return bad("caseKey", "must be a case's business key");
    }
    int max;
    try {
      max = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      return bad("limit", "must be a whole number");
    }
    if (max < 1 || max > 500) {
      return bad("limit", "must be between 1 and 500");
    }
    List<Notification> found = log.search(visibleCounties(), caseKey, status, max);
    return ResponseEntity.ok(found);
  }

  /** What each mail recipient of one notification got (SENT, UNCONFIRMED, REJECTED); 404 outside the user's counties. */
  @GetMapping("/{id}/recipients")
  ResponseEntity<List<Recipient>> recipients(@PathVariable long id) {
    List<String> counties = visibleCounties();
    return log.find(id).filter(n -> counties == null || counties.contains(n.countyCode()))
        .map(n -> ResponseEntity.ok(log.recipients(List.of(n.id())))).orElse(ResponseEntity.notFound().build());
  }

  /** The counties of the user's tenants; null for an administrator, who sees every county. */
  private List<String> visibleCounties() {
    return CurrentUser.visibleCounties(identity.getCurrentAuthentication());
  }

  private static ResponseEntity<Map<String, Object>> bad(String field, String reason) {
    return ApiProblem.badRequest(field, reason);
  }
}
