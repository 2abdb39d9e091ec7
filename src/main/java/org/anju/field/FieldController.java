package org.anju.field;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.access.BasicAuthenticationFilter;
import org.anju.api.ApiProblem;
import org.anju.documents.DocumentController;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.tasklist.FieldErrors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The field page's API ({@code /field/}): the clerk's field tasks, one task with its deployed form and what its
 * step needs, and a completion sent once whatever the network did. Everything runs as the logged-in user through
 * the engine, so Tasklist's rules apply unchanged; another county's task answers the same 404 as a missing one.
 */
@RestController
@RequestMapping("/api/field")
class FieldController {

  private static final Logger LOG = LoggerFactory.getLogger(FieldController.class);
  static final String NOT_FOUND = "未找到 / not found";
  static final String COMPLETED_MEANWHILE = "该任务已由他人办结，本机记录已保留待核对 / this task was completed by someone "
      + "else meanwhile; the entry on this phone is kept for review";
  static final String CLAIMED_BY_OTHER = "该任务已由他人认领 / this task was claimed by someone else";
  private static final String SUBMISSION_ID = "[A-Za-z0-9._:-]{1,64}";

  private final FieldTasks fieldTasks;
  private final FieldSubmissions submissions;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final DocumentController documents;
  private final ObjectMapper json;

  FieldController(FieldTasks fieldTasks, FieldSubmissions submissions, TaskService tasks, FormService forms,
      IdentityService identity, DocumentController documents, ObjectMapper json) {
    this.fieldTasks = fieldTasks;
    this.submissions = submissions;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.documents = documents;
    this.json = json;
  }

  /**
   * Who is logged in, and the session's CSRF token for the page's writes: the webapps' XSRF-TOKEN cookie is scoped
   * to /camunda, which this page cannot read (as the register upload page, {@code IntakeController}).
   */
  @GetMapping("/me")
  Map<String, Object> me(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("userId", identity.getCurrentAuthentication().getUserId());
    me.put("csrfToken", session == null ? null : session.getAttribute(BasicAuthenticationFilter.CSRF_SESSION_KEY));
    return me;
  }

  /** "My work": the user's field tasks and their groups', nearest due first. */
  @GetMapping("/tasks")
  Map<String, Object> list(@RequestParam(name = "q", required = false) String q) {
    List<Map<String, Object>> rows = fieldTasks.mine(q).stream().map(l -> {
      Map<String, Object> row = summary(l.task());
      row.putAll(household(l.household()));
      return row;
    }).toList();
    return Map.of("tasks", rows, "max", FieldTasks.MAX_LISTED);
  }

