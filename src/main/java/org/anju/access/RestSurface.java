package org.anju.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of the engine REST API staff may use: an explicit list of (method, path template) pairs,
 * the calls Tasklist, Cockpit's read views and Anju's pages make. Everything else is for
 * administrators, each family with the reason it is refused ({@link #ADMIN_ONLY}); a test walks the
 * REST API's own resources and fails on an endpoint that is in neither list. This is the edge, the
 * second line: the engine refuses the same things itself ({@link StaffCommandPolicy}).
 */
final class RestSurface {

  /** What staff may call, after the engine API's prefix; {@code {x}} is one path segment. */
  static final List<String> STAFF = List.of(
      // Tasklist: filters, tasks, forms, claiming and completing
      "GET /filter", "GET /filter/count", "GET /filter/{id}", "GET /filter/{id}/list", "GET /filter/{id}/count",
      "GET /filter/{id}/singleResult", "POST /filter/{id}/list", "POST /filter/{id}/count", "POST /filter/{id}/singleResult",
      "GET /task", "GET /task/count", "POST /task", "POST /task/count", "GET /task/{id}", "GET /task/{id}/form",
      "GET /task/{id}/deployed-form", "GET /task/{id}/form-variables", "GET /task/{id}/identity-links",
      "GET /task/{id}/comment", "GET /task/{id}/comment/{commentId}", "GET /task/{id}/attachment",
      "GET /task/{id}/variables", "GET /task/{id}/variables/{varId}", "GET /task/{id}/localVariables",
      "GET /task/{id}/localVariables/{varId}",
      "POST /task/{id}/claim", "POST /task/{id}/unclaim", "POST /task/{id}/complete", "POST /task/{id}/submit-form",
      // Tasklist: starting a case or a check from its start form
      "GET /process-definition", "GET /process-definition/count", "GET /process-definition/{id}",
      "GET /process-definition/{id}/xml", "GET /process-definition/{id}/startForm",
      "GET /process-definition/{id}/deployed-start-form", "GET /process-definition/{id}/form-variables",
      "GET /process-definition/{id}/static-called-process-definitions", "GET /process-definition/key/{key}",
      "GET /process-definition/key/{key}/xml", "GET /process-definition/key/{key}/startForm",
      "GET /process-definition/key/{key}/deployed-start-form", "GET /process-definition/key/{key}/form-variables",
      "POST /process-definition/{id}/start", "POST /process-definition/{id}/submit-form",
      "POST /process-definition/key/{key}/start", "POST /process-definition/key/{key}/submit-form",
      // Cockpit's read views of a county's cases (authorization and the tenant check narrow them)
      "GET /process-definition/statistics", "GET /process-definition/{id}/statistics",
      "GET /process-instance", "GET /process-instance/count", "POST /process-instance", "POST /process-instance/count",
      "GET /process-instance/{id}", "GET /process-instance/{id}/activity-instances", "GET /process-instance/{id}/comment",
      "GET /process-instance/{id}/variables", "GET /process-instance/{id}/variables/{varId}",
      "GET /execution", "GET /execution/count", "POST /execution", "POST /execution/count", "GET /execution/{id}",
      "GET /execution/{id}/localVariables", "GET /incident", "GET /incident/count", "GET /incident/{id}",
      // no jobs: jobs without a process (the history cleanup) show to anyone the engine lets query jobs
      "GET /variable-instance", "GET /variable-instance/count", "POST /variable-instance", "POST /variable-instance/count",
      "GET /variable-instance/{id}",
      "GET /decision-definition", "GET /decision-definition/count", "GET /decision-definition/{id}",
      "GET /decision-definition/{id}/xml", "GET /decision-definition/key/{key}", "GET /decision-definition/key/{key}/xml",
      "GET /decision-requirements-definition", "GET /decision-requirements-definition/count",
      "GET /decision-requirements-definition/{id}", "GET /decision-requirements-definition/{id}/xml",
      "GET /deployment", "GET /deployment/count", "GET /deployment/{id}", "GET /deployment/{id}/resources",
      "GET /deployment/{id}/resources/{resourceId}", "GET /deployment/{id}/resources/{resourceId}/data",
      "GET /case-definition", "GET /case-definition/count", "GET /case-instance", "GET /case-instance/count",
      "GET /history/process-instance", "GET /history/process-instance/count", "POST /history/process-instance",
      "POST /history/process-instance/count", "GET /history/process-instance/{id}",
      "GET /history/activity-instance", "GET /history/activity-instance/count", "POST /history/activity-instance",
      "POST /history/activity-instance/count", "GET /history/activity-instance/{id}",
      "GET /history/task", "GET /history/task/count", "POST /history/task", "POST /history/task/count",
      "GET /history/variable-instance", "GET /history/variable-instance/count", "POST /history/variable-instance",
      "POST /history/variable-instance/count", "GET /history/variable-instance/{id}",
      "GET /history/detail", "GET /history/detail/count", "POST /history/detail", "GET /history/incident",
      "GET /history/incident/count", "GET /history/user-operation", "GET /history/user-operation/count",
      "GET /history/identity-link-log", "GET /history/identity-link-log/count",
      "GET /history/decision-instance", "GET /history/decision-instance/count", "GET /history/decision-instance/{id}",
      // who is who: names on tasks, one's own groups and counties, one's own profile and password
      "GET /user", "GET /user/count", "GET /user/{id}/profile", "PUT /user/{id}/profile", "PUT /user/{id}/credentials",
      "GET /group", "GET /group/count", "GET /identity/groups", "GET /identity/password-policy",
      "POST /identity/password-policy", "GET /tenant", "GET /tenant/count", "GET /tenant/{id}",
      "GET /authorization/check", "GET /version");

  /**
   * Why the rest is refused to staff: the first family whose pattern ({@code METHOD /path}) matches. A
   * family may be wider than what it refuses: what {@link #STAFF} names is allowed all the same.
   */
  static final Map<Pattern, String> ADMIN_ONLY = adminOnly();

  private static final List<String[]> STAFF_TEMPLATES = STAFF.stream().map(e -> e.split(" ", 2)).toList();

  private RestSurface() {}

  private static Map<Pattern, String> adminOnly() {
    Map<String, String> families = new LinkedHashMap<>();
    families.put("(GET|POST|PUT|DELETE) /(job|job-definition|batch|external-task|history/job-log|history/external-task-log|history/batch|history/cleanup|schema|telemetry|metrics|optimize)(/.*)?",
        "the engine's machinery: jobs, batches, workers, metrics");
    families.put("(POST|PUT|DELETE) /(migration|modification)(/.*)?|(POST|PUT) /process-instance/\\{id}/modification(-async)?",
        "changing where a case stands skips its steps' rules");
    families.put("POST /process-definition/.*restart(-async)?|POST /process-instance/(delete|delete-historic-query-based|job-retries|job-retries-historic-query-based|message-async|suspended-async|variables-async)",
        "restarts and bulk operations on cases");
    families.put("(POST|PUT|DELETE) /(task|process-instance|execution|case-execution|case-instance)/\\{id}/(variables|localVariables)(/.*)?",
        "variables change only through a step's form");
    families.put("(PUT|DELETE) /.*|POST /(task/create|task/\\{id}/(assignee|delegate|resolve|identity-links|identity-links/delete|attachment/create|comment/create|bpmnError|bpmnEscalation)|task/\\{id})",
        "task changes other than claiming, giving back and completing one's own step");
    families.put("POST /(message|signal|condition|execution/\\{id}/(signal|create-incident|messageSubscriptions/.*))",
        "messages, signals, conditions and incidents are the engine's");
    families.put("POST /(decision-definition|case-definition|case-instance|case-execution)(/.*)?|GET /case-(definition|instance|execution)/.*|GET /case-execution(/count)?",
        "decisions are evaluated by the cases, not by hand; Anju has no CMMN cases");
    families.put("(GET|POST) /(deployment|authorization|group|tenant|user)/(create|registered|\\{id}/(members|user-members|group-members|redeploy|unlock)).*|(GET|POST|OPTIONS) /(authorization|group|tenant|user|filter)(/.*)?|POST /(group|user|tenant|filter|authorization)/?.*|POST /deployment/create",
        "identities, authorizations, filters and deployments are administered by the province");
    families.put("(GET|POST) /(history|process-definition|decision-definition|decision-requirements-definition|task)/(.*/)?(statistics|report|cleanable-[a-z-]+-report)(/count)?|GET /task/report/candidate-group-count",
        "counts over every county");
    families.put("POST /history/.*|POST /identity/verify|GET /history/.*",
        "history outside Cockpit's case views, and checking another person's password");
    families.put("(GET|POST) /[a-z-]+/key/\\{key}/tenant-id/.*",
        "Anju's definitions are shared by every county; none belongs to a tenant");
    families.put("GET /.*/(diagram|rendered-form)",
        "Anju has no diagram images and no HTML forms: its forms are Camunda Forms");
    families.put("GET /.*/data|GET /task/\\{id}/attachment/.*",
        "binary contents: Anju's forms hold only plain values, its documents live in the household file");
    families.put("GET /(event-subscription(/count)?|execution/\\{id}/(localVariables/\\{varId}|messageSubscriptions/.*))"
        + "|GET /process-definition/key/\\{key}/static-called-process-definitions|GET /decision-requirements-definition/key/.*",
        "the engine's internals of a case, which no page of Tasklist or Cockpit reads");
    Map<Pattern, String> compiled = new LinkedHashMap<>();
    families.forEach((regex, reason) -> compiled.put(Pattern.compile(regex), reason));
    return compiled;
  }

  /** Whether staff may call this method and path (canonical, after the engine API's prefix). */
  static boolean allowsStaff(String method, String path) {
    String[] segments = path.split("/", -1);
    for (String[] entry : STAFF_TEMPLATES) {
      if (entry[0].equals(method) && matches(entry[1].split("/", -1), segments)) {
        return true;
      }
    }
    return false;
  }

  /** Why staff may not call this endpoint template, or null when no family refuses it. */
  static String adminOnlyReason(String method, String template) {
    String endpoint = method + " " + template;
    return ADMIN_ONLY.entrySet().stream().filter(e -> e.getKey().matcher(endpoint).matches()).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private static boolean matches(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
      if (variable ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }
}
