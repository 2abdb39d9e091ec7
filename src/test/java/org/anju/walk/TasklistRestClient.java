package org.anju.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anju.demo.DemoUsers;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The calls Tasklist makes to the engine's REST API: read the deployed form and the task's
 * variables, claim, submit the form. Values are submitted only for the form's own editable fields.
 */
class TasklistRestClient {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  private final TestRestTemplate anonymous;
  private final TestRestTemplate rest;
  private final String user;

  /** A client logged in as {@code user} with the demo password. */
  TasklistRestClient(TestRestTemplate anonymous, String user) {
    this.anonymous = anonymous;
    this.user = user;
    this.rest = anonymous.withBasicAuth(user, DemoUsers.PASSWORD);
  }

  String user() {
    return user;
  }

  /** The same server, another user. */
  TasklistRestClient as(String user) {
    return new TasklistRestClient(anonymous, user);
  }

  Map<String, Object> get(String path) {
    ResponseEntity<Map<String, Object>> response = rest.exchange("/engine-rest" + path, HttpMethod.GET, null, MAP);
    assertThat(response.getStatusCode().is2xxSuccessful()).as("GET %s: %s", path, response.getBody()).isTrue();
    return response.getBody();
  }

  List<Map<String, Object>> list(String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.exchange("/engine-rest" + path, HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode().is2xxSuccessful()).as("GET %s", path).isTrue();
    return response.getBody();
  }

  ResponseEntity<Map<String, Object>> post(String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
  }

  /** Anju's own API (not the engine's), as the Documents tab calls it. */
  ResponseEntity<Map<String, Object>> anju(HttpMethod method, String path, HttpEntity<?> body) {
    return rest.exchange(path, method, body, MAP);
  }

  /** As the clerk does on the Documents tab: a photo for every record the step needs. */
  int uploadRequiredDocuments(String taskId) {
    return org.anju.support.Uploads.uploadWhatTheStepNeeds(rest, taskId);
  }

  /** The editable input fields of a deployed Camunda Form (disabled fields are display only). */
  @SuppressWarnings("unchecked")
  static Map<String, String> editableFields(Map<String, Object> form) {
    Map<String, String> fields = new HashMap<>();
    List<Map<String, Object>> pending = new ArrayList<>((List<Map<String, Object>>) form.get("components"));
    while (!pending.isEmpty()) {
      Map<String, Object> component = pending.remove(0);
      if (component.get("components") instanceof List<?> children) {
        pending.addAll((List<Map<String, Object>>) children);
      }
      if (component.get("key") instanceof String key && !Boolean.TRUE.equals(component.get("disabled"))) {
        fields.put(key, (String) component.get("type"));
      }
    }
    return fields;
  }
}
