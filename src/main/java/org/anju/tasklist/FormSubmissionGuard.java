package org.anju.tasklist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A step's submission may carry only the fields of its form, each of a plain type. Without this, a
 * clerk could send along variables the form does not show (another step's candidate group, the
 * approved subsidy) through the REST API, and the step's rule would never see them as input.
 * Applies to completing a task and to starting a process, on the engine REST API and on the
 * webapps' API that Tasklist uses.
 */
public class FormSubmissionGuard extends OncePerRequestFilter {

  static final Pattern TASK = Pattern.compile(".*/task/([^/]+)/(submit-form|complete|resolve)$");
  static final Pattern START = Pattern.compile(".*/process-definition/(key/([^/]+)(/tenant-id/[^/]+)?|([^/]+))/(submit-form|start)$");
  static final Set<String> PLAIN_TYPES = Set.of("String", "Boolean", "Long", "Integer", "Short", "Double", "Null");

  private final TaskService tasks;
  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Set<String>> fieldsByDefinitionAndForm = new ConcurrentHashMap<>();

  public FormSubmissionGuard(TaskService tasks, FormService forms, RepositoryService repository,
      IdentityService identity) {
    this.tasks = tasks;
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher task = TASK.matcher(request.getRequestURI());
    Matcher start = START.matcher(request.getRequestURI());
    boolean taskCall = task.matches();
    boolean startCall = !taskCall && start.matches();
    if (!"POST".equals(request.getMethod()) || !(taskCall || startCall)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    JsonNode variables = parse(body);
    if (variables != null && variables.isObject() && variables.size() > 0) {
      Set<String> allowed = taskCall ? taskFields(task.group(1))
          : startFields(start.group(2) != null ? start.group(2) : null, start.group(4));
      List<String> problems = problems(variables, allowed);
      if (!problems.isEmpty()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json.writeValueAsString(Map.of("type", "InvalidRequestException",
            "message", "Invalid input: " + String.join("; ", problems))));
        return;
      }
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private JsonNode parse(byte[] body) {
    try {
      return json.readTree(body).path("variables");
    } catch (IOException e) {
      return null; // malformed JSON: the REST API itself answers 400
    }
  }

  static List<String> problems(JsonNode variables, Set<String> allowed) {
    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      if (allowed != null && !allowed.contains(name)) {
        problems.add(FieldLabels.of(name) + ": is not a field of this step's form");
        continue;
      }
      JsonNode type = entry.getValue().path("type");
      JsonNode value = entry.getValue().path("value");
      if (!type.isMissingNode() && !type.isNull() && !PLAIN_TYPES.contains(type.asText())) {
        problems.add(FieldLabels.of(name) + ": type '" + type.asText() + "' is not accepted here");
      } else if (!value.isMissingNode() && !value.isNull() && !fits(type.asText("String"), value)) {
        problems.add(FieldLabels.of(name) + ": '" + value.asText() + "' is not a valid " + type.asText());
      }
    }
    return problems;
  }

  private static boolean fits(String type, JsonNode value) {
    return switch (type) {
      case "Boolean" -> value.isBoolean() || value.asText().matches("true|false");
      case "Long", "Integer", "Short" -> value.isIntegralNumber() && value.canConvertToLong()
          || value.asText().matches("-?\\d{1,18}");
      case "Double" -> value.isNumber() || value.asText().matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
      default -> true;
    };
  }

  /** The editable fields of the task's deployed form, or null (no check) when the task is not visible. */
  private Set<String> taskFields(String taskId) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication(); // only to read the form; the engine authorizes the call itself
    try {
      Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null || task.getCamundaFormRef() == null) {
        return null;
      }
      return fieldsByDefinitionAndForm.computeIfAbsent(task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey(),
          k -> editableKeys(forms.getDeployedTaskForm(taskId)));
    } catch (RuntimeException e) {
      return null;
    } finally {
      restore(caller);
    }
  }

  private Set<String> startFields(String key, String definitionId) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      ProcessDefinition definition = definitionId != null
          ? repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult()
          : repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().withoutTenantId()
              .singleResult();
      if (definition == null) {
        return null;
      }
      return fieldsByDefinitionAndForm.computeIfAbsent(definition.getId() + "|start",
          k -> editableKeys(forms.getDeployedStartForm(definition.getId())));
    } catch (RuntimeException e) {
      return null;
    } finally {
      restore(caller);
    }
  }

  private void restore(Authentication caller) {
    if (caller != null) {
      identity.setAuthentication(caller);
    }
  }

  private Set<String> editableKeys(InputStream form) {
    Set<String> keys = new HashSet<>();
    try (form) {
      List<JsonNode> pending = new ArrayList<>(List.of(json.readTree(form)));
      while (!pending.isEmpty()) {
        JsonNode node = pending.remove(pending.size() - 1);
        node.path("components").forEach(pending::add);
        if (node.hasNonNull("key") && !node.path("disabled").asBoolean(false)) {
          keys.add(node.get("key").asText());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return keys;
  }

  /** The request with its body read once and kept for the REST API. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