  /** One task: its deployed form's schema (as the engine serves it to Tasklist), its values, what the step needs. */
  @GetMapping("/tasks/{id}")
  ResponseEntity<?> task(@PathVariable String id) throws IOException {
    Optional<Task> open = fieldTasks.open(id);
    if (open.isEmpty()) {
      return ApiProblem.notFound(NOT_FOUND);
    }
    JsonNode schema;
    try (InputStream form = forms.getDeployedTaskForm(id)) {
      schema = json.readTree(form);
    }
    Set<String> keys = keys(schema);
    keys.addAll(FieldTasks.SHOWN);
    Map<String, Object> values = new LinkedHashMap<>();
    tasks.getVariables(id, keys).forEach((name, value) -> {
      if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
        values.put(name, value);
      }
    });
    Map<String, Object> body = summary(open.get());
    body.putAll(household(values));
    body.put("form", schema);
    body.put("variables", values);
    ResponseEntity<?> listing = documents.ofTask(id);
    body.put("documents", listing.getStatusCode().is2xxSuccessful() ? listing.getBody() : null);
    return ResponseEntity.ok(body);
  }

  /** Completes the task once per {@code submissionId}; a repeat answers the first outcome and does nothing. */
  @PostMapping("/tasks/{id}/complete")
  ResponseEntity<?> complete(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
    String submissionId = body == null ? null : body.path("submissionId").asText(null);
    if (submissionId == null || !submissionId.matches(SUBMISSION_ID)) {
      return ApiProblem.badRequest("submissionId", "须为 1 到 64 个字母、数字或 ._:- / must be 1 to 64 letters, digits or ._:-");
    }
    JsonNode given = body.path("variables");
    if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
      return ApiProblem.badRequest("variables", "须为字段名到值的对象 / must be an object of field names and values");
    }
    String userId = identity.getCurrentAuthentication().getUserId();
    Optional<FieldSubmissions.Submission> earlier = submissions.find(submissionId);
    if (earlier.isPresent()) {
      return repeated(earlier.get(), id, userId);
    }
    Optional<Task> open = fieldTasks.open(id);
    if (open.isEmpty()) {
      return fieldTasks.closedMeanwhile(id) ? completedMeanwhile() : ApiProblem.notFound(NOT_FOUND);
    }
    Task task = open.get();
    if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
      return ApiProblem.of(HttpStatus.CONFLICT, "conflict", CLAIMED_BY_OTHER);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = given.isObject() ? json.convertValue(given, Map.class) : Map.of();
    try {
      return ResponseEntity.ok(outcome(submissions.complete(submissionId, task, userId, variables), false));
    } catch (FieldSubmissions.AlreadySent raced) {
      return submissions.find(submissionId).<ResponseEntity<?>>map(s -> repeated(s, id, userId))
          .orElseGet(this::completedMeanwhile);
    } catch (FieldErrors.Refusal refusal) {
      LOG.info("refused field completion of task {}: {}", id, FieldErrors.forLog(refusal));
      return ApiProblem.invalid(FieldErrors.message(refusal.problems()), refusal.problems().stream()
          .map(p -> Map.of("field", p.field(), "reason", p.reasonZh() + " / " + p.reasonEn(), "message", p.sentence()))
          .toList());
    } catch (FormFieldValidationException invalid) {
      return ApiProblem.badRequest("form", String.valueOf(invalid.getMessage()));
    } catch (AuthorizationException refused) {
      return ApiProblem.forbidden(refused.getMessage());
    } catch (TaskAlreadyClaimedException claimed) {
      return ApiProblem.of(HttpStatus.CONFLICT, "conflict", CLAIMED_BY_OTHER);
    } catch (NullValueException | OptimisticLockingException gone) {
      return completedMeanwhile(); // completed (or claimed) by someone else between our look and our write
    } catch (ProcessEngineException failed) {
      if (fieldTasks.open(id).isEmpty()) {
        return completedMeanwhile();
      }
      throw failed;
    }
  }

  private ResponseEntity<?> repeated(FieldSubmissions.Submission earlier, String taskId, String userId) {
    if (!earlier.userId().equals(userId)) {
      return ApiProblem.notFound(NOT_FOUND); // another user's submission id tells this user nothing
    }
    if (!earlier.taskId().equals(taskId)) {
      return ApiProblem.badRequest("submissionId", "已用于另一任务 / was used for another task");
    }
    return ResponseEntity.ok(outcome(earlier, true));
  }

  private ResponseEntity<?> completedMeanwhile() {
    return ApiProblem.of(HttpStatus.CONFLICT, "completed-meanwhile", COMPLETED_MEANWHILE);
  }

  private static Map<String, Object> outcome(FieldSubmissions.Submission s, boolean repeated) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("submissionId", s.submissionId());
    m.put("taskId", s.taskId());
    m.put("outcome", s.outcome());
    m.put("completedBy", s.userId());
    m.put("completedAt", s.submittedAt().toString());
    m.put("repeated", repeated);
    return m;
  }

  private static Map<String, Object> summary(Task task) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", task.getId());
    m.put("name", task.getName());
    m.put("step", task.getTaskDefinitionKey());
    m.put("assignee", task.getAssignee());
    m.put("due", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString());
    return m;
  }

  private static Map<String, Object> household(Map<String, Object> variables) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("householdId", variables.get(Vars.HOUSEHOLD_ID));
    m.put("headName", variables.get(Vars.HEAD_NAME));
    m.put("village", variables.get(Vars.VILLAGE));
    m.put("address", variables.get(Vars.HOUSE_ADDRESS));
    return m;
  }

  /**
   * The variables a form shows or decides on: its fields' keys, nested groups included, and the names its
   * {@code conditional.hide} expressions read (e.g. {@code seismicIntensity} of {@code =seismicIntensity < 7}).
   */
  static Set<String> keys(JsonNode form) {
    Set<String> keys = new HashSet<>();
    Deque<JsonNode> pending = new ArrayDeque<>(List.of(form));
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.hasNonNull("key")) {
        keys.add(node.get("key").asText());
      }
      Matcher name = NAME.matcher(node.path("conditional").path("hide").asText(""));
      while (name.find()) {
        if (!FEEL_WORDS.contains(name.group())) {
          keys.add(name.group());
        }
      }
      node.path("components").forEach(pending::push);
    }
    return keys;
  }

  private static final Pattern NAME = Pattern.compile("(?<![\\w\"])[A-Za-z_][A-Za-z0-9_]*(?![\\w\"])");
  private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or");
}
